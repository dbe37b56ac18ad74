import { toYearlyBase, unitDimension, type Dimension, type Frequency, type Unit } from '@synergies/shared';

export interface QuantityLike {
  quantity: number | null;
  unit: Unit;
  frequency: Frequency;
}

export type QuantityFit =
  | { known: false }
  | { known: true; compatible: false; offerDimension: Dimension; needDimension: Dimension }
  | { known: true; compatible: true; value: number; offerYearly: number; needYearly: number };

/**
 * Compares yearly amounts in the dimension's base unit (2 t/month vs 500 kg/week).
 * The fit is the square root of the smaller-to-larger ratio, so that an offer twice
 * the need still fits well (0.71) and one tenth of it poorly (0.32). Mass and volume
 * are not converted into each other: without a density the comparison would be a guess.
 */
export function quantityFit(offer: QuantityLike, need: QuantityLike): QuantityFit {
  if (offer.quantity === null || need.quantity === null) return { known: false };
  const offerDimension = unitDimension(offer.unit);
  const needDimension = unitDimension(need.unit);
  if (offerDimension !== needDimension) return { known: true, compatible: false, offerDimension, needDimension };
  const offerYearly = toYearlyBase(offer.quantity, offer.unit, offer.frequency);
  const needYearly = toYearlyBase(need.quantity, need.unit, need.frequency);
  return { known: true, compatible: true, value: yearlyFit(offerYearly, needYearly), offerYearly, needYearly };
}

export function yearlyFit(offerYearly: number, needYearly: number): number {
  return Math.sqrt(Math.min(offerYearly, needYearly) / Math.max(offerYearly, needYearly));
}

/** Below this fit the quantities are reported as a mismatch rather than a fit. */
export const QUANTITY_FIT_THRESHOLD = 0.5;
