/** Result types: plain JSON so the API can return them and the DB can store them as they are. */
import type { SolveMethod } from '@synergies/shared';

// The method is part of the schedule summary the API returns: one list, in the shared contract.
export type { SolveMethod };

export const SCHEDULING_ERROR_CODES = [
  'infeasible_fixed_meeting',
  'table_capacity_exceeded',
  'participant_unavailable',
  'participant_capacity_exceeded',
  'precedence_cycle',
  'precedence_unsatisfiable',
  'unknown_reference',
  'duplicate_id',
  'not_all_requests_fit',
  'meeting_already_started',
  'fairness_unsatisfiable',
  'unknown_within_time_limit',
  'schedule_check_failed',
] as const;
export type SchedulingErrorCode = (typeof SCHEDULING_ERROR_CODES)[number];

/** Why one request is not in the schedule. */
export const UNSCHEDULED_REASONS = [
  'participant_unavailable', // no slot where every participant is available (session, unavailability)
  'max_meetings_reached', // a participant's maxMeetings was spent on higher-priority requests
  'capacity_exhausted', // slots/tables/representatives all taken by higher-priority requests
  'table_capacity_exceeded', // a slot was found but no table fits (reserved tables)
  'cancelled',
  'participant_absent',
] as const;
export type UnscheduledReason = (typeof UNSCHEDULED_REASONS)[number];

export interface ScheduledMeeting {
  requestId: string;
  participants: string[];
  slotId: string;
  tableId: string;
}

export interface UnscheduledRequest {
  requestId: string;
  reason: UnscheduledReason;
  message: string;
}

export interface ScheduleStats {
  meetingsRequested: number;
  meetingsScheduled: number;
  /** Sum of the weights (priorities of requesting sides) of held meetings. */
  priorityScheduled: number;
  /** Proven upper bound on priorityScheduled (equal when proven optimal). */
  priorityUpperBound: number;
  /** Smallest number of meetings held by a participant that asked for at least one. */
  minMeetingsOfRequesters: number;
  totalBreaks: number;
  /** Proven lower bound on totalBreaks for the held meetings (equal when proven optimal). */
  breaksLowerBound: number;
  breaksByParticipant: Record<string, number>;
  maxBreakDifference: number;
  fairnessBound: number;
  fairnessHeld: boolean;
  tableChanges: number;
  /** True only when every lexicographic level was proven optimal. */
  optimal: boolean;
  method: SolveMethod;
  seconds: number;
}

export interface SchedulingFailure {
  code: SchedulingErrorCode;
  message: string;
  /** Ids of the requests, participants or slots involved. */
  details: Record<string, string | string[] | number>;
  /**
   * True when no schedule can exist (proven by counting or by the MILP); false when none was found
   * within the time limit ("unknown within the time limit"), which is not a proof.
   */
  proven: boolean;
}

export type ScheduleResult =
  | { status: 'scheduled'; meetings: ScheduledMeeting[]; unscheduled: UnscheduledRequest[]; stats: ScheduleStats }
  | { status: 'infeasible'; failure: SchedulingFailure; stats?: ScheduleStats };

export interface SolveOptions {
  timeLimitSeconds: number;
  /** Max difference between two participants' break counts (default 2). */
  fairness?: number;
  /** Skip the MILP (heuristic only). */
  heuristicOnly?: boolean;
  /** Monotonic milliseconds, injected so tests and callers control time. Defaults to performance.now. */
  timer?: () => number;
  /** Seed of the local search, for reproducible runs. */
  seed?: number;
}
