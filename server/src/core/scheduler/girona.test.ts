import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDzn } from './dzn';
import { solveSchedule } from './solve';
import { validateSchedule } from './validate';

// Copies of the JAIR 2022 instances (see bench/scheduler/girona/README.md).
const dir = join(import.meta.dirname, '../../../../bench/scheduler/girona');

describe('Girona instances', () => {
  for (const name of ['tic-12', 'forumt-14', 'ticf-13crafa']) {
    it(`${name}: every meeting scheduled with fairness d = 2`, async () => {
      const event = parseDzn(readFileSync(join(dir, `${name}.original.dzn`), 'utf8'), name);
      const r = await solveSchedule(event, { timeLimitSeconds: 10, fairness: 2 });
      if (r.status !== 'scheduled') throw new Error(r.failure.message);
      expect(r.stats.meetingsScheduled).toBe(event.requests.length);
      expect(r.stats.maxBreakDifference).toBeLessThanOrEqual(2);
      expect(validateSchedule(event, r)).toEqual([]);
    }, 60_000);
  }
});
