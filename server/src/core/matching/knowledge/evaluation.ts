import { rankPotentialTakers } from '../potential-takers';
import { seededRandom } from '@synergies/shared';
import type { MatchDeclaration, MatchOrganisation } from '../types';
import { KnowledgeBase, type KnowledgeCase } from './knowledge-base';
import { naceClassToNaf } from './nace';

/**
 * Leave-one-case-out evaluation of potential takers on documented exchanges. For each
 * exchange: the providing firm offers the material (waste code, description as title)
 * in a zone of `firms` firms, one of them in the documented receiving sector, the
 * others drawn from the other receiving sectors of the data and from sectors common in
 * industrial zones; the knowledge base no longer holds that exchange (every row with the
 * same reference, provider, receiver and waste codes). Where does the receiver rank?
 */
export interface EvaluationResult {
  queries: number;
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  mrr: number;
  /** The same figures for a ranking by how often each sector receives anything (no material). */
  popularity: { recallAt1: number; recallAt5: number; recallAt10: number; mrr: number };
  /** Rank of the receiver per case (Infinity when not proposed). */
  ranks: { caseId: string; rank: number }[];
}

/** NACE classes of firms found in most French industrial zones. */
export const COMMON_SECTORS = [
  '4941',
  '4120',
  '2511',
  '2562',
  '3312',
  '1623',
  '2222',
  '1812',
  '1071',
  '4673',
  '4669',
  '3101',
  '4520',
  '2829',
  '1013',
  '1051',
  '2221',
  '2573',
  '4321',
  '8121',
  '5610',
  '6201',
  '7112',
  '4711',
  '3832',
  '2550',
  '1392',
  '1721',
  '2030',
  '4646',
];

export function evaluateTakers(
  cases: readonly KnowledgeCase[],
  options: { firms?: number; seed?: number; only?: (c: KnowledgeCase, i: number) => boolean } = {},
): EvaluationResult {
  const firms = options.firms ?? 30;
  const full = new KnowledgeBase(cases);
  const receivingSectors = [...new Set(cases.flatMap((c) => c.receiverNace).map((code) => code.padEnd(4, '0')))].sort();
  const pool = [...new Set([...receivingSectors, ...COMMON_SECTORS])].sort();
  const ranks: { caseId: string; rank: number }[] = [];
  const popularityRanks: number[] = [];
  cases.forEach((c, i) => {
    if (options.only && !options.only(c, i)) return;
    const group = groupKey(c);
    const kb = full.without((other) => groupKey(other) === group);
    const random = seededRandom((options.seed ?? 1) * 100_003 + i);
    const distractors = shuffle(
      pool.filter((code) => !c.receiverNace.some((r) => code.startsWith(r) || r.startsWith(code))),
      random,
    ).slice(0, firms - 1);
    const receiverClass = c.receiverNace[0]!.padEnd(4, '0');
    const organisations: MatchOrganisation[] = [
      benchFirm('provider', c.providerNace[0] ?? '0000'),
      benchFirm('receiver', receiverClass),
      ...distractors.map((code, k) => benchFirm(`firm-${k}`, code)),
    ];
    const offer = caseOffer(c);
    const ranked = rankPotentialTakers(offer, organisations, kb);
    ranks.push({ caseId: c.id, rank: pessimisticRank(ranked.map((t) => [t.organisation.id, t.support] as const)) });
    const popularity = organisations.filter((o) => o.id !== 'provider').map((o) => [o.id, sectorPopularity(kb, o.nafCode!)] as const);
    popularityRanks.push(pessimisticRank(popularity.filter(([, s]) => s > 0)));
  });
  return { queries: ranks.length, ...metrics(ranks.map((r) => r.rank)), popularity: metrics(popularityRanks), ranks };
}

/** Cases that are the same exchange described in several rows. */
export function groupKey(c: KnowledgeCase): string {
  return [c.reference, c.providerNace.join(';'), c.receiverNace.join(';'), c.ewcCodes.join(';')].join('|');
}

/**
 * A documented exchange as the provider's offer in a one-zone benchmark; by default written
 * with its waste code and description.
 */
export function caseOffer(c: KnowledgeCase, written: { title?: string; categoryCode?: string; wasteCode?: string | null } = {}): MatchDeclaration {
  return {
    id: `offer-${c.id}`,
    organisationId: 'provider',
    zoneId: 'bench',
    kind: 'offer',
    title: written.title ?? `${c.ewcCode} ${c.wasteDescription}`,
    description: '',
    categoryCode: written.categoryCode ?? 'materials',
    wasteCode: written.wasteCode === undefined ? c.ewcCode : written.wasteCode,
    quantity: null,
    unit: 't',
    frequency: 'yearly',
    availableFrom: null,
    availableUntil: null,
    hazardous: c.hazardous,
    status: 'active',
    location: null,
    organisationNaf: naceClassToNaf(c.providerNace[0] ?? '0000'),
  };
}

/** A benchmark zone's firm of one NACE class. */
export function benchFirm(id: string, naceClass: string): MatchOrganisation {
  return { id, zoneId: 'bench', nafCode: naceClassToNaf(naceClass), location: null, name: id };
}

/** Ties count against the receiver: an engine cannot win by luck of ordering. */
function pessimisticRank(scores: readonly (readonly [string, number])[]): number {
  const receiver = scores.find(([id]) => id === 'receiver');
  if (receiver === undefined) return Infinity;
  return scores.filter(([id, s]) => id !== 'receiver' && s >= receiver[1]).length + 1;
}

function sectorPopularity(kb: KnowledgeBase, naf: string): number {
  const firmClass = naf.replace(/[^0-9]/g, '').slice(0, 4);
  return kb.cases.filter((c) => c.receiverNace.some((r) => firmClass.startsWith(r))).length;
}

function metrics(ranks: readonly number[]) {
  const share = (k: number) => ranks.filter((r) => r <= k).length / ranks.length;
  return {
    recallAt1: share(1),
    recallAt5: share(5),
    recallAt10: share(10),
    mrr: ranks.reduce((sum, r) => sum + (Number.isFinite(r) ? 1 / r : 0), 0) / ranks.length,
  };
}

function shuffle<T>(list: T[], random: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
