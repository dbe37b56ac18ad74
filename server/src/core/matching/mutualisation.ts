import { categoryFamily, unitDimension, toYearlyBase, type Dimension } from '@synergies/shared';
import { distanceKm, distanceValue } from './signals/distance';
import { featuresOf } from './features';
import { isFungibleCategory } from './signals/category';
import { buildProposal } from './proposal';
import { round } from './score';
import { wordWeightsOf, type WordWeights } from './words';
import type { MatchDeclaration, Proposal, Reason } from './types';
import type { MatchWeights } from './weights';

/**
 * Offers worth pooling are things to collect or share out (materials, water, energy,
 * reusable packaging): five glassine producers → one collection round. Two firms that
 * both offer a machine or premises have nothing to pool. Needs of any category pool
 * (one purchase, one contract, one round).
 */
const POOLED_OFFER_FAMILIES = new Set(['materials', 'water', 'energy']);

export function canPool(d: MatchDeclaration): boolean {
  return d.kind === 'need' || POOLED_OFFER_FAMILIES.has(categoryFamily(d.categoryCode)) || d.categoryCode === 'logistics.packaging';
}

/** Signal weights of a group: how many firms, how alike their material, how close. */
const GROUP_WEIGHTS = { size: 0.4, material: 0.3, distance: 0.3 };
/** Word similarity from which two declarations without a common waste code are the same thing. */
const SAME_THING = 0.4;

/**
 * Groups of declarations of the same zone, kind and category from at least two firms,
 * linked (single linkage) when they are the same thing — the same waste code, or
 * similar words when one has no code, or just the category for heat and water — and
 * within `maxDistanceKm` of each other (a declaration without a location is taken to
 * be in its zone, hence near all). With `containing`, only the group that declaration
 * belongs to (an incremental match builds no other).
 */
export function mutualisations(
  declarations: readonly MatchDeclaration[],
  weights: MatchWeights,
  text: WordWeights = wordWeightsOf(declarations),
  containing?: MatchDeclaration,
): Proposal[] {
  const groupKey = (d: MatchDeclaration) => `${d.zoneId}|${d.kind}|${d.categoryCode}`;
  if (containing && !canPool(containing)) return [];
  const onlyGroup = containing && groupKey(containing);
  const groups = new Map<string, MatchDeclaration[]>();
  for (const d of declarations) {
    if (!canPool(d)) continue;
    const key = groupKey(d);
    if (onlyGroup && key !== onlyGroup) continue;
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [d]);
    else list.push(d);
  }
  const proposals: Proposal[] = [];
  for (const members of groups.values()) {
    if (new Set(members.map((d) => d.organisationId)).size < 2) continue;
    const sameThing = sameThingRule(members, weights.maxDistanceKm, text);
    const components = containing ? [componentOf(members, containing, sameThing)] : link(members, sameThing);
    for (const component of components) {
      const proposal = groupProposal(component, weights);
      if (proposal !== null && proposal.score >= weights.minScore) proposals.push(proposal);
    }
  }
  return proposals;
}

/** Whether two members (of one zone, kind and category) are the same thing, near enough to pool. */
function sameThingRule(members: MatchDeclaration[], maxKm: number, text: WordWeights): (a: MatchDeclaration, b: MatchDeclaration) => boolean {
  const fungible = isFungibleCategory(members[0]!.categoryCode);
  return (a, b) => {
    const km = distanceKm(a.location, b.location);
    if (km !== null && km > maxKm) return false;
    const [wa, wb] = [featuresOf(a).waste?.code ?? null, featuresOf(b).waste?.code ?? null];
    // Two different waste codes are two different things, however alike the words.
    return wa !== null && wb !== null ? wa === wb : fungible || text.similarity(a, b) >= SAME_THING;
  };
}

const byId = (a: MatchDeclaration, b: MatchDeclaration) => (a.id < b.id ? -1 : 1);

