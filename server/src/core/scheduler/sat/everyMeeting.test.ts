import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../check';
import { compileEvent } from '../problem';
import { scenario } from '../scenario';
import { solveSchedule } from '../solve';
import { explainInfeasibility, holdEveryMeetingFairly } from './everyMeeting';

const timer = () => performance.now();
const within = (seconds: number) => ({ timer, deadline: timer() + seconds * 1000 });

/** b meets c in the first slot and d in the third: one break it cannot avoid. e meets a once: no break. */
const forcedBreak = scenario({
  firms: ['a', 'b', 'c', 'd', 'e'],
  slots: [3],
  tables: 3,
  meetings: [
    { id: 'bc', participants: ['b', 'c'], requestedBy: ['b'], fixedSlot: 'm1' },
    { id: 'bd', participants: ['b', 'd'], requestedBy: ['b'], fixedSlot: 'm3' },
    ['a', 'e'],
  ],
  mustScheduleAll: true,
});

/** Three firms that all meet each other need three slots; each firm alone fits in two. */
const triangleMeetings = [
  ['a', 'b'],
  ['b', 'c'],
  ['a', 'c'],
] as const;
const triangle = scenario({ firms: ['a', 'b', 'c'], slots: [2], tables: 3, meetings: [...triangleMeetings], mustScheduleAll: true });

/** The triangle, and a pair that is not in the way. */
const triangleAndPair = scenario({
  firms: [{ id: 'a', name: 'Acme' }, 'b', 'c', 'd', 'e'],
  slots: [2],
  tables: 3,
  meetings: [...triangleMeetings, ['d', 'e']],
  mustScheduleAll: true,
});

// a and b meet at m1 and m3 (two requests, fixed): each has one break; nobody has fewer.
const everyoneBreaks = scenario({
  firms: ['a', 'b'],
  slots: [3],
  tables: 1,
  meetings: [
    { id: 'x', participants: ['a', 'b'], requestedBy: ['a'], fixedSlot: 'm1' },
    { id: 'y', participants: ['a', 'b'], requestedBy: ['b'], fixedSlot: 'm3' },
  ],
  mustScheduleAll: true,
});

const everyMeeting = (event: typeof triangle) => {
  const problem = compileEvent(event);
  return { problem, meetings: problem.meetings.map((_, m) => m) };
};

