import type { SchedulingEvent } from '../event-format';
import type { ScheduledMeeting } from '../types';
import { slotTimes, type SlotTime } from './times';

export interface AgendaLine {
  meeting: ScheduledMeeting;
  time: SlotTime;
  /** The other participants, by name when known. */
  with: string[];
  tableName: string;
  synergyIds: string[];
}

/** One participant's meetings in time order, with names resolved: shared by the ICS and PDF renderers. */
export function agendaOf(event: SchedulingEvent, meetings: readonly ScheduledMeeting[], participantId: string): AgendaLine[] {
  const times = slotTimes(event);
  const names = new Map(event.participants.map((p) => [p.id, p.name ?? p.id]));
  const tables = new Map(event.tables.map((t) => [t.id, t.name ?? t.id]));
  const requests = new Map(event.requests.map((r) => [r.id, r]));
  return meetings
    .filter((m) => m.participants.includes(participantId))
    .map((m) => ({
      meeting: m,
      time: times.get(m.slotId)!,
      with: m.participants.filter((p) => p !== participantId).map((p) => names.get(p) ?? p),
      tableName: tables.get(m.tableId) ?? m.tableId,
      synergyIds: requests.get(m.requestId)?.synergyIds ?? [],
    }))
    .sort((a, b) => a.time.start.localeCompare(b.time.start));
}

export function participantName(event: SchedulingEvent, id: string): string {
  return event.participants.find((p) => p.id === id)?.name ?? id;
}