/** Every component, each pair weighed; members in id order. */
function link(members: MatchDeclaration[], same: (a: MatchDeclaration, b: MatchDeclaration) => boolean): MatchDeclaration[][] {
  const sorted = [...members].sort(byId);
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) if (same(sorted[i]!, sorted[j]!)) parent[find(j)] = find(i);
  const components = new Map<number, MatchDeclaration[]>();
  sorted.forEach((d, i) => {
    const root = find(i);
    components.set(root, [...(components.get(root) ?? []), d]);
  });
  return [...components.values()];
}

/** The component of `start` alone (the same as `link` finds), walked from it; members in id order. */
function componentOf(members: MatchDeclaration[], start: MatchDeclaration, same: (a: MatchDeclaration, b: MatchDeclaration) => boolean): MatchDeclaration[] {
  const first = members.find((d) => d.id === start.id) ?? start;
  let outside = members.filter((d) => d !== first);
  const component = [first];
  for (let i = 0; i < component.length && outside.length > 0; i++) {
    const from = component[i]!;
    const next: MatchDeclaration[] = [];
    // Asked in id order, as `link` asks: the rule then answers exactly as it does there.
    for (const d of outside) ((from.id < d.id ? same(from, d) : same(d, from)) ? component : next).push(d);
    outside = next;
  }
  return component.sort(byId);
}

function groupProposal(members: MatchDeclaration[], weights: MatchWeights): Proposal | null {
  const organisations = [...new Set(members.map((d) => d.organisationId))];
  if (organisations.length < 2) return null;
  const first = members[0]!;
  const reasons: Reason[] = [];
  const size = 1 - 1 / organisations.length;
  reasons.push({ code: 'group_size', weight: GROUP_WEIGHTS.size, value: size, params: { count: organisations.length, kind: first.kind } });

  const codes = members.map((d) => featuresOf(d).waste?.code).filter((c) => c !== undefined);
  const modal = mostFrequent(codes);
  const material = modal === null ? 1 : codes.filter((c) => c === modal).length / codes.length;
  if (modal !== null && material === 1 && codes.length >= 2)
    reasons.push({ code: 'same_waste_code', weight: GROUP_WEIGHTS.material, value: 1, params: { offerCode: modal, needCode: modal } });
  else
    reasons.push({
      code: 'same_category',
      weight: GROUP_WEIGHTS.material,
      value: material,
      params: { offerCategory: first.categoryCode, needCategory: first.categoryCode },
    });

  const spread = maxPairwiseKm(members);
  const closeness = spread === null ? 0.5 : distanceValue(spread, weights.maxDistanceKm);
  if (spread !== null)
    reasons.push({ code: 'distance', weight: GROUP_WEIGHTS.distance, value: closeness, params: { km: Math.round(spread * 100) / 100, spread: true } });

  const total = yearlyTotal(members);
  if (total !== null) reasons.push({ code: 'quantity_total', weight: 0, value: 1, params: { yearlyBase: total.base, dimension: total.dimension } });

  const score = GROUP_WEIGHTS.size * size + GROUP_WEIGHTS.material * material + GROUP_WEIGHTS.distance * closeness;
  return buildProposal('mutualisation', members, organisations, round(score), reasons);
}

function mostFrequent(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (best === null || c > counts.get(best)!) best = v;
  return best;
}

function maxPairwiseKm(members: MatchDeclaration[]): number | null {
  let max: number | null = null;
  for (let i = 0; i < members.length; i++)
    for (let j = i + 1; j < members.length; j++) {
      const km = distanceKm(members[i]!.location, members[j]!.location);
      if (km !== null && (max === null || km > max)) max = km;
    }
  return max;
}

/** The pooled amount per year, when every member states a quantity of one dimension. */
function yearlyTotal(members: MatchDeclaration[]): { base: number; dimension: Dimension } | null {
  if (members.some((d) => d.quantity === null)) return null;
  const dimensions = new Set(members.map((d) => unitDimension(d.unit)));
  if (dimensions.size !== 1) return null;
  const base = members.reduce((sum, d) => sum + toYearlyBase(d.quantity!, d.unit, d.frequency), 0);
  return { base, dimension: [...dimensions][0]! };
}
