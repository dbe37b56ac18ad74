import { describe, expect, it } from 'vitest';
import { haversineKm, mainSiteLocation } from './geo';

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
