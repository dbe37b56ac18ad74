import { describe, expect, it } from 'vitest';
import type { AgendaMeetingView, MeetingRequestView } from '../api';
import { canFollowUp, otherSide, parisDateTime, priorityOf, quickSessions, quickTables, scheduleGrid, sessionLabel } from './meetings';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

describe('meeting helpers', () => {
  it('writes Paris wall-clock times with the offset of the day', () => {
    expect(parisDateTime('2026-10-05', '10:30')).toBe('2026-10-05T10:30:00+02:00');
    expect(parisDateTime('2026-12-01', '09:00')).toBe('2026-12-01T09:00:00+01:00');
  });

  it('builds back-to-back slots for a morning and an afternoon, and numbered tables', () => {
    const sessions = quickSessions(
      { duration: 20, morningStart: '09:00', morningSlots: 3, afternoonStart: '14:00', afternoonSlots: 2 },
      { morning: 'Matin', afternoon: 'Après-midi' },
    );
    expect(sessions.map((s) => s.slots.map((x) => x.start))).toEqual([
      ['09:00', '09:20', '09:40'],
      ['14:00', '14:20'],
    ]);
    expect(sessions[1]!.slots[1]).toEqual({ id: 'a2', start: '14:20', durationMinutes: 20 });
    expect(
      quickSessions({ duration: 30, morningStart: '09:00', morningSlots: 1, afternoonStart: '14:00', afternoonSlots: 0 }, { morning: 'M', afternoon: 'A' }),
    ).toHaveLength(1);
    expect(quickTables(2, (n) => `Table ${n}`)).toEqual([
      { id: 'T1', name: 'Table 1', reservedFor: null },
      { id: 'T2', name: 'Table 2', reservedFor: null },
    ]);
  });

  it('lays the schedule out as slots by tables', () => {
    const event = {
      sessions: quickSessions(
        { duration: 20, morningStart: '09:00', morningSlots: 2, afternoonStart: '', afternoonSlots: 0 },
        { morning: 'Matin', afternoon: '' },
      ),
      tables: quickTables(2, (n) => `T${n}`),
    };
    const meeting = {
      requestId: 'r',
      organisations: [],
      slotId: 'm2',
      sessionId: 'matin',
      start: '',
      end: '',
      localStart: '09:20',
      localEnd: '09:40',
      tableId: 'T2',
      tableName: 'T2',
    };
    const grid = scheduleGrid(event, { meetings: [meeting] });
    expect(grid.map((r) => [r.start, r.end])).toEqual([
      ['09:00', '09:20'],
      ['09:20', '09:40'],
    ]);
    expect(grid[1]!.cells).toEqual([null, meeting]);
  });

  it("says the quick set-up's session names in the reader's language, and typed names as typed", () => {
    const en = { morning: 'Morning', afternoon: 'Afternoon' };
    expect(sessionLabel({ id: 'matin', name: 'Matin' }, en)).toBe('Morning');
    expect(sessionLabel({ id: 'apres-midi', name: 'Après-midi' }, en)).toBe('Afternoon');
    expect(sessionLabel({ id: 'apres-midi', name: 'Atelier déchets' }, en)).toBe('Atelier déchets');
    expect(sessionLabel({ id: 'pleniere', name: 'Matin' }, en)).toBe('Matin');
  });

  it('offers the follow-up of published meetings once over', () => {
    const m = { meetingId: 'x', version: 1, status: 'scheduled', end: '2026-10-05T08:00:00Z' } as AgendaMeetingView;
    expect(canFollowUp(m, new Date('2026-10-05T07:59:00Z'))).toBe(false);
    expect(canFollowUp(m, new Date('2026-10-05T08:00:00Z'))).toBe(true);
    expect(canFollowUp({ ...m, meetingId: null }, new Date('2027-01-01'))).toBe(false);
    expect(canFollowUp({ ...m, status: 'cancelled' }, new Date('2027-01-01'))).toBe(false);
  });

  it('reads a request from one side', () => {
    const r = {
      organisations: [
        { id: A, name: 'A' },
        { id: B, name: 'B' },
      ],
      requesters: [{ organisationId: B, priority: 4 }],
    } as MeetingRequestView;
    expect(priorityOf(r, B)).toBe(4);
    expect(priorityOf(r, A)).toBeNull();
    expect(otherSide(r, A).name).toBe('B');
  });
});
