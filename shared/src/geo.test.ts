import { describe, expect, it } from 'vitest';
import { boundingBox, haversineKm, mainSiteLocation } from './geo';

describe('haversineKm', () => {
  it('is zero for one point and symmetric', () => {
    expect(haversineKm(46.67, 5.55, 46.67, 5.55)).toBe(0);
    expect(haversineKm(46.67, 5.55, 47.24, 6.02)).toBeCloseTo(haversineKm(47.24, 6.02, 46.67, 5.55), 9);
  });

  it('measures Lons-le-Saunier to Besançon (~72 km as the crow flies)', () => {
    expect(haversineKm(46.6744, 5.5547, 47.2378, 6.0241)).toBeGreaterThan(70);
    expect(haversineKm(46.6744, 5.5547, 47.2378, 6.0241)).toBeLessThan(74);
  });
});

describe('mainSiteLocation', () => {
  const site = (name: string, latitude: number | null, longitude: number | null) => ({ name, latitude, longitude });

  it('is the first site as listed (by name), as matching places the firm', () => {
    expect(mainSiteLocation([site('Atelier', 46.1, 5.1), site('Siège', 46.2, 5.2)])).toEqual({ name: 'Atelier', lat: 46.1, lng: 5.1 });
  });

  it('gives no distance when the main site has no coordinates, rather than another site’s', () => {
    expect(mainSiteLocation([site('Atelier', null, null), site('Siège', 46.2, 5.2)])).toBeNull();
    expect(mainSiteLocation([])).toBeNull();
  });
});

describe('boundingBox', () => {
  it('contains every point of the circle, checked on its rim', () => {
    const centre = { lat: 46.67, lng: 5.55 };
    const box = boundingBox(centre, 50);
    for (let bearing = 0; bearing < 360; bearing += 5) {
      // A point 49.9 km away at this bearing, found by bisection on the distance.
      let [lo, hi] = [0, 1];
      const at = (t: number) => ({
        lat: centre.lat + t * Math.cos((bearing * Math.PI) / 180),
        lng: centre.lng + t * Math.sin((bearing * Math.PI) / 180) * 1.5,
      });
      for (let i = 0; i < 50; i++) {
        const mid = (lo + hi) / 2;
        if (haversineKm(centre.lat, centre.lng, at(mid).lat, at(mid).lng) < 49.9) lo = mid;
        else hi = mid;
      }
      const p = at(lo);
      expect(p.lat).toBeGreaterThanOrEqual(box.south);
      expect(p.lat).toBeLessThanOrEqual(box.north);
      expect(p.lng).toBeGreaterThanOrEqual(box.west);
      expect(p.lng).toBeLessThanOrEqual(box.east);
    }
    // And it is not much larger: a point 60 km north is outside.
    expect(centre.lat + 60 / 111.2).toBeGreaterThan(box.north);
  });

  it('spans every longitude near a pole or across the antimeridian', () => {
    expect(boundingBox({ lat: 89.9, lng: 10 }, 50)).toMatchObject({ west: -180, east: 180, north: 90 });
    expect(boundingBox({ lat: 0, lng: 179.9 }, 50)).toMatchObject({ west: -180, east: 180 });
  });
});
