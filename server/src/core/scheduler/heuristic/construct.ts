import type { Problem } from '../problem';
import { SlotState } from './state';

/**
 * Greedy construction: fixed meetings first, then by weight (so priority wins when capacity is
 * short), then the most constrained; each goes to the slot that adds the fewest breaks, preferring
 * slots next to the participants' other meetings.
 */
export function constructSchedule(problem: Problem, candidates: readonly number[]): SlotState {
  const state = new SlotState(problem);
  const degree = (m: number) => problem.meetings[m]!.parts.reduce((d, q) => d + problem.meetingsOf[q]!.length, 0);
  const order = [...candidates].sort((a, b) => {
    const ma = problem.meetings[a]!;
    const mb = problem.meetings[b]!;
    return Number(mb.fixed >= 0) - Number(ma.fixed >= 0) || mb.weight - ma.weight || ma.allowed.length - mb.allowed.length || degree(b) - degree(a) || a - b;
  });
  for (const m of order) {
    let best = -1;
    let bestScore = Infinity;
    for (const s of problem.meetings[m]!.allowed) {
      if (!state.fits(m, s)) continue;
      const score = placementScore(state, m, s);
      if (score < bestScore) {
        bestScore = score;
        best = s;
      }
    }
    if (best >= 0) state.place(m, best);
  }
  return state;
}

/** Added breaks (dominant), minus adjacency to the participants' existing meetings, plus a slot-load tie-break. */
function placementScore(state: SlotState, m: number, s: number): number {
  const { problem } = state;
  const before = state.totalBreaks;
  state.place(m, s);
  const added = state.totalBreaks - before;
  const spread = state.breakSpread();
  state.remove(m);
  let adjacency = 0;
  for (const q of problem.meetings[m]!.parts) {
    const row = q * problem.nSlots;
    if (s > 0 && state.load[row + s - 1]! > 0) adjacency++;
    if (s + 1 < problem.nSlots && state.load[row + s + 1]! > 0) adjacency++;
  }
  return added * 100 + spread * 10 - adjacency * 3 + state.tableLoad[s]! / (problem.nTables + 1);
}
