import { categoryRelation, CATEGORY_RELATION_VALUE, isFungibleCategory } from './signals/category';
import { WASTE_RELATION_VALUE, wasteRelation, type WasteRelation } from './signals/waste';
import { QUANTITY_FIT_THRESHOLD, yearlyFit } from './signals/quantity';
import { distanceKm, distanceValue } from './signals/distance';
import { hasWindow, windowsOverlap } from './signals/availability';
import { featuresOf } from './features';
import { EQUAL_WORD_WEIGHTS, type WordWeights } from './words';
import type { KnowledgeBase } from './knowledge/knowledge-base';
import type { MatchDeclaration, Reason } from './types';
import type { MatchWeights } from './weights';

export interface ScoreContext {
  /** Lets codes documented together count as related. */
  kb?: KnowledgeBase;
  /** The two firms also match the other way round. */
  reciprocal?: boolean;
  /** "YYYY-MM-DD": availability before this day is over. Injected, never read from the clock. */
  today?: string;
  /** Word weights of the zone (see `wordWeightsOf`); every word weighs the same without it. */
  text?: WordWeights;
}

export type Exclusion = 'kind' | 'same_organisation' | 'material' | 'distance';

export interface PairScore {
  score: number;
  reasons: Reason[];
  /** Why the pair is not a candidate at all (score 0, no reasons). */
  excluded?: Exclusion;
}

/** Unknown quantity or distance: neither a reason to propose nor one to hide. */
const UNKNOWN = 0.5;
const TEXT_REASON_THRESHOLD = 0.3;

/**
 * Scores one offer against one need. The score is the weighted mean of the signals
 * (text, category, waste code, quantity, distance, availability); times
 * (1 − gate + gate × evidence that both speak of the same material, see
 * `sameMaterialEvidence`; gate = textGate, a third of it for energy and water); times
 * the hazard penalty; plus the reciprocity bonus; capped at 1. A waste code
 * missing on either side leaves that signal out of the mean (the category already
 * speaks for the material); an unknown quantity or distance counts as 0.5.
 *
 * A pair is a candidate only if (1) the categories share at least their family and
 * (2) the categories are the same or related, or the waste codes share a sub-chapter
 * or are documented together; and within `maxDistanceKm` (or, if a location is
 * missing, in the same zone). `candidateKeys` is built so that every candidate pair
 * shares a key.
 */
export function scorePair(offer: MatchDeclaration, need: MatchDeclaration, weights: MatchWeights, context: ScoreContext = {}): PairScore {
  const reasons: Reason[] = [];
  const outcome = evaluate(offer, need, weights, context, reasons);
  return typeof outcome === 'number' ? { score: outcome, reasons } : { score: 0, reasons: [], excluded: outcome };
}

/** The same score without building reasons: what a rematch runs on every candidate pair. */
export function pairScoreValue(offer: MatchDeclaration, need: MatchDeclaration, weights: MatchWeights, context: ScoreContext = {}): number | Exclusion {
  return evaluate(offer, need, weights, context, null);
}

