import { toYearlyBase, unitDimension, type Dimension } from '@synergies/shared';
import type { MatchDeclaration } from './types';
import { textTokens, type TextModel } from './signals/text';
import { wasteParts, type WasteParts } from './signals/waste';
import { offerIsHazardous } from './signals/hazard';

/** What scoring reads again and again, computed once per declaration object. */
export interface Features {
  waste: WasteParts | null;
  /** Words of the title, and of the title with the start of the description. */
  titleTokens: Set<string>;
  tokens: Set<string>;
  /** Offer: the material is hazardous. Need: the firm accepts hazardous material. */
  hazardous: boolean;
  /** Yearly quantity in the dimension's base unit, null when unknown. */
  yearly: number | null;
  dimension: Dimension;
}

const cache = new WeakMap<MatchDeclaration, Features>();

/** Titles say what a declaration is; descriptions add detail and also filler ("entreprise voisine"). */
const TITLE_SHARE = 0.6;

/** Word similarity of two declarations, 0..1. */
export function declarationSimilarity(a: Features, b: Features, text: TextModel): number {
  return TITLE_SHARE * text.similarity(a.titleTokens, b.titleTokens) + (1 - TITLE_SHARE) * text.similarity(a.tokens, b.tokens);
}

export function featuresOf(d: MatchDeclaration): Features {
  let f = cache.get(d);
  if (f === undefined) {
    const titleTokens = textTokens(d.title);
    f = {
      waste: wasteParts(d.wasteCode),
      titleTokens,
      tokens: textTokens(d.description.slice(0, 300), titleTokens),
      hazardous: offerIsHazardous(d),
      yearly: d.quantity === null ? null : toYearlyBase(d.quantity, d.unit, d.frequency),
      dimension: unitDimension(d.unit),
    };
    cache.set(d, f);
  }
  return f;
}
