import { toYearlyBase, unitDimension, type Dimension } from '@synergies/shared';
import type { MatchDeclaration } from './types';
import { textTokens } from './signals/text';
import { wasteParts, type WasteParts } from './signals/waste';
import { offerIsHazardous } from './signals/hazard';

/** What scoring reads again and again, computed once per declaration object. */
export interface Features {
  waste: WasteParts | null;
  tokens: Set<string>;
  /** Offer: the material is hazardous. Need: the firm accepts hazardous material. */
  hazardous: boolean;
  /** Yearly quantity in the dimension's base unit, null when unknown. */
  yearly: number | null;
  dimension: Dimension;
}

const cache = new WeakMap<MatchDeclaration, Features>();

export function featuresOf(d: MatchDeclaration): Features {
  let f = cache.get(d);
  if (f === undefined) {
    f = {
      waste: wasteParts(d.wasteCode),
      tokens: textTokens(`${d.title} ${d.description.slice(0, 300)}`),
      hazardous: offerIsHazardous(d),
      yearly: d.quantity === null ? null : toYearlyBase(d.quantity, d.unit, d.frequency),
      dimension: unitDimension(d.unit),
    };
    cache.set(d, f);
  }
  return f;
}
