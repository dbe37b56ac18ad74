import { describe, expect, it } from 'vitest';
import { computeImpact, factorFor, massKg } from './impact';

const wood = { categoryCode: 'materials.wood', co2eKgPerTonne: 313, eurosPerTonne: 60, kgPerUnit: 25, referenceTripKm: 30, tonnesPerTrip: 5 };

describe('impacts', () => {
  it('converts masses, counted units and volumes to kg', () => {
    expect(massKg(2, 't', 25)).toBe(2000);
    expect(massKg(40, 'pallet', 25)).toBe(1000);
    expect(massKg(2, 'm3', 0.6)).toBe(1200);
    expect(massKg(100, 'kWh', 25)).toBe(0);
  });

  it('computes tonnes, euros, CO2e and km avoided', () => {
    // 480 pallets a year = 12 t; 3 trips of 5 t; each saves 2 × (30 − 2.5) km.
    const impact = computeImpact({ quantity: 480, unit: 'pallet', distanceKm: 2.5 }, wood);
    expect(impact).toEqual({ tonnes: 12, eurosSaved: 720, co2eKg: 3756, kmAvoided: 165 });
  });

  it('counts no km when the firms are farther apart than the usual site', () => {
    expect(computeImpact({ quantity: 1, unit: 't', distanceKm: 80 }, wood).kmAvoided).toBe(0);
  });

  it('falls back from a category to its parent, family and default', () => {
    const factors = [{ categoryCode: 'materials.paper' }, { categoryCode: 'materials' }, { categoryCode: 'default' }];
    expect(factorFor(factors, 'materials.paper.glassine')?.categoryCode).toBe('materials.paper');
    expect(factorFor(factors, 'materials.metals')?.categoryCode).toBe('materials');
    expect(factorFor(factors, 'energy.heat')?.categoryCode).toBe('default');
  });
});
