import { describe, expect, it } from 'vitest';
import { checkSchedule } from './check';
import { scenario } from './scenario';
import { guardResult } from './solve';
import type { ScheduledMeeting, ScheduleResult } from './types';

const event = scenario({
  firms: ['a', 'b', 'c', { id: 'd', unavailableSlots: ['a1'] }],
  slots: [2, 2],
  tables: 2,
  meetings: [
    { id: 'r1', participants: ['a', 'b'], requestedBy: ['a'] },
    { id: 'r2', participants: ['a', 'c'], requestedBy: ['a'], after: ['r1'] },
    { id: 'r3', participants: ['c', 'd'], requestedBy: ['c'], fixedSlot: 'm1' },
  ],
  mustScheduleAll: true,
  lunchCountsAsBreak: true,
});
const meeting = (requestId: string, slotId: string, tableId: string): ScheduledMeeting => ({
  requestId,
  participants: event.requests.find((r) => r.id === requestId)!.participants,
  slotId,
  tableId,
});
const valid = [meeting('r1', 'm1', 'T2'), meeting('r2', 'm2', 'T1'), meeting('r3', 'm1', 'T1')];
const codes = (meetings: ScheduledMeeting[], fairness = 2, unscheduled: { requestId: string; reason: 'cancelled'; message: string }[] = []) =>
  checkSchedule(event, { meetings, unscheduled }, fairness).violations.map((v) => v.code);

describe('checkSchedule', () => {
  it('accepts a valid schedule and recounts its breaks', () => {
    const check = checkSchedule(event, { meetings: valid, unscheduled: [] }, 2);
    expect(check.violations).toEqual([]);
    expect(check.totalBreaks).toBe(0);
  });
  it('finds a participant in two meetings at once', () =>
    expect(codes([meeting('r1', 'm2', 'T2'), meeting('r2', 'm2', 'T1'), meeting('r3', 'm1', 'T1')])).toContain('participant_double_booked'));
  it('finds a table used twice in a slot', () =>
    expect(codes([meeting('r1', 'm1', 'T1'), meeting('r2', 'm2', 'T1'), meeting('r3', 'm1', 'T1')])).toContain('table_double_booked'));
  it('finds a fixed meeting away from its slot', () =>
    expect(
      codes([meeting('r1', 'm1', 'T2'), meeting('r2', 'a2', 'T1'), meeting('r3', 'm1', 'T1')].map((m) => (m.requestId === 'r3' ? { ...m, slotId: 'a1' } : m))),
    ).toEqual(expect.arrayContaining(['infeasible_fixed_meeting'])));
  it('finds a participant scheduled when unavailable', () => {
    const unavailable = checkSchedule(
      { ...event, requests: event.requests.map((r) => (r.id === 'r3' ? { ...r, fixedSlot: undefined } : r)) },
      { meetings: [meeting('r1', 'm1', 'T2'), meeting('r2', 'm2', 'T1'), meeting('r3', 'a1', 'T1')], unscheduled: [] },
      2,
    );
    expect(unavailable.violations.map((v) => v.code)).toContain('participant_unavailable');
  });
  it('finds a precedence held the wrong way round (prec(m): the meetings held before m)', () =>
    expect(codes([meeting('r1', 'a2', 'T2'), meeting('r2', 'm2', 'T1'), meeting('r3', 'm1', 'T1')])).toContain('precedence'));
  it('finds a request missing when every request must be held', () =>
    expect(codes([meeting('r1', 'm1', 'T2'), meeting('r3', 'm1', 'T1')], 2, [{ requestId: 'r2', reason: 'cancelled', message: '' }])).toContain(
      'not_all_held',
    ));
  it('recounts breaks over lunch and enforces fairness', () => {
    const spread = [meeting('r1', 'm1', 'T2'), meeting('r2', 'a2', 'T1'), meeting('r3', 'm1', 'T1')];
    const check = checkSchedule(event, { meetings: spread, unscheduled: [] }, 0);
    expect(check.breaksByParticipant.a).toBe(1);
    expect(check.violations.map((v) => v.code)).toContain('fairness');
  });
});

describe('guardResult', () => {
  it('never returns a schedule that fails the check', () => {
    const broken: ScheduleResult = {
      status: 'scheduled',
      meetings: [meeting('r1', 'a2', 'T2'), meeting('r2', 'm2', 'T1'), meeting('r3', 'm1', 'T1')],
      unscheduled: [],
      stats: { totalBreaks: 1 } as never,
    };
    const r = guardResult(event, broken, 2);
    expect(r.status).toBe('infeasible');
    if (r.status === 'infeasible') expect(r.failure).toMatchObject({ code: 'schedule_check_failed', proven: false });
  });
});
