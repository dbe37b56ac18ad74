/**
 * Quality of potential takers on the MAESTRI Exchanges Database, leave one case out
 * (see server/src/core/matching/knowledge/evaluation.ts for the protocol).
 * Run: cd /work/main && npx tsx bench/matching/quality.ts
 */
import { readFileSync } from 'node:fs';
import { evaluateTakers, parseMaestriCsv } from '../../server/src/core/matching/index';

const cases = parseMaestriCsv(readFileSync(new URL('../../server/src/core/matching/knowledge/maestri-exchanges.csv', import.meta.url), 'utf8'));
const start = performance.now();
const result = evaluateTakers(cases, { firms: 30, seed: 1 });
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const row = (label: string, m: { recallAt1: number; recallAt5: number; recallAt10: number; mrr: number }) =>
  console.log(
    `${label.padEnd(28)} recall@1 ${pct(m.recallAt1).padStart(7)}  recall@5 ${pct(m.recallAt5).padStart(7)}  recall@10 ${pct(m.recallAt10).padStart(7)}  MRR ${m.mrr.toFixed(3)}`,
  );
console.log(`${result.queries} documented exchanges, zones of 30 firms, seed 1 (${(performance.now() - start).toFixed(0)} ms)`);
row('engine (potential takers)', result);
row('sector popularity only', result.popularity);
// 30 candidates: the receiver and 29 other firms (the provider is not ranked).
const harmonic = Array.from({ length: 30 }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b, 0) / 30;
row('random order (expected)', { recallAt1: 1 / 30, recallAt5: 5 / 30, recallAt10: 10 / 30, mrr: harmonic });
const missed = result.ranks.filter((r) => !Number.isFinite(r.rank)).length;
console.log(`receiver without any evidence left for the material (never ranked): ${missed}`);
