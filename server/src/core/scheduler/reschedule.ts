import { SchedulingError } from './errors';
import type { MeetingRequest, SchedulingEvent } from './event-format';
import { SlotState } from './heuristic/state';
import { describeAgendaChanges, type AgendaChangeText } from './outputs/changes';
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
  /** What changed, per participant, in words for the agenda page and the email (French, English). */
  changes: Record<string, AgendaChangeText>;
}

/**
 * Applies a change on the day and re-optimises the slots not yet started, lexicographically:
 * 1. a past or running meeting never moves (slots started before `now` are frozen);
 * 2. as many remaining meetings as possible are held: still-valid meetings stay, then displaced ones,
 *    the new request and the waiting list go into free room, or in place of one future meeting that
 *    is moved aside to another free slot;
 * 3. as few agendas as possible change: a move is chosen by the firms it newly touches;
 * 4. then fewest breaks, moving only meetings of firms whose agenda changed anyway.
 * Heuristic and bounded (1 s of search), as it runs while people wait. Returns the changed agendas and, per
 * firm, what changed in words (French and English).
 */
export function reschedule(
  event: SchedulingEvent,
  previous: { meetings: readonly ScheduledMeeting[]; unscheduled: readonly UnscheduledRequest[] },
  change: ScheduleChange,
  now: Date,
  fairness = 2,
): RescheduleResult {
  const times = slotTimes(event);
  const clockStart = performance.now();
  // It runs while people wait: the re-optimisation stops after 1 s whatever the event size
  // (compiling the event and building the result take the rest of the 2 s).
  const deadline = clockStart + 1000;
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
  if (change.kind === 'cancellation' && cancelled === undefined)
    throw new SchedulingError('unknown_reference', `Unknown request ${change.requestId}`, { request: change.requestId });

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
  const repair = new Repair(state, tableOf, frozenSlot, fairness, changedBy(previous.meetings, index, problem.meetings.length, slotIndex, tableIndex));
  for (const i of [...displaced, ...added, ...waiting.sort(byWeight)]) {
    if (state.slotOf[i]! >= 0 || i === cancelled) continue;
    // Free room first (only this meeting's firms see a change), then one other meeting moved aside.
    if (repair.insertFree(i) || repair.insertMovingOne(i, deadline)) continue;
    if (problem.meetings[i]!.parts.some((p) => absent(change, problem.ids.participants[p]!))) reasons.set(i, 'participant_absent');
  }
  repair.fewerBreaks(deadline);
  const schedule = buildResult(
    next,
    problem,
    { slotOf: state.slotOf, tableOf, reasons },
    {
      optimal: false,
      priorityUpperBound: 0,
      breaksLowerBound: 0,
      method: 'heuristic',
      seconds: 0,
      fairness,
    },
  );
  return {
    event: next,
    schedule,
    changedParticipants: changedAgendas(previous.meetings, schedule.meetings),
    changes: describeAgendaChanges(next, previous.meetings, schedule),
  };
}

function absent(change: ScheduleChange, participantId: string): boolean {
  return (change.kind === 'no_show' || change.kind === 'late_arrival') && change.participantId === participantId;
}

function applyChange(
  event: SchedulingEvent,
  change: ScheduleChange,
  future: (slotId: string) => boolean,
  times: ReturnType<typeof slotTimes>,
): SchedulingEvent {
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
    if (copy.requests.some((r) => r.id === change.request.id))
      throw new SchedulingError('duplicate_id', `Request ${change.request.id} already exists`, { request: change.request.id });
    copy.requests.push(change.request);
  }
  return copy;
}

/** Where each meeting was before the change: slot and table indices (-1 when not held). */
function changedBy(
  before: readonly ScheduledMeeting[],
  index: Map<string, number>,
  n: number,
  slotIndex: Map<string, number>,
  tableIndex: Map<string, number>,
) {
  const slot = new Int32Array(n).fill(-1);
  const table = new Int32Array(n).fill(-1);
  for (const m of before) {
    const i = index.get(m.requestId);
    if (i === undefined) continue;
    slot[i] = slotIndex.get(m.slotId) ?? -1;
    table[i] = tableIndex.get(m.tableId) ?? -1;
  }
  return { slot, table };
}

/**
 * The re-optimisation of the slots not yet started, lexicographically: hold as many meetings as
 * possible, then change as few agendas as possible, then fewest breaks. A firm's agenda has changed
 * when one of its meetings is added, dropped, or moves slot or table; `touched` tracks them so that a
 * move costs only the firms it newly touches.
 */
class Repair {
  private readonly touched = new Set<number>();

