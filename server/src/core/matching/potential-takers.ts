import { sectorEvidence, reachOf, type EvidenceItem, type SectorEvidence } from './knowledge/evidence';
import { naceAffinity, naceNearness, nafToNaceClass } from './knowledge/nace';
import { shortReference } from './knowledge/maestri';
import type { KnowledgeBase, KnowledgeCase } from './knowledge/knowledge-base';
import { PUBLIC_SOURCES } from './knowledge/public/sources';
import { distanceKm, distanceValue } from './signals/distance';
import { buildProposal, compareProposals } from './proposal';
import { round } from './score';
import type { MatchDeclaration, MatchOrganisation, Proposal, Reason } from './types';
import { DEFAULT_MATCH_WEIGHTS, type MatchWeights } from './weights';

export interface PotentialTakerOptions {
  weights?: MatchWeights;
  /**
   * Organisations kept per offer, best first. The engine ranks every plausible firm;
   * the caller cuts to what its interface shows (none: all of them).
   */
  maxPerOffer?: number;
  /** Optional floor on the score (none by default: every firm with some evidence is ranked). */
  minScore?: number;
  /** Leave out a kind of evidence (benchmarks: public knowledge alone, documented cases alone). */
  evidence?: { publicKnowledge?: boolean; cases?: boolean };
}

