import type { AgendaMeetingView, MeetingEventView, MeetingRequestView, ScheduleView } from '../api';
import { clockTime, minutesOfDay } from '@synergies/shared';

export const PRIORITIES = [1, 2, 3, 4, 5] as const;

/**
 * The UTC instant of a wall-clock time in Paris on a date, with its offset
 * ("2026-10-05", "10:30" → "2026-10-05T10:30:00+02:00"), whatever the browser's zone.
 */
export function parisDateTime(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  const offsetOf = (d: Date) => {
    const name =
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' }).formatToParts(d).find((p) => p.type === 'timeZoneName')
        ?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
    return m ? `${m[1]}${m[2]}:${m[3] ?? '00'}` : '+00:00';
  };
  // The offset at the guessed instant is right except within an hour of a change: check once more.
  const first = offsetOf(guess);
  const second = offsetOf(new Date(`${date}T${time}:00${first}`));
  return `${date}T${time}:00${second}`;
}

/** Slots of a quick setup: a morning (and an optional afternoon) of back-to-back meetings. */
export interface QuickSessions {
  duration: number;
  morningStart: string;
  morningSlots: number;
  afternoonStart: string;
  afternoonSlots: number;
}

export function quickSessions(q: QuickSessions, names: { morning: string; afternoon: string }): MeetingEventView['sessions'] {
  const make = (prefix: string, start: string, count: number) =>
    Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i + 1}`, start: clockTime(minutesOfDay(start) + i * q.duration), durationMinutes: q.duration }));
  const sessions = [{ id: 'matin', name: names.morning, slots: make('m', q.morningStart, q.morningSlots) }];
  if (q.afternoonSlots > 0 && q.afternoonStart)
    sessions.push({ id: 'apres-midi', name: names.afternoon, slots: make('a', q.afternoonStart, q.afternoonSlots) });
  return sessions;
}

/** "T1".."Tn" named "Table 1".."Table n". */
export function quickTables(count: number, label: (n: number) => string): { id: string; name: string; reservedFor: null }[] {
  return Array.from({ length: count }, (_, i) => ({ id: `T${i + 1}`, name: label(i + 1), reservedFor: null }));
}

export interface GridRow {
  slotId: string;
  sessionName: string;
  start: string;
  end: string;
  cells: (ScheduleView['meetings'][number] | null)[];
}

/** The names the quick set-up gives its sessions, in every language of the interface. */
const GENERATED_SESSIONS: Record<string, { key: 'morning' | 'afternoon'; names: readonly string[] }> = {
  matin: { key: 'morning', names: ['Matin', 'Morning'] },
  'apres-midi': { key: 'afternoon', names: ['Après-midi', 'Afternoon'] },
};

/** A session the quick set-up named ("Matin") reads in the reader's language; a name someone typed stays as typed. */
export function sessionLabel(session: { id: string; name?: string | null }, names: { morning: string; afternoon: string }): string {
  const generated = GENERATED_SESSIONS[session.id];
  if (generated && (!session.name || generated.names.includes(session.name))) return names[generated.key];
  return session.name || session.id;
}

/** The preview as a grid: one row per slot in time order, one column per table. */
export function scheduleGrid(
  event: Pick<MeetingEventView, 'sessions' | 'tables'>,
  schedule: Pick<ScheduleView, 'meetings'>,
  sessionNames: { morning: string; afternoon: string } = { morning: 'Matin', afternoon: 'Après-midi' },
): GridRow[] {
  const at = new Map(schedule.meetings.map((m) => [`${m.slotId}|${m.tableId}`, m]));
  return event.sessions.flatMap((session) =>
    session.slots.map((slot) => ({
      slotId: slot.id,
      sessionName: sessionLabel(session, sessionNames),
      start: slot.start,
      end: clockTime(minutesOfDay(slot.start) + slot.durationMinutes),
      cells: event.tables.map((table) => at.get(`${slot.id}|${table.id}`) ?? null),
    })),
  );
}

/** A meeting whose end has passed can get its follow-up (or one already recorded). */
export function canFollowUp(m: AgendaMeetingView, now: Date): boolean {
  if (!m.meetingId || m.version === null || m.status === 'cancelled') return false;
  return new Date(m.end).getTime() <= now.getTime() || m.status !== 'scheduled';
}

/** The priority a firm gave a request, or null when it did not ask. */
export function priorityOf(r: MeetingRequestView, organisationId: string): number | null {
  return r.requesters.find((x) => x.organisationId === organisationId)?.priority ?? null;
}

/** The other firm of a request seen from one side. */
export function otherSide(r: MeetingRequestView, organisationId: string) {
  return r.organisations.find((o) => o.id !== organisationId) ?? r.organisations[0]!;
}
