import type { SchedulingEvent } from './event-format';
import type { Problem } from './problem';
import { countBreaks, maxBreakDifference } from './rules/breaks';
import { requesters } from './milp/selection';
import { countTableChanges } from './tables';
import type { ScheduledMeeting, ScheduleStats, SolveMethod, UnscheduledReason, UnscheduledRequest } from './types';

export interface Assignment {
  slotOf: Int32Array;
  tableOf: Int32Array;
  /** Reason overrides (e.g. no table found, cancelled) by meeting index. */
  reasons: Map<number, UnscheduledReason>;
}

export interface Proofs {
  optimal: boolean;
  priorityUpperBound: number;
  breaksLowerBound: number;
  method: SolveMethod;
  seconds: number;
  fairness: number;
}

/** Turns an index-based assignment into the JSON result with its statistics. */
export function buildResult(event: SchedulingEvent, problem: Problem, a: Assignment, proofs: Proofs) {
  const { ids } = problem;
  const meetings: ScheduledMeeting[] = [];
  const unscheduled: UnscheduledRequest[] = [];
  const held = new Int32Array(problem.nParticipants);
  problem.meetings.forEach((m, i) => {
    if (a.slotOf[i]! >= 0 && a.tableOf[i]! >= 0) {
      meetings.push({
        requestId: ids.requests[i]!,
        participants: m.parts.map((p) => ids.participants[p]!),
        slotId: ids.slots[a.slotOf[i]!]!,
        tableId: ids.tables[a.tableOf[i]!]!,
      });
      m.parts.forEach((p) => held[p]!++);
    }
  });
  problem.meetings.forEach((m, i) => {
    if (a.slotOf[i]! >= 0 && a.tableOf[i]! >= 0) return;
    const reason = a.reasons.get(i) ?? unscheduledReason(problem, i, held);
    unscheduled.push({ requestId: ids.requests[i]!, reason, message: reasonMessage(problem, i, reason, held) });
  });
  const breaks = Array.from({ length: problem.nParticipants }, (_, p) =>
    countBreaks(
      problem.meetingsOf[p]!.filter((m) => a.slotOf[m]! >= 0 && a.tableOf[m]! >= 0).map((m) => a.slotOf[m]!),
      problem.breakRunOfSlot,
    ),
  );
  const totalBreaks = breaks.reduce((x, y) => x + y, 0);
  const spread = maxBreakDifference(breaks);
  const priorityScheduled = problem.meetings.reduce((sum, m, i) => sum + (a.slotOf[i]! >= 0 && a.tableOf[i]! >= 0 ? m.weight : 0), 0);
  const asked = requesters(problem);
  const stats: ScheduleStats = {
    meetingsRequested: problem.meetings.length,
    meetingsScheduled: meetings.length,
    priorityScheduled,
    priorityUpperBound: Math.max(proofs.priorityUpperBound, priorityScheduled),
    minMeetingsOfRequesters: asked.length === 0 ? 0 : Math.min(...asked.map((p) => held[p]!)),
    totalBreaks,
    breaksLowerBound: Math.min(proofs.breaksLowerBound, totalBreaks),
    breaksByParticipant: Object.fromEntries(ids.participants.map((id, p) => [id, breaks[p]!])),
    maxBreakDifference: spread,
    fairnessBound: proofs.fairness,
    fairnessHeld: spread <= proofs.fairness,
    tableChanges: countTableChanges(problem, a.slotOf, a.tableOf),
    optimal: proofs.optimal,
    method: proofs.method,
    seconds: proofs.seconds,
  };
  void event;
  return { status: 'scheduled' as const, meetings, unscheduled, stats };
}

function unscheduledReason(problem: Problem, i: number, held: Int32Array): UnscheduledReason {
  const m = problem.meetings[i]!;
  if (m.allowed.length === 0) return 'participant_unavailable';
  if (m.parts.some((p) => held[p]! >= problem.maxMeetings[p]!)) return 'max_meetings_reached';
  return 'capacity_exhausted';
}

function reasonMessage(problem: Problem, i: number, reason: UnscheduledReason, held: Int32Array): string {
  const m = problem.meetings[i]!;
  const names = m.parts.map((p) => problem.ids.participants[p]).join(', ');
  const full = m.parts.filter((p) => held[p]! >= problem.maxMeetings[p]!).map((p) => problem.ids.participants[p]);
  switch (reason) {
    case 'participant_unavailable':
      return `No slot where ${names} are all available${m.session >= 0 ? ` in session ${problem.ids.sessions[m.session]}` : ''}`;
    case 'max_meetings_reached':
      return `${full.join(', ')} reached the maximum number of meetings with higher-priority requests`;
    case 'capacity_exhausted':
      return `Slots, tables or representatives of ${names} are taken by higher-priority meetings`;
    case 'table_capacity_exceeded':
      return `No table left for ${names} in the chosen slot (reserved tables)`;
    case 'cancelled':
      return 'Cancelled';
    case 'participant_absent':
      return `A participant of ${names} is absent`;
  }
}
