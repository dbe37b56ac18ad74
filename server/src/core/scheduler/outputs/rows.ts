import type { SchedulingEvent } from '../event-format';
import type { ScheduledMeeting } from '../types';
import { slotTimes } from './times';

// French headers: the files go to the zone's facilitators and to Excel as they are.
export const SCHEDULE_COLUMNS = ['créneau', 'session', 'début', 'fin', 'table', 'demande', 'participants', 'synergies'] as const;

/** The full meeting list as flat rows in time then table order (CSV and XLSX). */
export function scheduleRows(event: SchedulingEvent, meetings: readonly ScheduledMeeting[]): string[][] {
  const times = slotTimes(event);
  const names = new Map(event.participants.map((p) => [p.id, p.name ?? p.id]));
  const tables = new Map(event.tables.map((t, i) => [t.id, { name: t.name ?? t.id, order: i }]));
  const requests = new Map(event.requests.map((r) => [r.id, r]));
  return [...meetings]
    .sort((a, b) => times.get(a.slotId)!.start.localeCompare(times.get(b.slotId)!.start) || tables.get(a.tableId)!.order - tables.get(b.tableId)!.order)
    .map((m) => {
      const t = times.get(m.slotId)!;
      return [m.slotId, t.sessionId, t.localStart, t.localEnd, tables.get(m.tableId)?.name ?? m.tableId, m.requestId, m.participants.map((p) => names.get(p) ?? p).join(' / '), (requests.get(m.requestId)?.synergyIds ?? []).join(' ')];
    });
}
