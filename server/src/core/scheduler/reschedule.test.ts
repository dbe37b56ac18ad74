import { describe, expect, it } from 'vitest';
import { reschedule } from './reschedule';
import { scenario } from './scenario';
import { solveSchedule } from './solve';
import type { ScheduledMeeting } from './types';
import { validateSchedule } from './validate';

// Slots m1..m4 at 09:00, 09:20, 09:40, 10:00 Paris time on 2026-03-12 (UTC+1).
const at = (hhmm: string) => new Date(`2026-03-12T${hhmm}:00+01:00`);

async function day() {
  const event = scenario({
    firms: ['a', 'b', 'c', 'd', 'e'],
    slots: [4],
    tables: 2,
    meetings: [
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['a', 'd'],
      ['b', 'e'],
    ],
  });
  const r = await solveSchedule(event, { timeLimitSeconds: 2 });
  if (r.status !== 'scheduled') throw new Error('setup failed');
  return { event, schedule: r };
}

const key = (m: ScheduledMeeting) => `${m.requestId}@${m.slotId}#${m.tableId}`;
const startedBy = (meetings: readonly ScheduledMeeting[], now: Date) =>
  meetings.filter((m) => at(['09:00', '09:20', '09:40', '10:00'][Number(m.slotId.slice(1)) - 1]!) <= now);

describe('reschedule', { timeout: 30_000 }, () => {
  it('never moves a past or running meeting, whatever the change', async () => {
    const { event, schedule } = await day();
    const now = at('09:25'); // m1 past, m2 running
    const frozen = startedBy(schedule.meetings, now).map(key).sort();
    for (const change of [
      { kind: 'no_show' as const, participantId: 'a' },
      { kind: 'cancellation' as const, requestId: schedule.meetings[0]!.requestId },
      { kind: 'late_arrival' as const, participantId: 'c', arrivesAt: at('09:50').toISOString() },
      { kind: 'new_request' as const, request: { id: 'new', participants: ['a', 'e'], requestedBy: ['e'], priority: {}, synergyIds: [], after: [] } },
    ]) {
      const r = reschedule(event, schedule, change, now);
      const kept = r.schedule.meetings
        .filter((m) => frozen.includes(key(m)))
        .map(key)
        .sort();
      expect(kept).toEqual(frozen);
      expect(validateSchedule(r.event, r.schedule)).toEqual([]);
    }
  });

  it('cancels the future meetings of a no-show and lists only the agendas that changed', async () => {
    const { event, schedule } = await day();
    const r = reschedule(event, schedule, { kind: 'no_show', participantId: 'e' }, at('08:00'));
    expect(r.schedule.meetings.some((m) => m.participants.includes('e'))).toBe(false);
    expect(r.changedParticipants).toContain('e');
    const untouched = schedule.meetings.filter((m) => !m.participants.includes('e'));
    for (const m of untouched) expect(r.schedule.meetings.map(key)).toContain(key(m));
    expect(validateSchedule(r.event, r.schedule)).toEqual([]);
  });

  it('moves a late arrival to slots after it arrives', async () => {
    const { event, schedule } = await day();
    const r = reschedule(event, schedule, { kind: 'late_arrival', participantId: 'd', arrivesAt: at('09:40').toISOString() }, at('08:30'));
    for (const m of r.schedule.meetings.filter((x) => x.participants.includes('d'))) expect(['m3', 'm4']).toContain(m.slotId);
    expect(validateSchedule(r.event, r.schedule)).toEqual([]);
  });

  it('adds a new request into free room without moving anyone else', async () => {
    const event = scenario({
      firms: ['a', 'b', 'c', 'd'],
      slots: [3],
      tables: 2,
      meetings: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    });
    const first = await solveSchedule(event, { timeLimitSeconds: 1 });
    if (first.status !== 'scheduled') throw new Error('setup failed');
    const request = { id: 'late', participants: ['b', 'c'], requestedBy: ['b'], priority: {}, synergyIds: [], after: [] };
    const r = reschedule(event, first, { kind: 'new_request', request }, at('08:00'));
    expect(r.schedule.meetings.map((m) => m.requestId).sort()).toEqual(['late', 'r1', 'r2']);
    expect(r.changedParticipants).toEqual(['b', 'c']);
    for (const m of first.meetings) expect(r.schedule.meetings.map(key)).toContain(key(m));
  });

  it('marks a cancelled request as such', async () => {
    const { event, schedule } = await day();
    const id = schedule.meetings.at(-1)!.requestId;
    const r = reschedule(event, schedule, { kind: 'cancellation', requestId: id }, at('08:00'));
    expect(r.schedule.unscheduled.find((u) => u.requestId === id)?.reason).toBe('cancelled');
  });

  it('keeps a cancelled request cancelled through later changes', async () => {
    const event = scenario({
      firms: ['a', 'b', 'c', 'd'],
      slots: [3],
      tables: 2,
      meetings: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    });
    const first = await solveSchedule(event, { timeLimitSeconds: 1 });
    if (first.status !== 'scheduled') throw new Error('setup failed');
    const cancelled = reschedule(event, first, { kind: 'cancellation', requestId: 'r1' }, at('08:00'));
    const later = reschedule(cancelled.event, cancelled.schedule, { kind: 'no_show', participantId: 'd' }, at('08:00'));
    expect(later.schedule.meetings.map((m) => m.requestId)).toEqual([]);
    expect(later.schedule.unscheduled.find((u) => u.requestId === 'r1')?.reason).toBe('cancelled');
    expect(later.changedParticipants).toEqual(['c', 'd']);
  });
});

