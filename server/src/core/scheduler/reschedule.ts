import { SchedulingError } from './errors';
import type { MeetingRequest, SchedulingEvent } from './event-format';
import { SlotState } from './heuristic/state';
import { slotTimes } from './outputs/times';
import { compileEvent } from './problem';
import { buildResult } from './result';
import type { ScheduledMeeting, ScheduleResult, UnscheduledReason, UnscheduledRequest } from './types';

export type ScheduleChange =
  | { kind: 'no_show'; participantId: string }
  | { kind: 'late_arrival'; participantId: string; arrivesAt: string }
  | { kind: 'cancellation'; requestId: string }
  | { kind: 'new_request'; request: MeetingRequest };

export interface RescheduleResult {
  /** The event with the change applied (unavailability, new request), to persist. */
  event: SchedulingEvent;
  schedule: Extract<ScheduleResult, { status: 'scheduled' }>;
  /** Participants whose agenda (meeting, slot or table) differs from the previous schedule. */
  changedParticipants: string[];
}

/**
 * Applies a change on the day. Slots that started before `now` are frozen: their meetings never
 * move. Future meetings stay where they are unless the change invalidates them; those, the new
 * request and the waiting list are then inserted into free room in future slots (fewest added
 * breaks), without moving anyone else, so as few agendas as possible change.
 */
export function reschedule(
  event: SchedulingEvent,
  previous: { meetings: readonly ScheduledMeeting[]; unscheduled: readonly UnscheduledRequest[] },
  change: ScheduleChange,
  now: Date,
  fairness = 2,
): RescheduleResult {
  const times = slotTimes(event);
  const started = (slotId: string) => Date.parse(times.get(slotId)!.start) <= now.getTime();
  const next = applyChange(event, change, (slotId) => !started(slotId), times);
  const problem = compileEvent(next);
  const index = new Map(problem.ids.requests.map((id, i) => [id, i]));
  const slotIndex = new Map(problem.ids.slots.map((id, i) => [id, i]));
  const tableIndex = new Map(problem.ids.tables.map((id, i) => [id, i]));
  const frozenSlot = problem.ids.slots.map(started);
  const state = new SlotState(problem);
  const tableOf = new Int32Array(problem.meetings.length).fill(-1);
  const reasons = new Map<number, UnscheduledReason>();
  const cancelled = change.kind === 'cancellation' ? index.get(change.requestId) : undefined;
  if (change.kind === 'cancellation' && cancelled === undefined) throw new SchedulingError('unknown_reference', `Unknown request ${change.requestId}`, { request: change.requestId });

  // Past and running meetings are kept whatever happens; future ones if they are still valid.
  const displaced: number[] = [];
  const ordered = [...previous.meetings].sort((a, b) => Number(started(b.slotId)) - Number(started(a.slotId)));
  for (const m of ordered) {
    const i = index.get(m.requestId)!;
    const s = slotIndex.get(m.slotId)!;
    if (frozenSlot[s]) {
      state.place(i, s);
      tableOf[i] = tableIndex.get(m.tableId)!;
    } else if (i === cancelled) {
      reasons.set(i, 'cancelled');
    } else if (problem.meetings[i]!.allowed.includes(s) && state.fits(i, s)) {
      state.place(i, s);
      tableOf[i] = tableIndex.get(m.tableId)!;
    } else {
      displaced.push(i);
    }
  }
  // Then: displaced meetings (already promised), the new request, the waiting list by weight.
  // A request cancelled by an earlier change stays cancelled: it is not on the waiting list.
  const cancelledEarlier = previous.unscheduled.filter((u) => u.reason === 'cancelled').map((u) => index.get(u.requestId)!);
  for (const i of cancelledEarlier) reasons.set(i, 'cancelled');
  const waiting = previous.unscheduled
    .filter((u) => u.reason !== 'cancelled')
    .map((u) => index.get(u.requestId)!)
    .filter((i) => i !== cancelled && state.slotOf[i]! < 0);
  const added = change.kind === 'new_request' ? [index.get(change.request.id)!] : [];
  const byWeight = (a: number, b: number) => problem.meetings[b]!.weight - problem.meetings[a]!.weight;
  for (const i of [...displaced, ...added, ...waiting.sort(byWeight)]) {
    if (state.slotOf[i]! >= 0 || i === cancelled) continue;
    const s = bestFreeSlot(state, i, frozenSlot, fairness);
    if (s < 0) {
      if (problem.meetings[i]!.parts.some((p) => absent(change, problem.ids.participants[p]!))) reasons.set(i, 'participant_absent');
      continue;
    }
    const t = freeTable(problem, state, tableOf, i, s);
    if (t < 0) {
      reasons.set(i, 'table_capacity_exceeded');
      continue;
    }
    state.place(i, s);
    tableOf[i] = t;
  }
  const schedule = buildResult(next, problem, { slotOf: state.slotOf, tableOf, reasons }, {
    optimal: false,
    priorityUpperBound: 0,
    breaksLowerBound: 0,
    method: 'heuristic',
    seconds: 0,
    fairness,
  });
  return { event: next, schedule, changedParticipants: changedAgendas(previous.meetings, schedule.meetings) };
}