export interface RankedTaker {
  organisation: MatchOrganisation;
  score: number;
  /** The evidence before it is turned into a score; ranks without rounding ties. */
  support: number;
  /** The receiving sector that speaks most for this firm, its evidence, and how near the firm is to it. */
  best: SectorEvidence;
  nearness: 'same' | 'group' | 'division';
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
const OVERLAP_DECAY = 0.5;

/**
 * Every firm of the zone whose sector has some evidence of taking the offered flow:
 * documented exchanges and public knowledge per receiving sector, lent to the firm by
 * how near its NAF class is to that sector (class, group, division), turned into 0..1,
 * and weighed by distance — sharply for utilities (steam travels a few km), gently for
 * materials (a far taker keeps half its score at the zone's maximum distance).
 */
export function rankPotentialTakers(
  offer: MatchDeclaration,
  organisations: readonly MatchOrganisation[],
  kb: KnowledgeBase,
  weights: MatchWeights = DEFAULT_MATCH_WEIGHTS,
  evidence: PotentialTakerOptions['evidence'] = {},
): RankedTaker[] {
  if (offer.kind !== 'offer') return [];
  const { concepts, sectors } = sectorEvidence(offer, kb, evidence);
  if (sectors.length === 0) return [];
  const reach = reachOf(concepts);
  const receptions = kb.receivingSectors();
  const totalReceptions = [...receptions.values()].reduce((a, b) => a + b, 0) || 1;
  // Firms of one class share their evidence: computed once per class.
  const byClass = new Map<string, { support: number; best: SectorEvidence; nearness: RankedTaker['nearness'] } | null>();
  const ranked: RankedTaker[] = [];
  for (const organisation of organisations) {
    if (organisation.id === offer.organisationId) continue;
    const firmClass = nafToNaceClass(organisation.nafCode);
    if (firmClass === null) continue;
    const km = distanceKm(offer.location, organisation.location);
    if (km !== null && km > weights.maxDistanceKm) continue;
    let fit = byClass.get(firmClass);
    if (fit === undefined) byClass.set(firmClass, (fit = classFit(firmClass, sectors, receptions, totalReceptions)));
    if (fit === null) continue;
    const nearness = km === null ? 1 : reach === null ? 0.5 + 0.5 * distanceValue(km, weights.maxDistanceKm) : 1 / (1 + (km / reach) ** 2);
    const evidenceValue = fit.support * nearness;
    ranked.push({
      organisation,
      score: round(1 - Math.exp(-evidenceValue / SUPPORT_SCALE)),
      support: evidenceValue,
      best: fit.best,
      nearness: fit.nearness,
      km,
    });
  }
  return ranked.sort((a, b) => b.support - a.support || (a.organisation.id < b.organisation.id ? -1 : 1));
}

function classFit(firmClass: string, sectors: readonly SectorEvidence[], receptions: ReadonlyMap<string, number>, totalReceptions: number) {
  const contributions: [SectorEvidence, number][] = [];
  for (const sector of sectors) {
    const contribution = sector.support * naceAffinity(firmClass, sector.sector);
    if (contribution > 0) contributions.push([sector, contribution]);
  }
  if (contributions.length === 0) return null;
  // The same fact stated for a class, its group and its division must not count three
  // times: each further sector that covers the firm adds half as much as the one before.
  contributions.sort((a, b) => b[1] - a[1]);
  let support = 0;
  contributions.forEach(([, contribution], i) => (support += contribution * OVERLAP_DECAY ** i));
  const best = contributions[0]![0];
  let prior = 0;
  for (const [receiver, count] of receptions) prior += count * naceAffinity(firmClass, receiver);
  return { support: support + (PRIOR_WEIGHT * prior) / totalReceptions, best, nearness: naceNearness(firmClass, best.sector) ?? 'division' };
}

/** Proposals for the ranked takers, best first; all of them unless the caller cuts (`maxPerOffer`). */
export function potentialTakers(
  offer: MatchDeclaration,
  organisations: readonly MatchOrganisation[],
  kb: KnowledgeBase,
  options: PotentialTakerOptions = {},
): Proposal[] {
  const ranked = rankPotentialTakers(offer, organisations, kb, options.weights, options.evidence).filter((t) => t.score >= (options.minScore ?? 0));
  return ranked
    .slice(0, options.maxPerOffer ?? ranked.length)
    .map((t) => takerProposal(offer, t))
    .sort(compareProposals);
}

/** Pieces of evidence cited per proposal: the strongest, and a second source when there is one. */
const CITED = 2;

function takerProposal(offer: MatchDeclaration, taker: RankedTaker): Proposal {
  const reasons: Reason[] = [];
  for (const item of taker.best.items.slice(0, CITED)) reasons.push(evidenceReason(item, taker, reasons.length === 0 ? 1 : 0));
  if (taker.km !== null) reasons.push({ code: 'distance', weight: 0, value: 1, params: { km: Math.round(taker.km * 100) / 100 } });
  const org = taker.organisation;
  const where = org.location === null ? '' : `${org.location.lat.toFixed(3)},${org.location.lng.toFixed(3)}`;
  return buildProposal('potential_taker', [offer], [offer.organisationId, org.id], taker.score, reasons, [`${org.id}|${org.nafCode ?? ''}|${where}`]);
}

function evidenceReason(item: EvidenceItem, taker: RankedTaker, weight: number): Reason {
  const near = taker.nearness === 'same' ? null : taker.nearness;
  if (item.kind === 'case') {
    const closest = item.taker.cases.slice(0, item.taker.casesAtLevel);
    const example = exemplaryCase(closest);
    return {
      code: 'documented_case',
      weight,
      value: taker.score,
      params: {
        count: closest.length,
        level: item.taker.level,
        receiverNace: item.taker.receiverNace,
        example: example.source === 'validated' ? example.reference : shortReference(example.reference),
        caseIds: closest.map((c) => c.id),
        near,
      },
    };
  }
  const source = PUBLIC_SOURCES[item.rule.source];
  return {
    code: 'sector_evidence',
    weight,
    value: taker.score,
    params: {
      kind: item.kind,
      concept: item.concept,
      sector: item.sector,
      textFr: item.rule.fr,
      textEn: item.rule.en,
      source: source.short,
      url: source.url,
      near,
    },
  };
}

/** The case to cite, among the closest: an implemented one with an exact (not approximate) code if there is one. */
function exemplaryCase(cases: readonly KnowledgeCase[]): KnowledgeCase {
  return [...cases].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1))[0]!;
  function rank(c: KnowledgeCase): number {
    return (c.status === 'Implemented' || c.status === 'validated' ? 0 : 1) + (c.approximate ? 2 : 0);
  }
}
