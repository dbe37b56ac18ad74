import { BlockingIndex } from './grid';
import type { KnowledgeBase } from './knowledge/knowledge-base';
import { mutualisations } from './mutualisation';
import { potentialTakers } from './potential-takers';
import { buildProposal, compareProposals } from './proposal';
import { proposalKey } from './keys';
import { pairScoreValue, scorePair, type ScoreContext } from './score';
import { wordWeightsOf, type WordWeights } from './words';
import { pairKind } from './sharing';
import type { MatchDeclaration, MatchOrganisation, Proposal, ProposalKind } from './types';
import { resolveWeights, type MatchWeights, type MatchWeightsInput } from './weights';

export interface MatchOptions {
  /** The zone's settings; defaults for what is left out. */
  weights?: MatchWeightsInput;
  kb?: KnowledgeBase;
  /** "YYYY-MM-DD", injected: availability that ended before it does not count. */
  today?: string;
  /** Pair proposals kept per declaration (a pair stays if it is in the top N of either side). */
  topN?: number;
  /** Declarations taking part; reserved and closed ones are left out by default. */
  statuses?: readonly MatchDeclaration['status'][];
  /** Kinds of proposals to produce; all by default. */
  kinds?: readonly ProposalKind[];
  /** Offering → needing organisation pairs known to match, for reciprocity (see `reciprocityKey`). */
  reciprocalPairs?: ReadonlySet<string>;
  potentialTakers?: { maxPerOffer?: number; minScore?: number };
  /**
   * Word weights (`wordWeightsOf(zone declarations)`). By default built from the
   * declarations at hand; pass the zone's so that `matchDeclaration` scores a pair as
   * a zone rematch would.
   */
  text?: WordWeights;
}

interface Pair {
  offer: MatchDeclaration;
  need: MatchDeclaration;
  score: number;
  reciprocal: boolean;
}

const DEFAULT_TOP_N = 5;

/** "offering organisation>needing organisation". */
export function reciprocityKey(offerOrganisationId: string, needOrganisationId: string): string {
  return `${offerOrganisationId}>${needOrganisationId}`;
}

/**
 * One declaration against candidates the caller fetched (by `blockingKeys` and
 * distance): pair proposals above `minScore`, best `topN`, and the mutualisation
 * group the subject forms with same-kind candidates.
 */
export function matchDeclaration(subject: MatchDeclaration, candidates: readonly MatchDeclaration[], options: MatchOptions = {}): Proposal[] {
  // Potential takers need organisations: call `potentialTakers` for them.
  const weights = resolveWeights(options.weights);
  const kinds = new Set(options.kinds ?? ['substitution', 'sharing', 'mutualisation']);
  if (eligible([subject], options).length === 0) return [];
  const others = eligible(candidates, options).filter((c) => c.id !== subject.id);
  // Word weights from what the caller fetched: a small corpus, but the subject's own.
  const text = options.text ?? wordWeightsOf([subject, ...others]);
  const pairs: (Pair & { key: string })[] = [];
  for (const other of others) {
    if (other.kind === subject.kind) continue;
    const [offer, need] = subject.kind === 'offer' ? [subject, other] : [other, subject];
    const reciprocal = options.reciprocalPairs?.has(reciprocityKey(need.organisationId, offer.organisationId)) ?? false;
    const score = pairScoreValue(offer, need, weights, { kb: options.kb, today: options.today, reciprocal, text });
    const kind = pairKind(offer.categoryCode);
    if (typeof score === 'number' && score >= weights.minScore && kinds.has(kind))
      pairs.push({ offer, need, score, reciprocal, key: proposalKey(kind, [offer.id, need.id], [offer.organisationId, need.organisationId]) });
  }
  // Ranked as the proposals they become (same score and key); reasons only for the kept.
  const context = { kb: options.kb, today: options.today, text };
  const top = pairs
    .sort(compareProposals)
    .slice(0, options.topN ?? DEFAULT_TOP_N)
    .map((pair) => pairProposal(pair, weights, context));
  if (kinds.has('mutualisation')) {
    const sameKind = [subject, ...others.filter((c) => c.kind === subject.kind && c.zoneId === subject.zoneId)];
    top.push(...mutualisations(sameKind, weights, text, subject));
  }
  return top.sort(compareProposals);
}

/**
 * Full rematch of a zone (or of several): pairs found through the blocking index, never
 * all pairs; reciprocity; top N per declaration; mutualisation groups; and potential
 * takers (firms of the offer's zone) for offers that no declared need matched, when a
 * knowledge base is given.
 */
export function matchZone(declarations: readonly MatchDeclaration[], organisations: readonly MatchOrganisation[], options: MatchOptions = {}): Proposal[] {
  const weights = resolveWeights(options.weights);
  const active = eligible(declarations, options);
  const needs = active.filter((d) => d.kind === 'need');
  const index = new BlockingIndex(needs, weights.maxDistanceKm, options.kb);
  const offers = active.filter((d) => d.kind === 'offer');
  return assemble(
    active,
    organisations,
    offers.map((offer) => [offer, index.candidates(offer)] as const),
    weights,
    options,
  );
}

