import { describe, expect, it } from 'vitest';
import { scenario } from './scenario';
import { solveSchedule } from './solve';
import type { ScheduleResult } from './types';
import { validateSchedule } from './validate';

function scheduled(result: ScheduleResult) {
  if (result.status !== 'scheduled') throw new Error(`expected a schedule, got ${result.failure.code}: ${result.failure.message}`);
  return result;
}

describe('solveSchedule', () => {
  it('holds every request when they fit, without breaks, proven optimal', async () => {
    const event = scenario({
      firms: ['a', 'b', 'c', 'd'],
      slots: [3],
      tables: 2,
      meetings: [
        ['a', 'b'],
        ['a', 'c'],
        ['a', 'd'],
        ['b', 'c'],
        ['b', 'd'],
        ['c', 'd'],
      ],
    });
    const r = scheduled(await solveSchedule(event, { timeLimitSeconds: 2 }));
    expect(r.stats.meetingsScheduled).toBe(6);
    expect(r.stats.totalBreaks).toBe(0);
    expect(r.stats.optimal).toBe(true);
    expect(validateSchedule(event, r)).toEqual([]);
  });

  it('prefers the mutual request when only one fits', async () => {
    const event = scenario({
      firms: ['a', 'b', 'c'],
      slots: [1],
      tables: 1,
      meetings: [
        { id: 'one-sided', participants: ['a', 'b'], requestedBy: ['a'] },
        { id: 'mutual', participants: ['b', 'c'], requestedBy: ['b', 'c'] },
      ],
    });
    const r = scheduled(await solveSchedule(event, { timeLimitSeconds: 2 }));
    expect(r.meetings.map((m) => m.requestId)).toEqual(['mutual']);
    expect(r.unscheduled).toEqual([expect.objectContaining({ requestId: 'one-sided', reason: 'capacity_exhausted' })]);
    expect(r.stats.priorityScheduled).toBe(r.stats.priorityUpperBound);
    expect(r.stats.optimal).toBe(true);
  });

  it('raises the smallest number of meetings of a requester instead of first come first served', async () => {
    const event = scenario({
      firms: ['a', 'b', { id: 'h1', maxMeetings: 1 }, { id: 'h2', maxMeetings: 1 }],
      slots: [3],
      tables: 3,
      meetings: [
        { id: 'a-h1', participants: ['a', 'h1'], requestedBy: ['a'] },
        { id: 'a-h2', participants: ['a', 'h2'], requestedBy: ['a'] },
        { id: 'b-h1', participants: ['b', 'h1'], requestedBy: ['b'] },
      ],
    });
    const r = scheduled(await solveSchedule(event, { timeLimitSeconds: 2 }));
    expect(r.meetings.map((m) => m.requestId).sort()).toEqual(['a-h2', 'b-h1']);
    expect(r.stats.minMeetingsOfRequesters).toBe(1);
    expect(r.unscheduled[0]).toMatchObject({ requestId: 'a-h1', reason: 'max_meetings_reached' });
  });

  it('closes the gap around an unavailable slot', async () => {
    const event = scenario({
      firms: ['a', { id: 'b', unavailableSlots: ['m2'] }, 'c'],
      slots: [3],
      tables: 1,
      meetings: [
        ['a', 'b'],
        ['a', 'c'],
      ],
    });
    const r = scheduled(await solveSchedule(event, { timeLimitSeconds: 2 }));
    expect(r.stats.breaksByParticipant.a).toBe(0);
    expect(r.meetings.find((m) => m.requestId === 'r1')!.slotId).not.toBe('m2');
  });

  it('honours precedences and representatives', async () => {
    const event = scenario({
      firms: [{ id: 'big', representatives: 2 }, 'x', 'y'],
      slots: [2],
      tables: 2,
      meetings: [
        { id: 'first', participants: ['big', 'x'], requestedBy: ['x'] },
        { id: 'second', participants: ['x', 'y'], requestedBy: ['y'], after: ['first'] },
        { id: 'parallel', participants: ['big', 'y'], requestedBy: ['y'] },
      ],
    });
    const r = scheduled(await solveSchedule(event, { timeLimitSeconds: 2 }));
    const slot = Object.fromEntries(r.meetings.map((m) => [m.requestId, m.slotId]));
    expect(slot).toMatchObject({ first: 'm1', second: 'm2', parallel: 'm1' });
    expect(validateSchedule(event, r)).toEqual([]);
  });

  it('seats a host at its reserved table and keeps it from others', async () => {
    const event = scenario({
      firms: ['host', 'a', 'b', 'c', 'd'],
      slots: [1],
      tables: [{ id: 'T1' }, { id: 'H', reservedFor: 'host' }],
      meetings: [
        ['host', 'a'],
        ['b', 'c'],
        ['c', 'd'],
      ],
    });
    const r = scheduled(await solveSchedule(event, { timeLimitSeconds: 2 }));
    expect(r.meetings.find((m) => m.requestId === 'r1')?.tableId).toBe('H');
    expect(r.stats.meetingsScheduled).toBe(2);
    expect(validateSchedule(event, r)).toEqual([]);
  });

  it('reports an event that must hold everything but cannot', async () => {
    // A triangle needs three slots; every participant alone would fit in two.
    const event = scenario({
      firms: ['a', 'b', 'c'],
      slots: [2],
      tables: 2,
      meetings: [
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'c'],
      ],
      mustScheduleAll: true,
    });
    const r = await solveSchedule(event, { timeLimitSeconds: 2 });
    expect(r.status).toBe('infeasible');
    if (r.status === 'infeasible') expect(r.failure.code).toBe('not_all_requests_fit');
  });

  it('returns domain errors as infeasible results with their code', async () => {
    const event = scenario({
      firms: ['a', 'b'],
      slots: [2],
      tables: 1,
      meetings: [{ id: 'x', participants: ['a', 'b'], requestedBy: ['a'], after: ['x'] }],
    });
    const r = await solveSchedule(event, { timeLimitSeconds: 1 });
    expect(r).toMatchObject({ status: 'infeasible', failure: { code: 'precedence_cycle' } });
  });
});

describe('solveSchedule with minimum meetings', () => {
  it('gives a participant its minimum even against a heavier request', async () => {
    const event = scenario({
      firms: ['a', 'b', { id: 'c' }, 'd'],
      slots: [1],
      tables: 1,
      meetings: [
        { id: 'heavy', participants: ['a', 'b'], requestedBy: ['a', 'b'] },
        { id: 'light', participants: ['c', 'd'], requestedBy: ['c'] },
      ],
    });
    event.participants[2]!.minMeetings = 1;
    const r = await solveSchedule(event, { timeLimitSeconds: 2 });
    if (r.status !== 'scheduled') throw new Error(r.failure.message);
    expect(r.meetings.map((m) => m.requestId)).toEqual(['light']);
  });
});
