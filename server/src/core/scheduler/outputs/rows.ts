import type { SchedulingEvent } from '../event-format';
import type { ScheduledMeeting } from '../types';
import { slotTimes } from './times';

// French headers and names, never internal ids: the files go to the zone's facilitators and to Excel as they are.
export const SCHEDULE_COLUMNS = ['session', 'début', 'fin', 'table', 'participants', 'synergies'] as const;

/** Titles of the synergies meetings are about, by id (what the people know them by). */
export type SynergyTitles = ReadonlyMap<string, string>;

/** The full meeting list as flat rows in time then table order (CSV and XLSX). */
export function scheduleRows(event: SchedulingEvent, meetings: readonly ScheduledMeeting[], synergyTitles: SynergyTitles = new Map()): string[][] {
  const times = slotTimes(event);
  const names = new Map(event.participants.map((p) => [p.id, p.name ?? p.id]));
  const sessions = new Map(event.sessions.map((s) => [s.id, s.name ?? s.id]));
  const tables = new Map(event.tables.map((t, i) => [t.id, { name: t.name ?? t.id, order: i }]));
  const requests = new Map(event.requests.map((r) => [r.id, r]));
  return [...meetings]
    .sort((a, b) => times.get(a.slotId)!.start.localeCompare(times.get(b.slotId)!.start) || tables.get(a.tableId)!.order - tables.get(b.tableId)!.order)
    .map((m) => {
      const t = times.get(m.slotId)!;
      return [
        sessions.get(t.sessionId) ?? t.sessionId,
        t.localStart,
        t.localEnd,
        tables.get(m.tableId)?.name ?? m.tableId,
        m.participants.map((p) => names.get(p) ?? p).join(' / '),
        synergyLabels(requests.get(m.requestId)?.synergyIds ?? [], synergyTitles).join(' ; '),
      ];
    });
}

/** Known titles, and a count for the rest rather than their ids. */
export function synergyLabels(ids: readonly string[], titles: SynergyTitles): string[] {
  const known = ids.flatMap((id) => (titles.has(id) ? [titles.get(id)!] : []));
  const unknown = ids.length - known.length;
  return unknown > 0 ? [...known, `${unknown} piste${unknown > 1 ? 's' : ''} de synergie`] : known;
}
