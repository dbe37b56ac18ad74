import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../check';
import { parseDzn } from '../dzn';
import type { SchedulingEvent } from '../event-format';
import { arbTinyEvent, bruteForce, idleBetweenTwoMeetings } from '../exhaustive';
import { compileEvent, type Problem } from '../problem';
import { buildResult } from '../result';
import { scenario } from '../scenario';
import { assignTables } from '../tables';
import { breaksEachAlone } from './eachAlone';
import { scheduleWithBreaksAtMost, scheduleWithoutBreaks } from './fewBreaks';

const timer = () => performance.now();
const within = (seconds: number) => ({ timer, deadline: timer() + seconds * 1000 });
const everyMeeting = (problem: Problem) => problem.meetings.map((_, m) => m);

/**
 * The slots as the solver would return them (tables assigned the same way), through the
 * project's independent checker: every hard rule, every request held, breaks recounted.
 */
function checked(event: SchedulingEvent, problem: Problem, slots: Int32Array, fairness = Infinity) {
  const { tableOf } = assignTables(problem, slots, problem.tableHost);
  const proofs = { optimal: false, priorityUpperBound: 0, breaksLowerBound: 0, method: 'sat' as const, seconds: 0, fairness };
  return checkSchedule(event, buildResult(event, problem, { slotOf: slots, tableOf, reasons: new Map() }, proofs), fairness);
}

const girona = (name: string) => parseDzn(readFileSync(join(import.meta.dirname, `../../../../../bench/scheduler/girona/${name}.original.dzn`), 'utf8'), name);

