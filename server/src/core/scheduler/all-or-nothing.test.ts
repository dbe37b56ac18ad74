import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule } from './check';
import type { SchedulingEvent } from './event-format';
import { arbTinyEvent, bruteForce, idleBetweenTwoMeetings } from './exhaustive';
import { countBreaks } from './rules/breaks';
import { scenario } from './scenario';
import { solveSchedule } from './solve';

describe('all-or-nothing events', () => {
  it('agree with exhaustive search: infeasible only when proven, optimum when claimed, every schedule checked', async () => {
    await fc.assert(
      fc.asyncProperty(arbTinyEvent, async (event) => {
        const truth = bruteForce(event, 1);
        const r = await solveSchedule(event, { timeLimitSeconds: 5, fairness: 1 });
        if (r.status === 'infeasible') {
          if (r.failure.proven) expect(truth).toBeNull();
          return;
        }
        expect(truth).not.toBeNull();
        expect(checkSchedule(event, r, 1).violations).toEqual([]);
        expect(r.unscheduled).toEqual([]);
        expect(r.stats.totalBreaks).toBeGreaterThanOrEqual(truth!);
        if (r.stats.optimal) expect(r.stats.totalBreaks).toBe(truth);
      }),
      { numRuns: 40, seed: 7 },
    );
  }, 240_000);
});

describe("the paper's break count on two sessions", () => {
  // Slots m1 m2 m3 | a1 a2 a3 are positions 0..5; lunch lies between 2 and 3.
  const day = [0, 0, 0, 1, 1, 1];
  const wholeDay = [0, 0, 0, 0, 0, 0];
  it('last morning slot then first afternoon slot is no break', () => expect(countBreaks([2, 3], wholeDay)).toBe(0));
  it('idle time over lunch is a break when slots are numbered across sessions', () => expect(countBreaks([1, 3], wholeDay)).toBe(1));
  it('and is none when lunch does not count', () => expect(countBreaks([1, 3], day)).toBe(0));
  it('a long gap across lunch counts once', () => expect(countBreaks([0, 5], wholeDay)).toBe(1));

  it('the solver places a morning and an afternoon meeting around lunch to avoid the break', async () => {
    const event = scenario({
      firms: ['a', 'b', 'c'],
      slots: [3, 3],
      tables: 1,
      meetings: [
        { id: 'am', participants: ['a', 'b'], requestedBy: ['a'], session: 'morning' },
        { id: 'pm', participants: ['a', 'c'], requestedBy: ['a'], session: 'afternoon' },
      ],
      mustScheduleAll: true,
      lunchCountsAsBreak: true,
    });
    const r = await solveSchedule(event, { timeLimitSeconds: 5 });
    if (r.status !== 'scheduled') throw new Error(r.failure.message);
    expect(r.meetings.map((m) => m.slotId).sort()).toEqual(['a1', 'm3']);
    expect(r.stats.totalBreaks).toBe(0);
    expect(r.stats.optimal).toBe(true);
  });

  it('counts the lunch gap the paper way in .dzn-like events and not in default events', async () => {
    const meetings = [
      { id: 'x', participants: ['a', 'b'], requestedBy: ['a'], fixedSlot: 'm1' },
      { id: 'y', participants: ['a', 'c'], requestedBy: ['a'], fixedSlot: 'a2' },
    ];
    for (const lunch of [true, false]) {
      const event = scenario({ firms: ['a', 'b', 'c'], slots: [2, 2], tables: 1, meetings, mustScheduleAll: true, lunchCountsAsBreak: lunch });
      const r = await solveSchedule(event, { timeLimitSeconds: 5 });
      if (r.status !== 'scheduled') throw new Error(r.failure.message);
      expect(r.stats.totalBreaks).toBe(lunch ? 1 : 0);
      expect(checkSchedule(event, r, 2).totalBreaks).toBe(lunch ? 1 : 0);
    }
  });
});

describe('infeasibility on small hand-made events', () => {
  const solve = (event: SchedulingEvent, fairness = 2) => solveSchedule(event, { timeLimitSeconds: 5, fairness });
  it('names the firm with more requests than usable slots', async () => {
    const event = scenario({
      firms: ['a', 'b', 'c', 'd'],
      slots: [2],
      tables: 3,
      meetings: [
        ['a', 'b'],
        ['a', 'c'],
        ['a', 'd'],
      ],
      mustScheduleAll: true,
    });
    const r = await solve(event);
    expect(r.status).toBe('infeasible');
    if (r.status !== 'infeasible') return;
    expect(r.failure).toMatchObject({ code: 'participant_capacity_exceeded', proven: true, details: { participant: 'a' } });
  });
  it('finds the slots a firm cannot share even when it has enough free slots overall', async () => {
    const event = scenario({
      firms: ['a', { id: 'b', unavailableSlots: ['m2', 'm3'] }, { id: 'c', unavailableSlots: ['m2', 'm3'] }, 'd'],
      slots: [3],
      tables: 2,
      meetings: [
        ['a', 'b'],
        ['a', 'c'],
        ['a', 'd'],
      ],
      mustScheduleAll: true,
    });
    const r = await solve(event);
    if (r.status !== 'infeasible') throw new Error('expected infeasible');
    expect(r.failure).toMatchObject({ code: 'participant_capacity_exceeded', proven: true, details: { participant: 'a', slots: ['m1'] } });
    expect(r.failure.message).toContain('m1');
  });
  it('names the session whose tables are short', async () => {
    const event = scenario({
      firms: ['a', 'b', 'c', 'd'],
      slots: [1, 2],
      tables: 1,
      meetings: [
        { id: 'x', participants: ['a', 'b'], requestedBy: ['a'], session: 'morning' },
        { id: 'y', participants: ['c', 'd'], requestedBy: ['c'], session: 'morning' },
      ],
      mustScheduleAll: true,
    });
    const r = await solve(event);
    if (r.status !== 'infeasible') throw new Error('expected infeasible');
    expect(r.failure).toMatchObject({ code: 'table_capacity_exceeded', proven: true, details: { session: 'morning' } });
  });
  it('proves that precedences and tables together leave no schedule', async () => {
    // Three meetings in a chain need three slots; there are two.
    const event = scenario({
      firms: ['a', 'b', 'c', 'd'],
      slots: [2],
      tables: 2,
      meetings: [
        { id: 'x', participants: ['a', 'b'], requestedBy: ['a'] },
        { id: 'y', participants: ['c', 'd'], requestedBy: ['c'], after: ['x'] },
        { id: 'z', participants: ['a', 'd'], requestedBy: ['a'], after: ['y'] },
      ],
      mustScheduleAll: true,
    });
    const r = await solve(event);
    if (r.status !== 'infeasible') throw new Error('expected infeasible');
    expect(r.failure.proven).toBe(true);
  });
  it('proves fairness impossible and says so', async () => {
    // a meets at m1 and m3 (fixed): one break; b and c have none, and fairness 0 forbids the gap.
    const event: SchedulingEvent = { ...idleBetweenTwoMeetings(), mustScheduleAll: true };
    const r = await solve(event, 0);
    if (r.status !== 'infeasible') throw new Error('expected infeasible');
    expect(r.failure).toMatchObject({ code: 'fairness_unsatisfiable', proven: true });
  });
});
