import { haversineKm, seededRandom } from '@synergies/shared';
import { describe, expect, it } from 'vitest';
import { cellsCovering, cellsOf, circleFilter } from './geo-cells';

describe('map cells', () => {
  it('cover every point of a circle, whatever its size and latitude', () => {
    const random = seededRandom(11);
    for (let n = 0; n < 2000; n++) {
      const centre = { lat: -60 + random() * 130, lng: -170 + random() * 340 };
      const km = [1, 5, 30, 50, 120, 400, 1500][n % 7]!;
      const cells = cellsCovering(centre, km);
      if (cells === null) continue;
      // A point at a random bearing and distance up to the radius (small steps along a great circle are close enough).
      const bearing = random() * 2 * Math.PI;
      const distance = km * Math.sqrt(random());
      const dLat = (distance / 111.195) * Math.cos(bearing);
      const point = {
        lat: centre.lat + dLat,
        lng: centre.lng + ((distance / 111.195) * Math.sin(bearing)) / Math.cos(((centre.lat + dLat / 2) * Math.PI) / 180),
      };
      if (haversineKm(centre.lat, centre.lng, point.lat, point.lng) > km) continue;
      expect(
        cellsOf(point).some((c) => cells.includes(c)),
        `${JSON.stringify(point)} within ${km} km of ${JSON.stringify(centre)}`,
      ).toBe(true);
    }
  });

  it('pick the finest size that needs at most a hundred cells', () => {
    const lons = { lat: 46.67, lng: 5.55 };
    expect(cellsCovering(lons, 5)!.every((c) => c.startsWith('0:'))).toBe(true);
    expect(cellsCovering(lons, 50)!.every((c) => c.startsWith('1:'))).toBe(true);
    expect(cellsCovering(lons, 50)!.length).toBeLessThanOrEqual(100);
    expect(cellsOf(lons)).toEqual(['0:933:110', '1:233:27', '2:46:5', '3:9:1']);
  });

  it('give up near the poles, across the antimeridian and for continents', () => {
    expect(cellsCovering({ lat: 88.9, lng: 0 }, 50)).toBeNull();
    expect(cellsCovering({ lat: -13.3, lng: 179.9 }, 50)).toBeNull();
    expect(cellsCovering({ lat: 46, lng: 2 }, 5000)).toBeNull();
    expect(circleFilter({ lat: 46, lng: 2 }, 5000)).toBeNull();
    expect(circleFilter({ lat: 46.67, lng: 5.55 }, 1)).toMatch(/^geoCells IN \["0:\d+:\d+"(, "0:\d+:\d+")*\]$/);
  });
});
