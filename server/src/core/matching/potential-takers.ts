import { featuresOf } from './features';
import { naceAffinity, nafToNaceClass } from './knowledge/nace';
import { shortReference } from './knowledge/maestri';
import type { KnowledgeBase, KnowledgeCase, Taker } from './knowledge/knowledge-base';
import { distanceKm, distanceValue } from './signals/distance';
import { buildProposal, compareProposals } from './proposal';
import { round } from './score';
import type { MatchDeclaration, MatchOrganisation, Proposal, Reason } from './types';
import { DEFAULT_MATCH_WEIGHTS, type MatchWeights } from './weights';

export interface PotentialTakerOptions {
  weights?: MatchWeights;
  /** Organisations kept per offer, best first. */
  maxPerOffer?: number;
  /** Lower than for declared matches: these are leads, shown apart. */
  minScore?: number;
}

export interface RankedTaker {
  organisation: MatchOrganisation;
  score: number;
  /** The evidence before it is turned into a score; ranks without rounding ties. */
  support: number;
  /** The receiving sector that speaks most for this firm, and its cases. */
  best: Taker;
  km: number | null;
}

/** Support at which the evidence counts as strong (score 1 − e⁻¹ ≈ 0.63). */
const SUPPORT_SCALE = 1.5;
/**
 * Weight of the sector's share of all documented receptions, whatever the material:
 * a firm of a sector that takes many by-products (cement, power) is a likelier taker
 * than one that never took any. Small, so that it mostly breaks ties.
 */
const PRIOR_WEIGHT = 1;

/**
 * Firms of the zone that have not asked for the offered material but whose sector is
 * documented taking it: the support of each documented receiving sector, weighted by
 * how well the firm's NACE class fits that sector, turned into 0..1, and softened by
 * distance (a far taker keeps half its score at the zone's maximum distance).
 */
export function rankPotentialTakers(offer: MatchDeclaration, organisations: readonly MatchOrganisation[], kb: KnowledgeBase, weights: MatchWeights = DEFAULT_MATCH_WEIGHTS): RankedTaker[] {
  const waste = featuresOf(offer).waste;
  if (offer.kind !== 'offer') return [];
  const takers = kb.takersFor(waste?.code ?? null, { providerNaf: offer.organisationNaf, description: `${offer.title} ${offer.description}` });
  if (takers.length === 0) return [];
  const receptions = kb.receivingSectors();
  const totalReceptions = [...receptions.values()].reduce((a, b) => a + b, 0) || 1;
  const ranked: RankedTaker[] = [];
  for (const organisation of organisations) {
    if (organisation.id === offer.organisationId) continue;
    const firmClass = nafToNaceClass(organisation.nafCode);
    if (firmClass === null) continue;
    const km = distanceKm(offer.location, organisation.location);
    if (km !== null && km > weights.maxDistanceKm) continue;
    let support = 0;
    let best: Taker | null = null;
    let bestContribution = 0;
    for (const taker of takers) {
      const contribution = taker.support * naceAffinity(firmClass, taker.receiverNace);
      support += contribution;
      if (contribution > bestContribution) {
        best = taker;
        bestContribution = contribution;
      }
    }
    if (best === null) continue;
    let prior = 0;
    for (const [receiver, count] of receptions) prior += count * naceAffinity(firmClass, receiver);
    support += (PRIOR_WEIGHT * prior) / totalReceptions;
    const nearness = km === null ? 1 : 0.5 + 0.5 * distanceValue(km, weights.maxDistanceKm);
    const evidence = support * nearness;
    ranked.push({ organisation, score: round(1 - Math.exp(-evidence / SUPPORT_SCALE)), support: evidence, best, km });
  }
  return ranked.sort((a, b) => b.support - a.support || (a.organisation.id < b.organisation.id ? -1 : 1));
}

export function potentialTakers(offer: MatchDeclaration, organisations: readonly MatchOrganisation[], kb: KnowledgeBase, options: PotentialTakerOptions = {}): Proposal[] {
  const minScore = options.minScore ?? 0.2;
  return rankPotentialTakers(offer, organisations, kb, options.weights)
    .filter((t) => t.score >= minScore)
    .slice(0, options.maxPerOffer ?? 5)
    .map((t) => takerProposal(offer, t))
    .sort(compareProposals);
}

function takerProposal(offer: MatchDeclaration, taker: RankedTaker): Proposal {
  const closest = taker.best.cases.slice(0, taker.best.casesAtLevel);
  const example = exemplaryCase(closest);
  const reasons: Reason[] = [
    {
      code: 'documented_case',
      weight: 1,
      value: taker.score,
      params: {
        count: closest.length,
        level: taker.best.level,
        receiverNace: taker.best.receiverNace,
        example: example.source === 'validated' ? example.reference : shortReference(example.reference),
        caseIds: closest.map((c) => c.id),
      },
    },
  ];
  if (taker.km !== null) reasons.push({ code: 'distance', weight: 0, value: 1, params: { km: Math.round(taker.km * 100) / 100 } });
  const org = taker.organisation;
  const where = org.location === null ? '' : `${org.location.lat.toFixed(3)},${org.location.lng.toFixed(3)}`;
  return buildProposal('potential_taker', [offer], [offer.organisationId, org.id], taker.score, reasons, [`${org.id}|${org.nafCode ?? ''}|${where}`]);
}

/** The case to cite, among the closest: an implemented one with an exact (not approximate) code if there is one. */
function exemplaryCase(cases: readonly KnowledgeCase[]): KnowledgeCase {
  return [...cases].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1))[0]!;
  function rank(c: KnowledgeCase): number {
    return (c.status === 'Implemented' || c.status === 'validated' ? 0 : 1) + (c.approximate ? 2 : 0);
  }
}