function evaluate(offer: MatchDeclaration, need: MatchDeclaration, weights: MatchWeights, context: ScoreContext, reasons: Reason[] | null): number | Exclusion {
  if (offer.kind !== 'offer' || need.kind !== 'need') return 'kind';
  if (offer.organisationId === need.organisationId) return 'same_organisation';
  const category = categoryRelation(offer.categoryCode, need.categoryCode);
  const fo = featuresOf(offer);
  const fn = featuresOf(need);
  const waste = fo.waste && fn.waste ? wasteRelation(fo.waste, fn.waste, context.kb?.relatedCodes(fo.waste.code)) : null;
  const materialOk = category === 'same' || category === 'related' || waste === 'same' || waste === 'sub_chapter' || waste === 'knowledge';
  if (category === 'none' || !materialOk) return 'material';
  const km = distanceKm(offer.location, need.location);
  // Without a location a declaration is only known to be in its zone.
  if (km === null ? offer.zoneId !== need.zoneId : km > weights.maxDistanceKm) return 'distance';

  let sum = 0;
  let total = 0;
  if (waste !== null) {
    sum += weights.wasteCode * WASTE_RELATION_VALUE[waste];
    total += weights.wasteCode;
  }
  const categoryValue = CATEGORY_RELATION_VALUE[category];
  sum += weights.category * categoryValue;
  total += weights.category;
  const text = (context.text ?? EQUAL_WORD_WEIGHTS).similarity(offer, need);
  sum += weights.text * text;
  total += weights.text;
  const quantityKnown = fo.yearly !== null && fn.yearly !== null;
  const compatible = fo.dimension === fn.dimension;
  const quantity = !quantityKnown ? UNKNOWN : compatible ? yearlyFit(fo.yearly!, fn.yearly!) : 0;
  sum += weights.quantity * quantity;
  total += weights.quantity;
  const distance = km === null ? UNKNOWN : distanceValue(km, weights.maxDistanceKm);
  sum += weights.distance * distance;
  total += weights.distance;
  const overlap = windowsOverlap(offer, need, context.today);
  sum += weights.availability * (overlap ? 1 : 0);
  total += weights.availability;

  const hazard = fo.hazardous && !fn.hazardous;
  let score = total > 0 ? sum / total : 0;
  const gate = isFungibleCategory(offer.categoryCode) ? weights.textGate / 3 : weights.textGate;
  score *= 1 - gate + gate * sameMaterialEvidence(waste, text);
  if (hazard) score *= weights.hazardPenalty;
  if (context.reciprocal) score += weights.reciprocityBonus;

  if (reasons !== null) {
    if (waste !== null && waste !== 'none') {
      const params = { offerCode: fo.waste!.code, needCode: fn.waste!.code, level: waste };
      reasons.push({
        code: waste === 'same' ? 'same_waste_code' : 'related_waste_code',
        weight: weights.wasteCode,
        value: WASTE_RELATION_VALUE[waste],
        params,
      });
    }
    const categoryParams = { offerCategory: offer.categoryCode, needCategory: need.categoryCode, level: category };
    reasons.push({ code: category === 'same' ? 'same_category' : 'related_category', weight: weights.category, value: categoryValue, params: categoryParams });
    if (text >= TEXT_REASON_THRESHOLD) reasons.push({ code: 'text_match', weight: weights.text, value: text, params: {} });
    if (quantityKnown) {
      const params = {
        offerQuantity: offer.quantity,
        offerUnit: offer.unit,
        offerFrequency: offer.frequency,
        needQuantity: need.quantity,
        needUnit: need.unit,
        needFrequency: need.frequency,
      };
      const code = quantity >= QUANTITY_FIT_THRESHOLD ? 'quantity_fit' : 'quantity_mismatch';
      reasons.push({
        code,
        weight: weights.quantity,
        value: quantity,
        params: compatible ? { ...params, offerYearly: fo.yearly, needYearly: fn.yearly } : { ...params, incompatibleUnits: true },
      });
    }
    if (km !== null) reasons.push({ code: 'distance', weight: weights.distance, value: distance, params: { km: Math.round(km * 100) / 100 } });
    if (hasWindow(offer) || hasWindow(need)) {
      const params = { offerFrom: offer.availableFrom, offerUntil: offer.availableUntil, needFrom: need.availableFrom, needUntil: need.availableUntil };
      reasons.push({ code: overlap ? 'availability_overlap' : 'no_availability_overlap', weight: weights.availability, value: overlap ? 1 : 0, params });
    }
    if (hazard) reasons.push({ code: 'hazard_mismatch', weight: -(1 - weights.hazardPenalty), value: 1, params: { wasteCode: fo.waste?.code ?? null } });
    if (context.reciprocal) reasons.push({ code: 'reciprocity', weight: weights.reciprocityBonus, value: 1, params: {} });
  }
  return round(Math.min(1, score));
}

/**
 * How sure we are that both sides speak of the same thing, beyond the category:
 * "Mise à disposition de personnel" holds drivers and seamstresses alike. The same
 * waste code (or codes documented together) settles it; two different codes count by
 * their closeness — a shared sub-chapter is weak, 15 01 holds paper, plastic, wood and
 * metal packaging alike — and the words; without codes only the words speak.
 */
function sameMaterialEvidence(waste: WasteRelation | null, text: number): number {
  if (waste === 'same' || waste === 'knowledge') return 1;
  const words = Math.min(1, Math.max(0, (text - WORDS_NOISE) / (WORDS_CLEAR - WORDS_NOISE)));
  return waste === null ? words : (WASTE_RELATION_VALUE[waste] + words) / 2;
}

/**
 * Word similarity (title-first cosine) read as agreement: up to 0.2 two titles share
 * only filler ("… en temps partagé"), from 0.5 they name the same thing
 * ("Électricien de maintenance", "Talons et chutes de Comté").
 */
const WORDS_NOISE = 0.2;
const WORDS_CLEAR = 0.5;

export function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
