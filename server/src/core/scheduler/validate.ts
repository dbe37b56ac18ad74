import type { SchedulingEvent } from './event-format';
import type { ScheduledMeeting, UnscheduledRequest } from './types';

export interface Violation {
  code: string;
  message: string;
}

/**
 * Independent check of a schedule against every hard rule of the event; used by the tests and
 * as a guard after rescheduling. Returns the violations (empty when the schedule is valid).
 */
export function validateSchedule(
  event: SchedulingEvent,
  schedule: { meetings: readonly ScheduledMeeting[]; unscheduled: readonly UnscheduledRequest[] },
): Violation[] {
  const out: Violation[] = [];
  const add = (code: string, message: string) => out.push({ code, message });
  const slotSession = new Map<string, string>();
  const slotOrder = new Map<string, number>();
  event.sessions.forEach((s) => s.slots.forEach((sl) => (slotSession.set(sl.id, s.id), slotOrder.set(sl.id, slotOrder.size))));
  const participants = new Map(event.participants.map((p) => [p.id, p]));
  const tables = new Map(event.tables.map((t) => [t.id, t]));
  const requests = new Map(event.requests.map((r) => [r.id, r]));
  const seen = new Map<string, number>();
  for (const id of [...schedule.meetings.map((m) => m.requestId), ...schedule.unscheduled.map((u) => u.requestId)]) seen.set(id, (seen.get(id) ?? 0) + 1);
  for (const r of event.requests) if (seen.get(r.id) !== 1) add('request_accounting', `Request ${r.id} appears ${seen.get(r.id) ?? 0} times`);

  const busy = new Map<string, number>();
  const tableUse = new Set<string>();
  const count = new Map<string, number>();
  const slotOfRequest = new Map<string, number>();
  for (const m of schedule.meetings) {
    const r = requests.get(m.requestId);
    if (!r) {
      add('unknown_request', `Unknown request ${m.requestId}`);
      continue;
    }
    const session = slotSession.get(m.slotId);
    if (session === undefined) add('unknown_slot', `Unknown slot ${m.slotId}`);
    if (r.session && session !== r.session) add('wrong_session', `Request ${r.id} held outside session ${r.session}`);
    if (r.fixedSlot && r.fixedSlot !== m.slotId) add('infeasible_fixed_meeting', `Request ${r.id} not at its fixed slot`);
    slotOfRequest.set(r.id, slotOrder.get(m.slotId) ?? -1);
    const table = tables.get(m.tableId);
    if (!table) add('unknown_table', `Unknown table ${m.tableId}`);
    else if (table.reservedFor && !r.participants.includes(table.reservedFor))
      add('reserved_table', `Request ${r.id} at table ${table.id} reserved for ${table.reservedFor}`);
    const tableKey = `${m.slotId}|${m.tableId}`;
    if (tableUse.has(tableKey)) add('table_double_booked', `Table ${m.tableId} used twice at slot ${m.slotId}`);
    tableUse.add(tableKey);
    for (const pid of r.participants) {
      const p = participants.get(pid);
      if (!p) continue;
      if (p.unavailableSlots.includes(m.slotId)) add('participant_unavailable', `${pid} unavailable at ${m.slotId} (request ${r.id})`);
      const key = `${pid}|${m.slotId}`;
      const load = (busy.get(key) ?? 0) + 1;
      busy.set(key, load);
      if (load > p.representatives) add('participant_double_booked', `${pid} in ${load} meetings at slot ${m.slotId}`);
      count.set(pid, (count.get(pid) ?? 0) + 1);
    }
  }
  for (const p of event.participants) {
    if (p.maxMeetings !== undefined && (count.get(p.id) ?? 0) > p.maxMeetings) add('max_meetings', `${p.id} holds more than ${p.maxMeetings} meetings`);
  }
  for (const r of event.requests) {
    const after = slotOfRequest.get(r.id);
    if (after === undefined) continue;
    for (const before of r.after) {
      const b = slotOfRequest.get(before);
      if (b !== undefined && b >= after) add('precedence', `Request ${before} must come before ${r.id}`);
    }
  }
  return out;
}
