import { describe, expect, it } from 'vitest';
import { SchedulingError } from './errors';
import { preflight } from './preflight';
import { compileEvent } from './problem';
import { scenario } from './scenario';

function codeOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof SchedulingError) return error.code;
    throw error;
  }
  return undefined;
}

const check = (event: ReturnType<typeof scenario>) => () => preflight(compileEvent(event), event.mustScheduleAll);

describe('preflight', () => {
  it('accepts a plain event', () => {
    expect(codeOf(check(scenario({ firms: ['a', 'b'], slots: [2], tables: 1, meetings: [['a', 'b']] })))).toBeUndefined();
  });
  it('reports a precedence cycle with the requests in it', () => {
    const event = scenario({
      firms: ['a', 'b', 'c'],
      slots: [3],
      tables: 2,
      meetings: [
        { id: 'x', participants: ['a', 'b'], requestedBy: ['a'], after: ['y'] },
        { id: 'y', participants: ['b', 'c'], requestedBy: ['b'], after: ['x'] },
      ],
    });
    expect(codeOf(check(event))).toBe('precedence_cycle');
  });
  it('reports a fixed meeting on a slot a participant cannot attend, naming who', () => {
    const event = scenario({
      firms: ['a', { id: 'b', unavailableSlots: ['m1'] }],
      slots: [2],
      tables: 1,
      meetings: [{ id: 'x', participants: ['a', 'b'], requestedBy: ['a'], fixedSlot: 'm1' }],
    });
    try {
      check(event)();
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SchedulingError);
      expect((error as SchedulingError).code).toBe('infeasible_fixed_meeting');
      expect((error as SchedulingError).details.participants).toEqual(['b']);
    }
  });
  it('reports two fixed meetings of one firm in the same slot', () => {
    const event = scenario({
      firms: ['a', 'b', 'c'],
      slots: [2],
      tables: 2,
      meetings: [
        { id: 'x', participants: ['a', 'b'], requestedBy: ['a'], fixedSlot: 'm1' },
        { id: 'y', participants: ['a', 'c'], requestedBy: ['a'], fixedSlot: 'm1' },
      ],
    });
    expect(codeOf(check(event))).toBe('infeasible_fixed_meeting');
  });
  it('reports more fixed meetings in a slot than tables', () => {
    const event = scenario({
      firms: ['a', 'b', 'c', 'd'],
      slots: [2],
      tables: 1,
      meetings: [
        { id: 'x', participants: ['a', 'b'], requestedBy: ['a'], fixedSlot: 'm1' },
        { id: 'y', participants: ['c', 'd'], requestedBy: ['c'], fixedSlot: 'm1' },
      ],
    });
    expect(codeOf(check(event))).toBe('table_capacity_exceeded');
  });
  it('reports, when all requests are required, one that has no possible slot', () => {
    const event = scenario({ firms: ['a', { id: 'b', unavailableSlots: ['m1'] }], slots: [1], tables: 1, meetings: [['a', 'b']], mustScheduleAll: true });
    expect(codeOf(check(event))).toBe('participant_unavailable');
  });
  it('reports, when all requests are required, a participant with more requests than room', () => {
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
    expect(codeOf(check(event))).toBe('participant_capacity_exceeded');
  });
  it('reports, when all requests are required, an order that crowds a firm, and narrows the slots an order leaves', () => {
    // x before y and z, all three a's: y and z both after x, in slots m2–m3; w must precede x, so x is in m2 too.
    const ordered = (mustScheduleAll: boolean, slots: number) =>
      scenario({
        firms: ['a', 'b', 'c', 'd', 'e'],
        slots: [slots],
        tables: 3,
        meetings: [
          { id: 'w', participants: ['b', 'e'], requestedBy: ['b'] },
          { id: 'x', participants: ['a', 'b'], requestedBy: ['a'], after: ['w'] },
          { id: 'y', participants: ['a', 'c'], requestedBy: ['a'], after: ['x'] },
          { id: 'z', participants: ['a', 'd'], requestedBy: ['a'], after: ['x'] },
        ],
        mustScheduleAll,
      });
    let error: unknown;
    try {
      preflight(compileEvent(ordered(true, 3)), true);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'precedence_unsatisfiable', details: { participant: 'a', requests: ['x', 'y', 'z'], slots: ['m2', 'm3'] } });
    expect(String((error as Error).message)).toContain('3 of its requests must fall within slots m2 to m3 (2 slots)');
    // Requests that may be dropped keep their slots: a dropped predecessor imposes nothing.
    expect(codeOf(check(ordered(false, 3)))).toBeUndefined();
    // With a fourth slot it fits, and each request keeps only the slots its order leaves.
    const problem = compileEvent(ordered(true, 4));
    preflight(problem, true);
    expect(problem.meetings.map((m) => m.allowed)).toEqual([[0], [1], [2, 3], [2, 3]]);
  });
  it('reports unknown references', () => {
    const event = scenario({ firms: ['a', 'b'], slots: [1], tables: 1, meetings: [['a', 'zz']] });
    expect(codeOf(() => compileEvent(event))).toBe('unknown_reference');
  });
});
