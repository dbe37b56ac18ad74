import type { ScheduledMeeting, SchedulingEvent } from '../../core/scheduler';
import { scheduleLookup } from '../meetings/scheduling-event';

export interface Placement {
  start: string;
  localStart: string;
  localEnd: string;
  tableName: string;
}

/** One line of "what changed in your agenda", as a participant's phone shows it. */
export interface AgendaChange {
  requestId: string;
  kind: 'moved' | 'cancelled' | 'added';
  with: string[];
  before: Placement | null;
  after: Placement | null;
}

interface ScheduleLike {
  event: SchedulingEvent;
  meetings: readonly ScheduledMeeting[];
}

/** The meetings of `organisationId` that moved (slot or table), were cancelled or added between two schedules. */
export function agendaChanges(before: ScheduleLike, after: ScheduleLike, organisationId: string): AgendaChange[] {
  const lookBefore = scheduleLookup(before.event);
  const lookAfter = scheduleLookup(after.event);
  const mine = (s: ScheduleLike) => new Map(s.meetings.filter((m) => m.participants.includes(organisationId)).map((m) => [m.requestId, m]));
  const was = mine(before);
  const now = mine(after);
  const place = (look: typeof lookBefore, m: ScheduledMeeting): Placement => {
    const t = look.timing(m.slotId);
    return { start: t.start, localStart: t.localStart, localEnd: t.localEnd, tableName: look.tableName(m.tableId) };
  };
  const others = (look: typeof lookBefore, m: ScheduledMeeting) => look.organisations(m.participants.filter((p) => p !== organisationId)).map((o) => o.name);
  const changes: AgendaChange[] = [];
  for (const [requestId, m] of was) {
    const next = now.get(requestId);
    if (!next) changes.push({ requestId, kind: 'cancelled', with: others(lookBefore, m), before: place(lookBefore, m), after: null });
    else if (next.slotId !== m.slotId || next.tableId !== m.tableId)
      changes.push({ requestId, kind: 'moved', with: others(lookAfter, next), before: place(lookBefore, m), after: place(lookAfter, next) });
  }
  for (const [requestId, m] of now) {
    if (!was.has(requestId)) changes.push({ requestId, kind: 'added', with: others(lookAfter, m), before: null, after: place(lookAfter, m) });
  }
  return changes.sort((a, b) => (a.before ?? a.after)!.start.localeCompare((b.before ?? b.after)!.start));
}
