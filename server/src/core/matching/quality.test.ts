import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateTakers } from './knowledge/evaluation';
import { parseMaestriCsv } from './knowledge/maestri';

// Measured with `npx tsx bench/matching/quality.ts` (seed 1): recall@1 30.2 %, @5 61.6 %,
// @10 77.0 %, MRR 0.444. The floors sit a little under, so that a change that makes
// potential takers worse fails here.
describe('potential takers on the MAESTRI exchanges (leave one case out)', () => {
  const cases = parseMaestriCsv(readFileSync(new URL('./knowledge/maestri-exchanges.csv', import.meta.url), 'utf8'));
  const result = evaluateTakers(cases, { firms: 30, seed: 1 });

  it('ranks the documented receiver high', () => {
    expect(result.queries).toBe(305);
    expect(result.recallAt1).toBeGreaterThanOrEqual(0.28);
    expect(result.recallAt5).toBeGreaterThanOrEqual(0.59);
    expect(result.recallAt10).toBeGreaterThanOrEqual(0.75);
    expect(result.mrr).toBeGreaterThanOrEqual(0.42);
  });

  it('does better than ranking sectors by how much they receive', () => {
    expect(result.mrr).toBeGreaterThan(result.popularity.mrr + 0.05);
    expect(result.recallAt5).toBeGreaterThan(result.popularity.recallAt5 + 0.1);
  });
});
