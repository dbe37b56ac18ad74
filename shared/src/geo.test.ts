import { describe, expect, it } from 'vitest';
import { haversineKm } from './geo';

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