  constructor(
    private readonly state: SlotState,
    private readonly tableOf: Int32Array,
    private readonly frozenSlot: readonly boolean[],
    private readonly fairness: number,
    private readonly before: { slot: Int32Array; table: Int32Array },
  ) {
    const { problem } = state;
    // Firms whose agenda the change itself altered (a dropped meeting, e.g. a no-show's).
    problem.meetings.forEach((m, i) => {
      if (before.slot[i]! >= 0 && state.slotOf[i]! < 0) for (const p of m.parts) this.touched.add(p);
    });
  }

  private newlyTouched(m: number): number {
    return this.state.problem.meetings[m]!.parts.filter((p) => !this.touched.has(p)).length;
  }

  private put(m: number, s: number, t: number): void {
    this.state.place(m, s);
    this.tableOf[m] = t;
    if (this.before.slot[m] !== s || this.before.table[m] !== t) for (const p of this.state.problem.meetings[m]!.parts) this.touched.add(p);
  }

  private take(m: number): number {
    this.tableOf[m] = -1;
    return this.state.remove(m);
  }

  /** Added breaks of m at s, with a heavy price on breaking fairness. */
  private breakCost(m: number, s: number): number {
    const before = this.state.totalBreaks;
    this.state.place(m, s);
    const cost = this.state.totalBreaks - before + Math.max(0, this.state.breakSpread() - this.fairness) * 100;
    this.state.remove(m);
    return cost;
  }

  insertFree(m: number): boolean {
    const { state } = this;
    let best = -1;
    let bestCost = Infinity;
    for (const s of state.problem.meetings[m]!.allowed) {
      if (this.frozenSlot[s] || !state.fits(m, s) || freeTable(state.problem, state, this.tableOf, m, s) < 0) continue;
      const cost = this.breakCost(m, s) + (s === this.before.slot[m] ? -0.5 : 0);
      if (cost < bestCost) [best, bestCost] = [s, cost];
    }
    if (best < 0) return false;
    this.put(m, best, freeTable(state.problem, state, this.tableOf, m, best));
    return true;
  }

  /** Holds m by moving one future meeting out of its way; picks the move touching the fewest new agendas. */
  insertMovingOne(m: number, deadline: number): boolean {
    const { state } = this;
    const { problem } = state;
    let best: { s: number; c: number; to: number; cost: number } | null = null;
    for (const s of problem.meetings[m]!.allowed) {
      if (this.frozenSlot[s] || performance.now() > deadline) continue;
      for (const c of state.slotMembers[s]!.slice()) {
        const meeting = problem.meetings[c]!;
        if (meeting.fixed >= 0) continue;
        const fromTable = this.tableOf[c]!;
        const from = this.take(c);
        if (state.fits(m, s) && freeTable(problem, state, this.tableOf, m, s) >= 0) {
          state.place(m, s);
          for (const to of meeting.allowed) {
            if (to === s || this.frozenSlot[to] || !state.fits(c, to, false) || freeTable(problem, state, this.tableOf, c, to) < 0) continue;
            const cost = (this.newlyTouched(m) + this.newlyTouched(c)) * 1000 + this.breakCost(c, to);
            if (!best || cost < best.cost) best = { s, c, to, cost };
          }
          state.remove(m);
        }
        state.place(c, from);
        this.tableOf[c] = fromTable;
      }
    }
    if (!best) return false;
    this.take(best.c);
    this.put(m, best.s, freeTable(problem, state, this.tableOf, m, best.s));
    this.put(best.c, best.to, freeTable(problem, state, this.tableOf, best.c, best.to));
    return true;
  }

  /** Fewer breaks by moving future meetings whose firms' agendas have changed anyway. */
  fewerBreaks(deadline: number): void {
    const { state } = this;
    const { problem } = state;
    for (let pass = 0, improved = true; improved && pass < 3; pass++) {
      improved = false;
      for (let m = 0; m < problem.meetings.length && performance.now() < deadline; m++) {
        const from = state.slotOf[m]!;
        if (from < 0 || this.frozenSlot[from] || problem.meetings[m]!.fixed >= 0 || this.newlyTouched(m) > 0) continue;
        const table = this.tableOf[m]!;
        const breaksBefore = state.totalBreaks;
        const spreadBefore = state.breakSpread();
        this.take(m);
        let best = from;
        let bestBreaks = breaksBefore;
        for (const s of problem.meetings[m]!.allowed) {
          if (s === from || this.frozenSlot[s] || !state.fits(m, s, false) || freeTable(problem, state, this.tableOf, m, s) < 0) continue;
          state.place(m, s);
          if (state.totalBreaks < bestBreaks && state.breakSpread() <= Math.max(spreadBefore, this.fairness)) [best, bestBreaks] = [s, state.totalBreaks];
          state.remove(m);
        }
        if (best === from) {
          state.place(m, from);
          this.tableOf[m] = table;
        } else {
          this.put(m, best, freeTable(problem, state, this.tableOf, m, best));
          improved = true;
        }
      }
    }
  }
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