describe('scheduleWithoutBreaks (CaDiCaL)', () => {
  it('agrees with exhaustive search on tiny events: found only when one exists, impossible only when none does', async () => {
    await fc.assert(
      fc.asyncProperty(arbTinyEvent, async (event) => {
        const problem = compileEvent(event);
        // Zero breaks for everyone is fair under any bound.
        const zeroExists = bruteForce(event, Infinity) === 0;
        const r = await scheduleWithoutBreaks(problem, everyMeeting(problem), within(5));
        expect(r.status).toBe(zeroExists ? 'found' : 'impossible');
        if (r.slots) expect(checked(event, problem, r.slots)).toMatchObject({ violations: [], totalBreaks: 0 });
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('takes a starting schedule as a hint, never as a rule: the same answers from any start, even one breaking rules', async () => {
    // A slot per meeting (tiny events have at most six of each), -1 for "not held".
    const anyStart = fc.array(fc.integer({ min: -1, max: 5 }), { minLength: 6, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(arbTinyEvent, anyStart, async (event, startFrom) => {
        const problem = compileEvent(event);
        const zeroExists = bruteForce(event, Infinity) === 0;
        const r = await scheduleWithoutBreaks(problem, everyMeeting(problem), { ...within(5), startFrom });
        expect(r.status).toBe(zeroExists ? 'found' : 'impossible');
        if (r.slots) expect(checked(event, problem, r.slots)).toMatchObject({ violations: [], totalBreaks: 0 });
      }),
      { numRuns: 150, seed: 12 },
    );
  });

  it('counts idle time over lunch as a break only when the event says so', async () => {
    // Firm a meets b in the first morning slot and c in the first afternoon slot: idle in m2.
    const event = (lunchCountsAsBreak: boolean) =>
      scenario({
        firms: ['a', 'b', 'c'],
        slots: [2, 2],
        tables: 2,
        meetings: [
          { id: 'ab', participants: ['a', 'b'], requestedBy: ['a'], fixedSlot: 'm1' },
          { id: 'ac', participants: ['a', 'c'], requestedBy: ['a'], fixedSlot: 'a1' },
        ],
        mustScheduleAll: true,
        lunchCountsAsBreak,
      });
    const separate = compileEvent(event(false));
    expect((await scheduleWithoutBreaks(separate, everyMeeting(separate), within(5))).status).toBe('found');
    const wholeDay = compileEvent(event(true));
    expect(await scheduleWithoutBreaks(wholeDay, everyMeeting(wholeDay), within(5))).toEqual({ status: 'impossible', slots: null });
  });

  it('schedules only the meetings it is given', async () => {
    const problem = compileEvent(idleBetweenTwoMeetings());
    expect((await scheduleWithoutBreaks(problem, [0, 1], within(5))).status).toBe('impossible');
    const r = await scheduleWithoutBreaks(problem, [1], within(5));
    expect(r.status).toBe('found');
    expect([...r.slots!]).toEqual([-1, 2]);
  });

  it('counts tables per meeting when a firm sends two representatives to one slot', async () => {
    // Tables are counted over groups of one firm's meetings, which share no slot only when the
    // firm has one representative: firm a, with two, holds both its meetings at once.
    const event = (tables: number) =>
      scenario({
        firms: [{ id: 'a', representatives: 2 }, 'b', 'c'],
        slots: [1],
        tables,
        meetings: [
          ['a', 'b'],
          ['a', 'c'],
        ],
        mustScheduleAll: true,
      });
    const two = compileEvent(event(2));
    const found = await scheduleWithBreaksAtMost(two, everyMeeting(two), { ...within(5), maxBreaks: Infinity, fairness: Infinity });
    expect(found.status).toBe('found');
    expect(checked(event(2), two, found.slots!).violations).toEqual([]);
    const one = compileEvent(event(1));
    expect(await scheduleWithBreaksAtMost(one, everyMeeting(one), { ...within(5), maxBreaks: Infinity, fairness: Infinity })).toEqual({
      status: 'impossible',
      slots: null,
    });
  });

  it('finds the Girona forum-13 schedule without breaks (the published optimum, 0)', async () => {
    const event = girona('forum-13');
    const problem = compileEvent(event);
    const r = await scheduleWithoutBreaks(problem, everyMeeting(problem), within(60));
    expect(r.status).toBe('found');
    expect(checked(event, problem, r.slots!)).toMatchObject({ violations: [], totalBreaks: 0 });
  }, 90_000);

  it('answers unknown, with no schedule, once its deadline has passed', async () => {
    const problem = compileEvent(girona('forum-13'));
    expect(await scheduleWithoutBreaks(problem, everyMeeting(problem), { timer, deadline: timer() })).toEqual({ status: 'unknown', slots: null });
  });
});

describe('scheduleWithBreaksAtMost (CaDiCaL)', () => {
  it('asked upwards from 0, first finds a schedule at the fewest breaks of any fair schedule (exhaustive search agrees), whichever its leaning, told or not what each participant needs alone, with or without the count of busy firms per slot', async () => {
    const leanings = fc.constantFrom<'schedules' | undefined>(undefined, 'schedules');
    // Tiny events have up to five firms and one or two tables (two seats each): the count is built
    // wherever more firms could meet in a slot, and a wrong one would refuse schedules that exist.
    await fc.assert(
      fc.asyncProperty(
        arbTinyEvent,
        fc.integer({ min: 0, max: 2 }),
        leanings,
        fc.boolean(),
        fc.boolean(),
        async (event, fairness, leaning, told, busyBySeats) => {
          const problem = compileEvent(event);
          const fewest = bruteForce(event, fairness);
          const fewestEach = told ? await breaksEachAlone(problem, everyMeeting(problem), within(5)) : undefined;
          for (let maxBreaks = 0; maxBreaks < problem.nParticipants; maxBreaks++) {
            const options = { ...within(5), maxBreaks, fairness, leaning, fewestEach, busyBySeats };
            const r = await scheduleWithBreaksAtMost(problem, everyMeeting(problem), options);
            if (fewest === null || maxBreaks < fewest) {
              expect(r).toEqual({ status: 'impossible', slots: null });
              continue;
            }
            expect(r.status).toBe('found');
            expect(checked(event, problem, r.slots!, fairness)).toMatchObject({ violations: [], totalBreaks: fewest });
            return;
          }
        },
      ),
      { numRuns: 150, seed: 12 },
    );
  });

  it('answers unknown where its fairness cap would not be exact: as many breaks as participants', async () => {
    const problem = compileEvent(idleBetweenTwoMeetings());
    const r = await scheduleWithBreaksAtMost(problem, everyMeeting(problem), { ...within(5), maxBreaks: problem.nParticipants, fairness: 2 });
    expect(r).toEqual({ status: 'unknown', slots: null });
  });

  it('proves Girona forum-14 needs at least 2 breaks under fairness 2 (the published optimum is 2)', async () => {
    const problem = compileEvent(girona('forum-14'));
    for (const maxBreaks of [0, 1]) {
      const r = await scheduleWithBreaksAtMost(problem, everyMeeting(problem), { ...within(60), maxBreaks, fairness: 2 });
      expect(r.status).toBe('impossible');
    }
  }, 90_000);
});