function absent(change: ScheduleChange, participantId: string): boolean {
  return (change.kind === 'no_show' || change.kind === 'late_arrival') && change.participantId === participantId;
}

function applyChange(event: SchedulingEvent, change: ScheduleChange, future: (slotId: string) => boolean, times: ReturnType<typeof slotTimes>): SchedulingEvent {
  const copy: SchedulingEvent = structuredClone(event);
  const markUnavailable = (participantId: string, blocked: (slotId: string) => boolean) => {
    const p = copy.participants.find((x) => x.id === participantId);
    if (!p) throw new SchedulingError('unknown_reference', `Unknown participant ${participantId}`, { participant: participantId });
    const slots = copy.sessions.flatMap((s) => s.slots.map((sl) => sl.id)).filter((id) => future(id) && blocked(id));
    p.unavailableSlots = [...new Set([...p.unavailableSlots, ...slots])];
  };
  if (change.kind === 'no_show') markUnavailable(change.participantId, () => true);
  if (change.kind === 'late_arrival') markUnavailable(change.participantId, (id) => Date.parse(times.get(id)!.start) < Date.parse(change.arrivesAt));
  if (change.kind === 'new_request') {
    if (copy.requests.some((r) => r.id === change.request.id)) throw new SchedulingError('duplicate_id', `Request ${change.request.id} already exists`, { request: change.request.id });
    copy.requests.push(change.request);
  }
  return copy;
}

/** A future slot where the meeting fits with the fewest added breaks, keeping fairness if possible. */
function bestFreeSlot(state: SlotState, i: number, frozenSlot: readonly boolean[], fairness: number): number {
  let best = -1;
  let bestScore = Infinity;
  for (const s of state.problem.meetings[i]!.allowed) {
    if (frozenSlot[s] || !state.fits(i, s)) continue;
    const before = state.totalBreaks;
    state.place(i, s);
    const score = (state.totalBreaks - before) * 10 + Math.max(0, state.breakSpread() - fairness) * 1000 + s / 1000;
    state.remove(i);
    if (score < bestScore) {
      bestScore = score;
      best = s;
    }
  }
  return best;
}

function freeTable(problem: ReturnType<typeof compileEvent>, state: SlotState, tableOf: Int32Array, i: number, s: number): number {
  const used = new Set(state.slotMembers[s]!.map((m) => tableOf[m]!));
  const parts = problem.meetings[i]!.parts;
  const usable = (t: number) => !used.has(t) && (problem.tableHost[t]! < 0 || parts.includes(problem.tableHost[t]!));
  const own = problem.tableHost.findIndex((h, t) => h >= 0 && parts.includes(h) && usable(t));
  if (own >= 0) return own;
  return problem.tableHost.findIndex((_, t) => usable(t));
}

function changedAgendas(before: readonly ScheduledMeeting[], after: readonly ScheduledMeeting[]): string[] {
  const key = (m: ScheduledMeeting) => `${m.requestId}@${m.slotId}#${m.tableId}`;
  const agenda = (list: readonly ScheduledMeeting[]) => {
    const map = new Map<string, Set<string>>();
    for (const m of list) for (const p of m.participants) (map.get(p) ?? map.set(p, new Set()).get(p)!).add(key(m));
    return map;
  };
  const a = agenda(before);
  const b = agenda(after);
  const changed: string[] = [];
  for (const p of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(p) ?? new Set<string>();
    const y = b.get(p) ?? new Set<string>();
    if (x.size !== y.size || [...x].some((k) => !y.has(k))) changed.push(p);
  }
  return changed.sort();
}
