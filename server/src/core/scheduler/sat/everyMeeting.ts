import type { Problem } from '../problem';
import { scheduleWithBreaksAtMost, type RulesNeeded } from './fewBreaks';

export type EveryMeetingAnswer =
  | { status: 'found'; slots: Int32Array }
  | {
      status: 'infeasible';
      code: 'not_all_requests_fit' | 'fairness_unsatisfiable';
      message: string;
      /** The firms (ids) whose rules the proof needed, and whether the tables and the order, when named in time. */
      details: { participants?: string[]; tables?: string; order?: string };
    }
  | { status: 'unknown' };

/**
 * "Can every meeting be held fairly?", asked of CaDiCaL when the local search could not: on the
 * paper's precedence variants it answers in about a second where the MILP ran out of time. A
 * schedule where nobody has more than `fairness` breaks is fair whatever the others have. The
 * converse holds when somebody cannot have a break at all (at most one meeting, as in every Girona
 * instance): the fewest breaks are then 0, so "nobody above `fairness`" is exactly the rule, and a
 * proof that no such schedule exists proves the event infeasible. Asking again without any break
 * rule then says which rule blocks, and `explainInfeasibility`, until `explainBy`, which firms and
 * rules the proof needs: what a facilitator has to change. The fair question has the whole time,
 * as only it can give a schedule: with half, as before, the precedence stress instance
 * ticf-14crafa at 60 % (which it answers in 3–3.7 s alone) ended "unknown within the time limit"
 * instead of scheduled. Its decisions start from `startFrom`, the local search's best: on the
 * stress instance forum-14 at 40 %, one meeting short there, it found a fair schedule in 0.9 s
 * instead of none in 2.9 s.
 */
export async function holdEveryMeetingFairly(
  problem: Problem,
  meetings: readonly number[],
  fairness: number,
  opts: { deadline: number; timer: () => number; explainBy?: number; startFrom?: ArrayLike<number> },
): Promise<EveryMeetingAnswer> {
  const { timer, deadline, startFrom } = opts;
  const ask = (capEach: number) => scheduleWithBreaksAtMost(problem, meetings, { maxBreaks: Infinity, fairness: capEach, timer, deadline, startFrom });
  const fair = await ask(fairness);
  if (fair.status === 'found') return { status: 'found', slots: fair.slots! };
  if (fair.status === 'unknown') return { status: 'unknown' };
  // No fair schedule: asked again without any break rule, the solver says which rule blocks.
  const any = await ask(Infinity);
  if (!someoneWithoutBreak(problem, meetings) && any.status !== 'impossible') return { status: 'unknown' };
  const blocks = any.status === 'found' ? 'fairness' : any.status === 'impossible' ? 'requests' : 'requests under fairness';
  return explainInfeasibility(problem, meetings, { fairness, blocks, provenBy: 'the SAT solver' }, { timer, deadline: opts.explainBy ?? deadline });
}

/**
 * The answer to a proof that every request cannot be held (`blocks: 'requests'`), or not under the
 * fairness bound, worded for a facilitator. CaDiCaL is asked once more, until `deadline`, with each
 * firm's rules, the tables and the order behind assumptions (`blame`): the firms and rules the
 * proof needs go in the message, and as ids in `details`. The proof may come from either solver
 * (`provenBy`). Firms are named only where that question is the rule itself: without break rules,
 * or with a cap of `fairness` breaks each where somebody cannot have any (the cap is then exactly
 * the fairness rule).
 */
export async function explainInfeasibility(
  problem: Problem,
  meetings: readonly number[],
  proof: { fairness: number; blocks: 'requests' | 'requests under fairness' | 'fairness'; provenBy: 'the SAT solver' | 'the MILP' },
  opts: { deadline: number; timer: () => number },
): Promise<EveryMeetingAnswer & { status: 'infeasible' }> {
  const { fairness, blocks, provenBy } = proof;
  const askable = blocks === 'requests' || someoneWithoutBreak(problem, meetings);
  const named = askable
    ? await scheduleWithBreaksAtMost(problem, meetings, { ...opts, maxBreaks: Infinity, fairness: blocks === 'requests' ? Infinity : fairness, blame: true })
    : null;
  const why = named?.needs ? blocking(problem, named.needs) : null;
  const message =
    blocks === 'fairness'
      ? `Every request can be held, but not with break counts within ${fairness} of each other${why ? `: ${why.firms} cannot ${why.several ? 'all ' : ''}have ${fairness} breaks or fewer` : ''} (proven by ${provenBy})`
      : `No schedule holds every request${blocks === 'requests' ? '' : ' under the fairness bound'}${why ? `: ${why.sentence}` : ''} (proven by ${provenBy})`;
  const code = blocks === 'fairness' ? 'fairness_unsatisfiable' : 'not_all_requests_fit';
  return { status: 'infeasible', code, message, details: why?.details ?? {} };
}

/** The firms and rules a proof needed, in words (the first eight firms by name) and as ids. */
function blocking(problem: Problem, needs: RulesNeeded) {
  const ids = needs.participants.map((p) => problem.ids.participants[p]!);
  const names = needs.participants.map((p) => problem.participantNames[p]!);
  const firms = names.length > 8 ? `${names.slice(0, 8).join(', ')} and ${names.length - 8} more` : names.join(', ');
  const rules = [needs.tables ? 'with the tables there are' : '', needs.order ? 'in the required order' : ''].filter(Boolean).join(' and ');
  if (ids.length === 0 && !rules) return null;
  const sentence = ids.length > 0 ? `the requests of ${firms} cannot all be held${rules ? ` ${rules}` : ''}` : `the requests cannot all be held ${rules}`;
  return {
    firms,
    several: ids.length > 1,
    sentence,
    details: { participants: ids, ...(needs.tables ? { tables: 'needed' } : {}), ...(needs.order ? { order: 'needed' } : {}) },
  };
}

/** A participant with at most one of the meetings has no break in any schedule. */
function someoneWithoutBreak(problem: Problem, meetings: readonly number[]): boolean {
  const count = new Int32Array(problem.nParticipants);
  for (const m of meetings) for (const p of problem.meetings[m]!.parts) count[p]!++;
  return count.some((n) => n <= 1);
}