/** Reference implementation scoring every offer against every need; for tests and benchmarks only. */
export function matchAllPairs(declarations: readonly MatchDeclaration[], organisations: readonly MatchOrganisation[], options: MatchOptions = {}): Proposal[] {
  const weights = resolveWeights(options.weights);
  const active = eligible(declarations, options);
  const offers = active.filter((d) => d.kind === 'offer');
  const needs = active.filter((d) => d.kind === 'need');
  return assemble(
    active,
    organisations,
    offers.map((offer) => [offer, needs] as const),
    weights,
    options,
  );
}

function eligible(declarations: readonly MatchDeclaration[], options: MatchOptions): MatchDeclaration[] {
  const statuses = new Set(options.statuses ?? ['active']);
  return declarations.filter((d) => statuses.has(d.status));
}

function assemble(
  active: MatchDeclaration[],
  organisations: readonly MatchOrganisation[],
  candidatesByOffer: Iterable<readonly [MatchDeclaration, Iterable<MatchDeclaration>]>,
  weights: MatchWeights,
  options: MatchOptions,
): Proposal[] {
  const kinds = new Set(options.kinds ?? ['substitution', 'sharing', 'mutualisation', 'potential_taker']);
  const context: ScoreContext = { kb: options.kb, today: options.today, text: options.text ?? wordWeightsOf(active) };
  // The bonus can lift a pair over the threshold, so keep those it could lift.
  const floor = weights.minScore - weights.reciprocityBonus;
  const scored: Pair[] = [];
  for (const [offer, candidates] of candidatesByOffer) {
    if (!kinds.has(pairKind(offer.categoryCode))) continue;
    for (const need of candidates) {
      const score = pairScoreValue(offer, need, weights, context);
      if (typeof score === 'number' && score >= floor) scored.push({ offer, need, score, reciprocal: false });
    }
  }
  // Offering organisation → the needing organisations it matches.
  const matching = new Map<string, Set<string>>();
  const link = (from: string, to: string) => (matching.get(from) ?? matching.set(from, new Set()).get(from)!).add(to);
  for (const key of options.reciprocalPairs ?? []) link(...(key.split('>') as [string, string]));
  for (const p of scored) if (p.score >= weights.minScore) link(p.offer.organisationId, p.need.organisationId);
  const kept: Pair[] = [];
  for (const pair of scored) {
    pair.reciprocal = matching.get(pair.need.organisationId)?.has(pair.offer.organisationId) ?? false;
    if (pair.reciprocal) pair.score = pairScoreValue(pair.offer, pair.need, weights, { ...context, reciprocal: true }) as number;
    if (pair.score >= weights.minScore) kept.push(pair);
  }
  const proposals = topPerDeclaration(active, kept, options.topN ?? DEFAULT_TOP_N).map((p) => pairProposal(p, weights, context));
  if (kinds.has('mutualisation')) proposals.push(...mutualisations(active, weights, context.text));
  if (kinds.has('potential_taker') && options.kb) {
    const matchedOffers = new Set(kept.map((p) => p.offer.id));
    // Leads stay within the offer's zone: a national rematch must not compare every offer with every firm.
    const byZone = new Map<string, MatchOrganisation[]>();
    for (const o of organisations) (byZone.get(o.zoneId) ?? byZone.set(o.zoneId, []).get(o.zoneId)!).push(o);
    for (const offer of active)
      if (offer.kind === 'offer' && !matchedOffers.has(offer.id))
        proposals.push(...potentialTakers(offer, byZone.get(offer.zoneId) ?? [], options.kb, { ...options.potentialTakers, weights }));
  }
  return proposals.sort(compareProposals);
}

/**
 * A pair survives if it ranks in the top N of its offer or of its need (ties broken by
 * ids, through each declaration's rank in id order: numbers compare fast).
 */
function topPerDeclaration(active: MatchDeclaration[], pairs: Pair[], topN: number): Pair[] {
  const rank = new Map<MatchDeclaration, number>();
  [...active].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).forEach((d, i) => rank.set(d, i));
  const bySide = new Map<MatchDeclaration, Pair[]>();
  for (const pair of pairs) for (const side of [pair.offer, pair.need]) (bySide.get(side) ?? bySide.set(side, []).get(side)!).push(pair);
  const kept = new Set<Pair>();
  for (const list of bySide.values()) {
    if (list.length > topN) list.sort((a, b) => b.score - a.score || rank.get(a.offer)! - rank.get(b.offer)! || rank.get(a.need)! - rank.get(b.need)!);
    for (let i = 0; i < Math.min(topN, list.length); i++) kept.add(list[i]!);
  }
  return [...kept];
}

/** Reasons are built only for the pairs kept: scoring every candidate stays allocation-light. */
function pairProposal({ offer, need, reciprocal }: Pair, weights: MatchWeights, context: ScoreContext): Proposal {
  const { score, reasons } = scorePair(offer, need, weights, { ...context, reciprocal });
  return buildProposal(pairKind(offer.categoryCode), [offer, need], [offer.organisationId, need.organisationId], score, reasons);
}