describe('reschedule re-optimises', () => {
  it('moves one future meeting aside to hold a new one, keeps the past fixed and changes the fewest agendas', () => {
    const event = scenario({
      firms: ['a', 'b', 'c', { id: 'e', unavailableSlots: ['m3'] }, 'f', 'g'],
      slots: [3],
      tables: 2,
      meetings: [
        ['a', 'b'],
        ['a', 'c'],
        ['f', 'g'],
      ],
    });
    const previous = {
      meetings: [
        { requestId: 'r1', participants: ['a', 'b'], slotId: 'm1', tableId: 'T1' },
        { requestId: 'r2', participants: ['a', 'c'], slotId: 'm2', tableId: 'T1' },
        { requestId: 'r3', participants: ['f', 'g'], slotId: 'm2', tableId: 'T2' },
      ],
      unscheduled: [],
    };
    // m1 is running; e can only meet at m2, where a is busy: r2 must move to m3.
    const request = { id: 'late', participants: ['a', 'e'], requestedBy: ['e'], priority: {}, synergyIds: [], after: [] };
    const r = reschedule(event, previous, { kind: 'new_request', request }, at('09:05'));
    const slotOf = Object.fromEntries(r.schedule.meetings.map((m) => [m.requestId, m.slotId]));
    expect(slotOf).toEqual({ r1: 'm1', late: 'm2', r2: 'm3', r3: 'm2' });
    expect(r.schedule.meetings.find((m) => m.requestId === 'r1')!.tableId).toBe('T1');
    expect(r.changedParticipants).toEqual(['a', 'c', 'e']);
    expect(validateSchedule(r.event, r.schedule)).toEqual([]);
    expect(r.changes.c!.fr).toEqual(['Le rendez-vous avec a passe de 09:20 à 09:40, T1.']);
    expect(r.changes.c!.en).toEqual(['The meeting with a moves from 09:20 to 09:40, T1.']);
    expect(r.changes.e!.fr[0]).toContain('Nouveau rendez-vous avec a à 09:20');
    expect(r.changes.b).toBeUndefined();
  });

  it('says why a dropped meeting is dropped', async () => {
    const { event, schedule } = await day();
    const r = reschedule(event, schedule, { kind: 'no_show', participantId: 'e' }, at('08:00'));
    const lines = Object.entries(r.changes)
      .filter(([p]) => p !== 'e')
      .flatMap(([, t]) => t.fr);
    for (const line of r.changes.e?.fr ?? []) expect(line).toMatch(/retiré \(une entreprise est absente\)|passe de|Nouveau/);
    expect(lines.every((l) => l.length > 0)).toBe(true);
  });
});
