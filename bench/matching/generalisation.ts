/**
 * Does the potential-taker ranking generalise? Leave one PUBLICATION out on the MAESTRI
 * exchanges: every case of the held-out source (the same paper, or the same park told by
 * the same authors) leaves the knowledge base together, so no sibling row of the same
 * exchange or the same park can vouch for it. Each exchange becomes an offer from the
 * provider, written as a firm would (a title and a category, no waste code: most real
 * offers have none), once in English (the source's own description) and once in French
 * (`offers-fr.ts`, titles typed as French firms type them, some with typos). The zone
 * holds the provider, the documented receiver and 28 other firms drawn from the sectors
 * that receive anything in the data and from sectors common in French industrial zones.
 * Where does the receiver rank among the firms proposed? Ties count against it.
 *
 * Baselines on the same zones: sector popularity (how often the firm's sector received
 * anything in the other publications) and random order (expected values).
 * Run: npx tsx bench/matching/generalisation.ts [--with-codes]
 */
import { readFileSync } from 'node:fs';
import { seededRandom } from '@synergies/shared';
import {
  benchFirm,
  caseOffer,
  COMMON_SECTORS,
  KnowledgeBase,
  parseMaestriCsv,
  rankPotentialTakers,
  type KnowledgeCase,
  type MatchDeclaration,
} from '../../server/src/core/matching/index';
import { FRENCH_OFFERS } from './offers-fr';

const FIRMS = 30;
const withCodes = process.argv.includes('--with-codes');
const cases = parseMaestriCsv(readFileSync(new URL('../../server/src/core/matching/knowledge/maestri-exchanges.csv', import.meta.url), 'utf8'));

/**
 * The held-out unit: a publication, with the papers that describe the same park by the
 * same research group merged (Taddeo and Simboli on Chieti-Pescara; Cutaia and Falqui on
 * the Sicilian platform; Chertow and Ashton on Puerto Rico; the Dong papers on Chinese parks).
 */
