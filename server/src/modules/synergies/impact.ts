import { toBaseUnit, unitDimension, type Unit } from '@synergies/shared';

export interface ImpactFactorValues {
  categoryCode: string;
  co2eKgPerTonne: number;
  eurosPerTonne: number;
  /** Mass of one unit for counted units (a pallet ≈ 25 kg) or of one litre for volumes. */
  kgPerUnit: number;
  /** One-way distance to the usual treatment or supply site that the synergy avoids. */
  referenceTripKm: number;
  tonnesPerTrip: number;
}

export interface ImpactInput {
  quantity: number;
  unit: Unit;
  /** Distance between the two firms' sites, when known. */
  distanceKm: number | null;
}

export interface Impact {
  tonnes: number;
  eurosSaved: number;
  co2eKg: number;
  kmAvoided: number;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Mass in kg of a quantity: by its unit for masses, by the factor's kg per unit otherwise. */
export function massKg(quantity: number, unit: Unit, kgPerUnit: number): number {
  const dimension = unitDimension(unit);
  if (dimension === 'mass') return toBaseUnit(quantity, unit);
  if (dimension === 'volume' || dimension === 'count') return toBaseUnit(quantity, unit) * kgPerUnit;
  // Energy, time and area have no mass: their impact is not counted in tonnes.
  return 0;
}

/**
 * Impacts of an implemented synergy: tonnes diverted, euros saved (avoided disposal and
 * purchase), CO2e avoided (virgin material not produced), and road km avoided (trips to the
 * usual site replaced by the shorter trip between the two firms).
 */
export function computeImpact(input: ImpactInput, factor: ImpactFactorValues): Impact {
  const tonnes = massKg(input.quantity, input.unit, factor.kgPerUnit) / 1000;
  const trips = tonnes > 0 ? Math.ceil(tonnes / factor.tonnesPerTrip) : 0;
  const savedPerTrip = Math.max(0, 2 * (factor.referenceTripKm - (input.distanceKm ?? factor.referenceTripKm)));
  return {
    tonnes: round(tonnes, 3),
    eurosSaved: round(tonnes * factor.eurosPerTonne, 2),
    co2eKg: round(tonnes * factor.co2eKgPerTonne, 1),
    kmAvoided: round(trips * savedPerTrip, 1),
  };
}

/** The factor of the category, else of its parent, else of its family. */
export function factorFor<T extends { categoryCode: string }>(factors: T[], categoryCode: string): T | undefined {
  const byCode = new Map(factors.map((f) => [f.categoryCode, f]));
  const parts = categoryCode.split('.');
  for (let i = parts.length; i > 0; i--) {
    const found = byCode.get(parts.slice(0, i).join('.'));
    if (found) return found;
  }
  return byCode.get('default');
}
