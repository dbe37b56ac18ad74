import { SchedulingError } from './errors';
import type { SchedulingEvent } from './event-format';
import { eligibleSlots } from './rules/eligibility';
import { requestWeight } from './rules/weight';

/** One request, compiled to indices. */
export interface Meeting {
  parts: number[];
  requesters: number[];
  weight: number;
  session: number;
  fixed: number;
  /** Eligible slots, ascending. */
  allowed: number[];
  /** Some participant hosts at its own reserved table. */
  hasHost: boolean;
}

/** The event compiled to dense indices: what every solver stage works on. */
export interface Problem {
  nSlots: number;
  sessionOfSlot: number[];
  /**
   * Slots with the same run number can make a break between them. One run per session when idle
   * time between sessions (lunch) is not a break; a single run when it is (the paper's definition).
   */
  breakRunOfSlot: number[];
  nParticipants: number;
  reps: number[];
  maxMeetings: number[];
  minMeetings: number[];
  /** unavailable[p * nSlots + s] = 1 */
  unavailable: Uint8Array;
  meetings: Meeting[];
  meetingsOf: number[][];
  /** [before, after] meeting indices. */
  precedences: [number, number][];
  nTables: number;
  unreservedTables: number;
  /** Participant a table is reserved for, or -1. */
  tableHost: number[];
  ids: { participants: string[]; slots: string[]; requests: string[]; tables: string[]; sessions: string[] };
  /** Display names of the participants (their id when unnamed), for messages. */
  participantNames: string[];
}

function indexOf(ids: string[], kind: string): Map<string, number> {
  const map = new Map<string, number>();
  ids.forEach((id, i) => {
    if (map.has(id)) throw new SchedulingError('duplicate_id', `Duplicate ${kind} id "${id}"`, { [kind]: id });
    map.set(id, i);
  });
  return map;
}

function lookup(map: Map<string, number>, id: string, kind: string, where: string): number {
  const i = map.get(id);
  if (i === undefined) throw new SchedulingError('unknown_reference', `Unknown ${kind} "${id}" in ${where}`, { [kind]: id, where });
  return i;
}

export function compileEvent(event: SchedulingEvent): Problem {
  const slotIds = event.sessions.flatMap((s) => s.slots.map((sl) => sl.id));
  const sessionOfSlot = event.sessions.flatMap((s, k) => s.slots.map(() => k));
  const ids = {
    participants: event.participants.map((p) => p.id),
    slots: slotIds,
    requests: event.requests.map((r) => r.id),
    tables: event.tables.map((t) => t.id),
    sessions: event.sessions.map((s) => s.id),
  };
  const pIndex = indexOf(ids.participants, 'participant');
  const sIndex = indexOf(slotIds, 'slot');
  const rIndex = indexOf(ids.requests, 'request');
  const sessionIndex = indexOf(ids.sessions, 'session');
  indexOf(ids.tables, 'table');

  const nSlots = slotIds.length;
  const nParticipants = ids.participants.length;
  const unavailable = new Uint8Array(nParticipants * nSlots);
  event.participants.forEach((p, i) => {
    for (const s of p.unavailableSlots) unavailable[i * nSlots + lookup(sIndex, s, 'slot', `participant ${p.id}`)] = 1;
  });
  const hosts = new Set<number>();
  for (const t of event.tables) if (t.reservedFor) hosts.add(lookup(pIndex, t.reservedFor, 'participant', `table ${t.id}`));

  const ctx = { sessionOfSlot, isUnavailable: (p: number, s: number) => unavailable[p * nSlots + s] === 1 };
  const meetings: Meeting[] = event.requests.map((r) => {
    const where = `request ${r.id}`;
    const parts = [...new Set(r.participants.map((p) => lookup(pIndex, p, 'participant', where)))];
    const requesters = [...new Set(r.requestedBy.map((p) => lookup(pIndex, p, 'participant', where)))];
    const session = r.session === undefined ? -1 : lookup(sessionIndex, r.session, 'session', where);
    const fixed = r.fixedSlot === undefined ? -1 : lookup(sIndex, r.fixedSlot, 'slot', where);
    const m = { parts, requesters, weight: requestWeight(r.requestedBy, r.priority), session, fixed };
    return { ...m, allowed: eligibleSlots({ participants: parts, session, fixedSlot: fixed }, ctx), hasHost: parts.some((p) => hosts.has(p)) };
  });
  const precedences: [number, number][] = [];
  event.requests.forEach((r, i) => {
    for (const before of r.after) precedences.push([lookup(rIndex, before, 'request', `request ${r.id}`), i]);
  });
  const meetingsOf: number[][] = Array.from({ length: nParticipants }, () => []);
  meetings.forEach((m, i) => m.parts.forEach((p) => meetingsOf[p]!.push(i)));

  return {
    nSlots,
    sessionOfSlot,
    breakRunOfSlot: event.lunchCountsAsBreak ? sessionOfSlot.map(() => 0) : sessionOfSlot,
    nParticipants,
    reps: event.participants.map((p) => p.representatives),
    maxMeetings: event.participants.map((p) => p.maxMeetings ?? Number.MAX_SAFE_INTEGER),
    minMeetings: event.participants.map((p) => p.minMeetings ?? 0),
    unavailable,
    meetings,
    meetingsOf,
    precedences,
    nTables: event.tables.length,
    unreservedTables: event.tables.filter((t) => !t.reservedFor).length,
    tableHost: event.tables.map((t) => (t.reservedFor ? pIndex.get(t.reservedFor)! : -1)),
    ids,
    participantNames: event.participants.map((p) => p.name ?? p.id),
  };
}
