import type { MeetingEvent, MeetingRequest, ScheduleRun, ScheduleRunBlocking } from '@synergies/shared';
import {
  slotTimes,
  type ScheduledMeeting,
  type ScheduleStats,
  type SchedulingEvent,
  type SchedulingFailure,
  type UnscheduledRequest,
} from '../../core/scheduler';
import type { EventRow, ParticipantRow, RequestRow } from './repository';
import { clockTime, minutesOfDay } from '@synergies/shared';

/** Pure translations between the database rows, the scheduler's event and the API's views. */

/** The two sides of a request with their priority (null: that side did not ask). */
export function sidesOf(r: Pick<RequestRow, 'organisationA' | 'organisationB' | 'priorityA' | 'priorityB'>) {
  return [
    { organisationId: r.organisationA, priority: r.priorityA },
    { organisationId: r.organisationB, priority: r.priorityB },
  ];
}

/** Requests are stored with the smaller id first, whoever asked. */
export function orderedPair(x: string, y: string): [string, string] {
  return x < y ? [x, y] : [y, x];
}

export function toSchedulingRequest(r: RequestRow): SchedulingEvent['requests'][number] {
  const asked = sidesOf(r).filter((s) => s.priority !== null);
  return {
    id: r.id,
    participants: [r.organisationA, r.organisationB],
    requestedBy: asked.map((s) => s.organisationId),
    priority: Object.fromEntries(asked.map((s) => [s.organisationId, s.priority!])),
    synergyIds: r.synergyIds,
    session: r.session ?? undefined,
    fixedSlot: r.fixedSlot ?? undefined,
    after: [],
  };
}

/** The event as the scheduler reads it: firms by organisation id, requests by request id. */
export function toSchedulingEvent(event: EventRow, participants: readonly ParticipantRow[], requests: readonly RequestRow[]): SchedulingEvent {
  return {
    name: event.name,
    date: event.date,
    timeZone: event.timeZone,
    sessions: event.sessions.map((s) => ({ id: s.id, name: s.name || undefined, slots: s.slots.map((slot) => ({ ...slot })) })),
    tables: event.tables.map((t) => ({ id: t.id, name: t.name, reservedFor: t.reservedFor ?? undefined })),
    participants: participants.map((p) => ({
      id: p.organisationId,
      name: p.organisationName,
      representatives: p.representatives,
      maxMeetings: p.maxMeetings ?? undefined,
      minMeetings: p.minMeetings ?? undefined,
      unavailableSlots: p.unavailableSlots,
    })),
    requests: requests.map(toSchedulingRequest),
    mustScheduleAll: event.allRequestsRequired,
    lunchCountsAsBreak: event.lunchCountsAsBreak,
  };
}

/** Gaps between sessions (the lunch break), from the last slot's end to the next session's start. */
export function breaksOf(sessions: EventRow['sessions']): MeetingEvent['breaks'] {
  const out: MeetingEvent['breaks'] = [];
  for (let k = 1; k < sessions.length; k++) {
    const last = sessions[k - 1]!.slots.at(-1)!;
    const end = minutesOfDay(last.start) + last.durationMinutes;
    const next = minutesOfDay(sessions[k]!.slots[0]!.start);
    if (next > end) out.push({ afterSession: sessions[k - 1]!.id, start: clockTime(end), end: clockTime(next) });
  }
  return out;
}

export function presentEvent(event: EventRow, participants: readonly ParticipantRow[]): MeetingEvent {
  return {
    id: event.id,
    zoneId: event.zoneId,
    name: event.name,
    date: event.date,
    timeZone: event.timeZone,
    status: event.status,
    sessions: event.sessions,
    breaks: breaksOf(event.sessions),
    tables: event.tables,
    participants: participants.map((p) => ({ ...p })),
    lunchCountsAsBreak: event.lunchCountsAsBreak,
    allRequestsRequired: event.allRequestsRequired,
    publishedScheduleVersion: event.publishedScheduleVersion,
    version: event.version,
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
  };
}

export function presentRequest(r: RequestRow, names: ReadonlyMap<string, string>): MeetingRequest {
  return {
    id: r.id,
    eventId: r.eventId,
    organisations: [r.organisationA, r.organisationB].map((id) => ({ id, name: names.get(id) ?? id })),
    requesters: sidesOf(r).flatMap((s) => (s.priority === null ? [] : [{ organisationId: s.organisationId, priority: s.priority }])),
    synergyIds: r.synergyIds,
    session: r.session,
    fixedSlot: r.fixedSlot,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Names, tables and real times of a scheduler event, to present its schedules. */
export function scheduleLookup(event: SchedulingEvent) {
  const names = new Map(event.participants.map((p) => [p.id, p.name ?? p.id]));
  const tables = new Map(event.tables.map((t) => [t.id, t.name ?? t.id]));
  const times = slotTimes(event);
  const requests = new Map(event.requests.map((r) => [r.id, r]));
  const organisations = (ids: readonly string[]) => ids.map((id) => ({ id, name: names.get(id) ?? id }));
  const timing = (slotId: string) => {
    const t = times.get(slotId)!;
    return { slotId, sessionId: t.sessionId, start: t.start, end: t.end, localStart: t.localStart, localEnd: t.localEnd };
  };
  return {
    organisations,
    timing,
    tableName: (id: string) => tables.get(id) ?? id,
    requestOf: (id: string) => requests.get(id),
    meeting: (m: ScheduledMeeting) => ({
      requestId: m.requestId,
      organisations: organisations(m.participants),
      ...timing(m.slotId),
      tableId: m.tableId,
      tableName: tables.get(m.tableId) ?? m.tableId,
    }),
    unscheduled: (u: UnscheduledRequest) => ({
      requestId: u.requestId,
      organisations: organisations(requests.get(u.requestId)?.participants ?? []),
      reason: u.reason,
      message: u.message,
    }),
  };
}

/** Meetings in time order, then table order: how people read a schedule. */
export function byTime<T extends { start: string; tableId: string }>(list: T[]): T[] {
  return list.sort((a, b) => a.start.localeCompare(b.start) || a.tableId.localeCompare(b.tableId, 'fr', { numeric: true }));
}

/**
 * The firms and rules a failure names (one firm or several, by organisation id, and the tables or
 * the order when a proof needed them), with the firms' names as the run read them, so that the
 * page can say it in the reader's language; null when it names nothing.
 */
export function blockingOf(failure: SchedulingFailure, event: SchedulingEvent): ScheduleRunBlocking | null {
  const { participant, participants, tables, order } = failure.details;
  const ids = Array.isArray(participants) ? participants : typeof participant === 'string' ? [participant] : [];
  const nameOf = new Map(event.participants.map((p) => [p.id, p.name ?? p.id]));
  const firms = ids.flatMap((id) => (nameOf.has(id) ? [{ id, name: nameOf.get(id)! }] : []));
  const blocking = { firms, tables: tables === 'needed', order: order === 'needed' };
  return firms.length > 0 || blocking.tables || blocking.order ? blocking : null;
}

export function summaryOf(stats: ScheduleStats): NonNullable<ScheduleRun['summary']> {
  const { meetingsRequested, meetingsScheduled, priorityScheduled, priorityUpperBound, totalBreaks, breaksLowerBound, optimal, method, seconds } = stats;
  return { meetingsRequested, meetingsScheduled, priorityScheduled, priorityUpperBound, totalBreaks, breaksLowerBound, optimal, method, seconds };
}