const SAME_PARK: Record<string, string> = { simboli: 'taddeo', falqui: 'cutaia', ashton: 'chertow' };
export function publicationOf(c: KnowledgeCase): string {
  const author = (c.reference.split(/[,(]/)[0] ?? '').trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  return SAME_PARK[author] ?? author;
}

type Metrics = { recallAt1: number; recallAt5: number; recallAt10: number; mrr: number; coverage: number };
const metrics = (ranks: number[], covered: number): Metrics => {
  const share = (k: number) => ranks.filter((r) => r <= k).length / ranks.length;
  return {
    recallAt1: share(1),
    recallAt5: share(5),
    recallAt10: share(10),
    mrr: ranks.reduce((s, r) => s + (Number.isFinite(r) ? 1 / r : 0), 0) / ranks.length,
    coverage: covered / ranks.length,
  };
};

/** Ties count against the receiver: an engine cannot win by luck of ordering. */
function pessimisticRank(scores: readonly (readonly [string, number])[]): number {
  const receiver = scores.find(([id]) => id === 'receiver');
  if (receiver === undefined) return Infinity;
  return scores.filter(([id, s]) => id !== 'receiver' && s >= receiver[1]).length + 1;
}

function shuffle<T>(list: T[], random: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** The offer as a firm writes it: a title and a category, without its waste code unless asked. */
function offer(c: KnowledgeCase, lang: 'fr' | 'en'): MatchDeclaration {
  const description = c.wasteDescription.split(' — ')[0]!;
  const [french, category] = FRENCH_OFFERS[description] ?? [description, 'materials'];
  return caseOffer(c, { title: lang === 'fr' ? french : description, categoryCode: category, wasteCode: withCodes ? c.ewcCode : null });
}

const full = new KnowledgeBase(cases);
const receivingSectors = [...new Set(cases.flatMap((c) => c.receiverNace).map((code) => code.padEnd(4, '0')))].sort();
const pool = [...new Set([...receivingSectors, ...COMMON_SECTORS])].sort();
const publications = [...new Set(cases.map(publicationOf))];
const variants = {
  'engine, French': { lang: 'fr', evidence: {} },
  'engine, English': { lang: 'en', evidence: {} },
  'public knowledge only, French': { lang: 'fr', evidence: { cases: false } },
  'documented cases only, French': { lang: 'fr', evidence: { publicKnowledge: false } },
  'documented cases only, English': { lang: 'en', evidence: { publicKnowledge: false } },
} as const;
const ranks: Record<string, number[]> = Object.fromEntries([...Object.keys(variants), 'popularity'].map((k) => [k, []]));
const covered: Record<string, number> = Object.fromEntries(Object.keys(ranks).map((k) => [k, 0]));
let scoringCpuMs = 0;
const start = performance.now();

for (const publication of publications) {
  const kb = full.without((c) => publicationOf(c) === publication);
  const receptions = kb.receivingSectors();
  cases.forEach((c, i) => {
    if (publicationOf(c) !== publication) return;
    const random = seededRandom(100_003 + i);
    const distractors = shuffle(
      pool.filter((code) => !c.receiverNace.some((r) => code.startsWith(r) || r.startsWith(code))),
      random,
    ).slice(0, FIRMS - 2);
    const zone = [
      benchFirm('provider', c.providerNace[0] ?? '0000'),
      benchFirm('receiver', c.receiverNace[0]!.padEnd(4, '0')),
      ...distractors.map((code, k) => benchFirm(`firm-${k}`, code)),
    ];
    for (const [name, variant] of Object.entries(variants)) {
      const cpu = process.cpuUsage();
      const ranked = rankPotentialTakers(offer(c, variant.lang), zone, kb, undefined, variant.evidence);
      const used = process.cpuUsage(cpu);
      scoringCpuMs += (used.user + used.system) / 1000;
      ranks[name]!.push(pessimisticRank(ranked.map((r) => [r.organisation.id, r.support] as const)));
      if (ranked.length > 0) covered[name]! += 1;
    }
    const popularity = zone
      .filter((o) => o.id !== 'provider')
      .map((o) => [o.id, [...receptions].reduce((s, [code, n]) => s + (o.nafCode!.replace(/\D/g, '').startsWith(code) ? n : 0), 0)] as const)
      .filter(([, n]) => n > 0);
    ranks.popularity!.push(pessimisticRank(popularity));
    if (popularity.length > 0) covered.popularity! += 1;
  });
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const row = (label: string, m: Metrics) =>
  console.log(
    `${label.padEnd(34)} MRR ${m.mrr.toFixed(3)}  recall@1 ${pct(m.recallAt1).padStart(7)}  @5 ${pct(m.recallAt5).padStart(7)}  @10 ${pct(m.recallAt10).padStart(7)}  coverage ${pct(m.coverage).padStart(7)}`,
  );
const queries = cases.length;
const evaluations = queries * Object.keys(variants).length;
console.log(
  `${queries} exchanges, ${publications.length} publications held out one at a time, zones of ${FIRMS} firms, offers ${withCodes ? 'WITH' : 'without'} their waste code (${((performance.now() - start) / 1000).toFixed(1)} s wall; ${(scoringCpuMs / evaluations).toFixed(2)} ms CPU per ranking of a zone)`,
);
const results = Object.fromEntries(Object.keys(ranks).map((k) => [k, metrics(ranks[k]!, covered[k]!)]));
for (const name of Object.keys(variants)) row(name, results[name]!);
row('baseline: sector popularity', results.popularity!);
const candidates = FIRMS - 1;
const harmonic = Array.from({ length: candidates }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b, 0) / candidates;
row('baseline: random order (expected)', { recallAt1: 1 / candidates, recallAt5: 5 / candidates, recallAt10: 10 / candidates, mrr: harmonic, coverage: 1 });
const fr = results['engine, French']!.mrr;
const en = results['engine, English']!.mrr;
console.log(
  `targets: MRR ≥ 0.40 (French ${fr.toFixed(3)}, English ${en.toFixed(3)}); coverage ≥ 90 %; French within 10 % of English (${pct(Math.abs(fr - en) / en)} apart)`,
);