describe('holdEveryMeetingFairly (CaDiCaL)', () => {
  it('finds a schedule holding every meeting with nobody above the fairness bound', async () => {
    const { problem, meetings } = everyMeeting(forcedBreak);
    const r = await holdEveryMeetingFairly(problem, meetings, 1, within(5));
    expect(r.status).toBe('found');
    if (r.status !== 'found') return;
    expect([...r.slots]).toEqual([0, 2, expect.any(Number)]);
  });

  it('proves the fairness bound impossible when a firm with one meeting has no break and another must have one', async () => {
    const { problem, meetings } = everyMeeting(forcedBreak);
    expect(await holdEveryMeetingFairly(problem, meetings, 0, within(5))).toMatchObject({ status: 'infeasible', code: 'fairness_unsatisfiable' });
  });

  it('proves that every meeting cannot be held when no slot assignment exists at all', async () => {
    const { problem, meetings } = everyMeeting(triangle);
    expect(await holdEveryMeetingFairly(problem, meetings, 2, within(5))).toMatchObject({ status: 'infeasible', code: 'not_all_requests_fit' });
  });

  it('names the firms whose requests cannot all be held (ids in the details), and not a pair that is not in the way', async () => {
    const { problem, meetings } = everyMeeting(triangleAndPair);
    const r = await holdEveryMeetingFairly(problem, meetings, 2, within(5));
    expect(r).toMatchObject({ status: 'infeasible', code: 'not_all_requests_fit', details: { participants: ['a', 'b', 'c'] } });
    if (r.status !== 'infeasible') return;
    expect(r.details).not.toHaveProperty('tables');
    expect(r.message).toBe('No schedule holds every request: the requests of Acme, b, c cannot all be held (proven by the SAT solver)');
  });

  it('names the firm that cannot keep to the fairness bound', async () => {
    const { problem, meetings } = everyMeeting(forcedBreak);
    const r = await holdEveryMeetingFairly(problem, meetings, 0, within(5));
    expect(r).toMatchObject({ status: 'infeasible', code: 'fairness_unsatisfiable', details: { participants: ['b'] } });
    if (r.status === 'infeasible') expect(r.message).toContain(': b cannot have 0 breaks or fewer (proven by the SAT solver)');
  });

  it('says when the tables or the required order are what blocks', async () => {
    // Two meetings, one slot, one table: each firm alone is fine.
    const oneTable = scenario({
      firms: ['a', 'b', 'c', 'd'],
      slots: [1],
      tables: 1,
      meetings: [
        ['a', 'b'],
        ['c', 'd'],
      ],
      mustScheduleAll: true,
    });
    const tables = everyMeeting(oneTable);
    const r = await holdEveryMeetingFairly(tables.problem, tables.meetings, 2, within(5));
    expect(r).toMatchObject({ status: 'infeasible', code: 'not_all_requests_fit', details: { participants: [], tables: 'needed' } });
    if (r.status === 'infeasible') expect(r.message).toContain('the requests cannot all be held with the tables there are');
    // r2 must follow r1, which is fixed in the last slot.
    const lastFirst = scenario({
      firms: ['a', 'b', 'c'],
      slots: [2],
      tables: 2,
      meetings: [
        { id: 'r1', participants: ['a', 'b'], requestedBy: ['a'], fixedSlot: 'm2' },
        { id: 'r2', participants: ['a', 'c'], requestedBy: ['a'], after: ['r1'] },
      ],
      mustScheduleAll: true,
    });
    const order = everyMeeting(lastFirst);
    const o = await holdEveryMeetingFairly(order.problem, order.meetings, 2, within(5));
    expect(o).toMatchObject({ status: 'infeasible', code: 'not_all_requests_fit', details: { participants: [], order: 'needed' } });
    if (o.status === 'infeasible') expect(o.message).toContain('the requests cannot all be held in the required order');
  });

  it('answers unknown, not infeasible, when everyone may have a break and the cap alone is impossible', async () => {
    const { problem, meetings } = everyMeeting(everyoneBreaks);
    expect(await holdEveryMeetingFairly(problem, meetings, 0, within(5))).toEqual({ status: 'unknown' });
    // …and fairness 0 holds there (both have one break), which the solver finds.
    const r = await solveSchedule(everyoneBreaks, { timeLimitSeconds: 2, fairness: 0 });
    expect(r.status).toBe('scheduled');
  });

  it('makes the solver answer "proven infeasible" where the local search could only fail', async () => {
    const r = await solveSchedule(triangle, { timeLimitSeconds: 2, fairness: 2 });
    expect(r).toMatchObject({ status: 'infeasible', failure: { code: 'not_all_requests_fit', proven: true } });
    const fair = await solveSchedule(forcedBreak, { timeLimitSeconds: 2, fairness: 0 });
    expect(fair).toMatchObject({ status: 'infeasible', failure: { code: 'fairness_unsatisfiable', proven: true } });
    const held = await solveSchedule(forcedBreak, { timeLimitSeconds: 2, fairness: 1 });
    expect(held.status).toBe('scheduled');
    if (held.status === 'scheduled') expect(checkSchedule(forcedBreak, held, 1).violations).toEqual([]);
  });
});

describe('explainInfeasibility', () => {
  it('names what a proof by another solver needs, and says which solver proved it', async () => {
    const { problem, meetings } = everyMeeting(triangleAndPair);
    const r = await explainInfeasibility(problem, meetings, { fairness: 2, blocks: 'requests', provenBy: 'the MILP' }, within(5));
    expect(r).toMatchObject({ code: 'not_all_requests_fit', details: { participants: ['a', 'b', 'c'] } });
    expect(r.message).toBe('No schedule holds every request: the requests of Acme, b, c cannot all be held (proven by the MILP)');
  });

  it('names nobody by the cap on breaks when everyone may have a break, as the cap is then not the fairness rule', async () => {
    const { problem, meetings } = everyMeeting(everyoneBreaks);
    const r = await explainInfeasibility(problem, meetings, { fairness: 0, blocks: 'fairness', provenBy: 'the MILP' }, within(5));
    expect(r).toEqual({
      status: 'infeasible',
      code: 'fairness_unsatisfiable',
      message: 'Every request can be held, but not with break counts within 0 of each other (proven by the MILP)',
      details: {},
    });
  });
});
