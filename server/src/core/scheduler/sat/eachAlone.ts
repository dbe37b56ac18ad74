import type { Problem } from '../problem';
import { scheduleWithBreaksAtMost } from './fewBreaks';

/**
 * Per participant, a lower bound on its breaks in any schedule holding every one of `meetings`,
 * fair or not: the fewest it would have if its partners met nobody else. A participant's breaks
 * depend only on its own meetings' slots, so the whole schedule, cut down to one participant's
 * meetings, is one of the schedules this minimum ranges over. Their sum bounds the total.
 *
 * Where fixed meetings force breaks, the upward search would otherwise prove each total below
 * this one in turn: on a Girona variant with 20 % of the meetings fixed (ticf-14crafa), their sum
 * is 26 in 0.3 s, where proving the totals 0 to 26 one by one took the whole 10 s budget. Each
 * participant's question is small (its own meetings only). Past `deadline`, what is proven so
 * far is returned (0 for the participants not reached).
 */
export async function breaksEachAlone(problem: Problem, meetings: readonly number[], opts: { deadline: number; timer: () => number }): Promise<number[]> {
  const held = new Set(meetings);
  const fewest = new Array<number>(problem.nParticipants).fill(0);
  for (let p = 0; p < problem.nParticipants && opts.timer() < opts.deadline; p++) {
    const own = problem.meetingsOf[p]!.filter((m) => held.has(m));
    if (own.length < 2) continue;
    // Its partners' own breaks are not counted: to the solver, they have no meetings.
    const alone: Problem = { ...problem, meetingsOf: problem.meetingsOf.map((mine, q) => (q === p ? mine : [])) };
    for (let breaks = 0; breaks < own.length - 1; breaks++) {
      // Alone, the participant's cap is the total: "at most `breaks`" on both counts.
      const { status } = await scheduleWithBreaksAtMost(alone, own, { ...opts, maxBreaks: breaks, fairness: breaks });
      if (status !== 'impossible') break;
      fewest[p] = breaks + 1;
    }
  }
  return fewest;
}
