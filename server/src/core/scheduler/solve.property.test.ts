import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenario } from './scenario';
import { solveSchedule } from './solve';
import { SCHEDULING_ERROR_CODES, UNSCHEDULED_REASONS } from './types';
import { validateSchedule } from './validate';

/** Random small events: firms with representatives, caps and unavailability; sessions; reserved tables; fixed slots; precedences. */
const arbEvent = fc
  .record({
    nFirms: fc.integer({ min: 2, max: 7 }),
    slots: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 2 }),
    nTables: fc.integer({ min: 1, max: 3 }),
    reserve: fc.boolean(),
    seed: fc.array(fc.nat(1000), { minLength: 60, maxLength: 60 }),
    nRequests: fc.integer({ min: 0, max: 14 }),
  })
  .map(({ nFirms, slots, nTables, reserve, seed, nRequests }) => {
    let k = 0;
    const next = (n: number) => seed[k++ % seed.length]! % n;
    const slotIds = slots.flatMap((n, s) => Array.from({ length: n }, (_, i) => `${['m', 'a'][s]}${i + 1}`));
    const firms = Array.from({ length: nFirms }, (_, i) => ({
      id: `f${i}`,
      representatives: 1 + (next(5) === 0 ? 1 : 0),
      ...(next(3) === 0 ? { maxMeetings: 1 + next(3) } : {}),
      unavailableSlots: next(3) === 0 ? [slotIds[next(slotIds.length)]!] : [],
    }));
    const meetings = Array.from({ length: nRequests }, (_, i) => {
      const a = next(nFirms);
      const b = (a + 1 + next(nFirms - 1)) % nFirms;
      return {
        id: `r${i}`,
        participants: [`f${a}`, `f${b}`],
        requestedBy: next(3) === 0 ? [`f${a}`, `f${b}`] : [`f${a}`],
        priority: { [`f${a}`]: 1 + next(3) },
        ...(slots.length > 1 && next(4) === 0 ? { session: next(2) === 0 ? 'morning' : 'afternoon' } : {}),
        ...(next(8) === 0 ? { fixedSlot: slotIds[next(slotIds.length)]! } : {}),
        ...(i > 0 && next(6) === 0 ? { after: [`r${next(i)}`] } : {}),
      };
    });
    const tables = Array.from({ length: nTables }, (_, i) => ({ id: `T${i}`, ...(reserve && i === 0 ? { reservedFor: 'f0' } : {}) }));
    return scenario({ firms, slots, tables, meetings });
  });

describe('solveSchedule on random events', () => {
  it('never breaks a hard constraint and accounts for every request', async () => {
    await fc.assert(
      fc.asyncProperty(arbEvent, fc.boolean(), async (event, heuristicOnly) => {
        const r = await solveSchedule(event, { timeLimitSeconds: 0.3, heuristicOnly });
        if (r.status === 'infeasible') {
          expect(SCHEDULING_ERROR_CODES).toContain(r.failure.code);
          return;
        }
        expect(validateSchedule(event, r)).toEqual([]);
        expect(r.meetings.length + r.unscheduled.length).toBe(event.requests.length);
        for (const u of r.unscheduled) expect(UNSCHEDULED_REASONS).toContain(u.reason);
        for (const req of event.requests.filter((x) => x.fixedSlot)) {
          expect(r.meetings.find((m) => m.requestId === req.id)?.slotId).toBe(req.fixedSlot);
        }
        expect(r.stats.priorityScheduled).toBeLessThanOrEqual(r.stats.priorityUpperBound + 1e-9);
        expect(r.stats.breaksLowerBound).toBeLessThanOrEqual(r.stats.totalBreaks);
      }),
      { numRuns: 30, seed: 42 },
    );
  }, 60_000);
});
