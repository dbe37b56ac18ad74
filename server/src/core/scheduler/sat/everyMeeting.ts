import type { Problem } from '../problem';
import { scheduleWithBreaksAtMost } from './fewBreaks';

export type EveryMeetingAnswer =
  | { status: 'found'; slots: Int32Array }
  | { status: 'infeasible'; code: 'not_all_requests_fit' | 'fairness_unsatisfiable'; message: string }
  | { status: 'unknown' };

/**
 * "Can every meeting be held fairly?", asked of CaDiCaL when the local search could not: on the
 * paper's precedence variants it answers in about a second where the MILP ran out of time. A
 * schedule where nobody has more than `fairness` breaks is fair whatever the others have. The
 * converse holds when somebody cannot have a break at all (at most one meeting, as in every Girona
 * instance): the fewest breaks are then 0, so "nobody above `fairness`" is exactly the rule, and a
 * proof that no such schedule exists proves the event infeasible. Asking again without any break
 * rule then says which rule blocks. The fair question has the whole time, as only it can give a
 * schedule: with half, as before, the precedence stress instance ticf-14crafa at 60 % (which it
 * answers in 3–3.7 s alone) ended "unknown within the time limit" instead of scheduled.
 */
export async function holdEveryMeetingFairly(
  problem: Problem,
  meetings: readonly number[],
  fairness: number,
  opts: { deadline: number; timer: () => number },
): Promise<EveryMeetingAnswer> {
  const { timer, deadline } = opts;
  const fair = await scheduleWithBreaksAtMost(problem, meetings, { maxBreaks: Infinity, fairness, timer, deadline });
  if (fair.status === 'found') return { status: 'found', slots: fair.slots! };
  if (fair.status === 'unknown') return { status: 'unknown' };
  // No fair schedule: asked again without any break rule, the solver says which rule blocks.
  const any = await scheduleWithBreaksAtMost(problem, meetings, { maxBreaks: Infinity, fairness: Infinity, timer, deadline });
  if (any.status === 'impossible') {
    return { status: 'infeasible', code: 'not_all_requests_fit', message: 'No schedule holds every request (proven by the SAT solver)' };
  }
  if (!someoneWithoutBreak(problem, meetings)) return { status: 'unknown' };
  return any.status === 'found'
    ? {
        status: 'infeasible',
        code: 'fairness_unsatisfiable',
        message: `Every request can be held, but not with break counts within ${fairness} of each other (proven by the SAT solver)`,
      }
    : { status: 'infeasible', code: 'not_all_requests_fit', message: 'No schedule holds every request under the fairness bound (proven by the SAT solver)' };
}

/** A participant with at most one of the meetings has no break in any schedule. */
function someoneWithoutBreak(problem: Problem, meetings: readonly number[]): boolean {
  const count = new Int32Array(problem.nParticipants);
  for (const m of meetings) for (const p of problem.meetings[m]!.parts) count[p]!++;
  return count.some((n) => n <= 1);
}
