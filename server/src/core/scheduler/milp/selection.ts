import { greedySelection, lagrangianWeightBound, participantCapacity } from '../heuristic/greedySelection';
import type { Problem } from '../problem';
import { ModelBuilder } from './builder';
import { runMilp } from './run';

/** Above this many requests the aggregated MILP is replaced by greedy selection. */
const MAX_SELECTION_MILP_COLUMNS = 8000;

export interface SelectionResult {
  /** Meetings chosen (may be empty if the solver found nothing in time). */
  chosen: number[];
  /** Proven upper bound on the total weight any schedule can hold. */
  weightBound: number;
  weightOptimal: boolean;
  /** Max-min meetings of requesters reached by `chosen`, and whether it is proven. */
  minMeetings: number;
  minMeetingsOptimal: boolean;
}

/**
 * Which requests to hold when they exceed capacity, on an aggregated relaxation (no slots):
 * each participant holds at most min(maxMeetings, representatives x available slots), and the event
 * at most tables x slots. Level 1 maximises total weight; level 2, with the weight held, maximises
 * the smallest meeting count of a requester. Any schedule satisfies these rows, so the bound is a
 * valid upper bound for the real problem; when the slot stage then places every chosen meeting,
 * the schedule is optimal on both levels.
 */
/** `secondsLeft`: seconds to the caller's hard deadline, which no HiGHS call may pass. */
export async function selectRequests(problem: Problem, timeLimitSeconds: number, secondsLeft?: () => number): Promise<SelectionResult> {
  let withMinimums = problem.minMeetings.some((n) => n > 0);
  let { level1, z } = buildAggregated(problem, withMinimums);
  if (z.length > MAX_SELECTION_MILP_COLUMNS) {
    // The MILP does not answer in time on this size (and may overrun its limit); its LP does: the
    // LP optimum bounds the weight, and rounding the LP solution (then greedy) gives the selection.
    const lp = await runMilp(level1, 'maximize', { timeLimitSeconds, secondsLeft, lpOnly: true });
    const preferred = lp.values
      ? z
          .filter(([, v]) => lp.values![v]! > 1e-6)
          .sort((a, b) => lp.values![b[1]]! - lp.values![a[1]]!)
          .map(([m]) => m)
      : [];
    const chosen = greedySelection(problem, preferred);
    const bound = lp.status === 'optimal' ? lp.objective : lagrangianWeightBound(problem);
    const integral = problem.meetings.every((m) => Number.isInteger(m.weight));
    const weightBound = integral ? Math.floor(bound + 1e-6) : bound;
    return { chosen, weightBound, weightOptimal: weightOf(problem, chosen) >= weightBound - 1e-6, minMeetings: 0, minMeetingsOptimal: false };
  }
  let first = await runMilp(level1, 'maximize', { timeLimitSeconds: timeLimitSeconds * 0.6, secondsLeft, relGap: 1e-4 });
  if (first.status === 'infeasible' && withMinimums) {
    // The participants' minimum numbers of meetings cannot all be met: drop them, keep the rest.
    withMinimums = false;
    ({ level1, z } = buildAggregated(problem, false));
    first = await runMilp(level1, 'maximize', { timeLimitSeconds: timeLimitSeconds * 0.3, secondsLeft, relGap: 1e-4 });
  }
  if (!first.values) {
    const chosen = greedySelection(problem);
    const bound = Math.min(Number.isFinite(first.bound) ? first.bound : Infinity, lagrangianWeightBound(problem));
    return { chosen, weightBound: bound, weightOptimal: false, minMeetings: 0, minMeetingsOptimal: false };
  }
  const weight = first.objective;
  const chosenFrom = (values: Float64Array) => z.flatMap(([m, v]) => (values[v]! > 0.5 ? [m] : []));

  // Level 2: keep the weight, raise the minimum number of meetings among requesters.
  const { level1: level2, z: z2 } = buildAggregated(problem, withMinimums);
  for (let c = 0; c < level2.numCols; c++) level2.cost[c] = 0;
  level2.addRow(
    z2.map(([m, v]) => [v, problem.meetings[m]!.weight] as const),
    weight - 1e-6,
    Infinity,
  );
  const t = level2.addVar(1, 0, problem.nSlots * Math.max(...problem.reps, 1), false);
  for (const p of requesters(problem)) {
    const terms = z2.filter(([m]) => problem.meetings[m]!.parts.includes(p)).map(([, v]) => [v, 1] as const);
    if (terms.length > 0) level2.addRow([...terms, [t, -1]], 0, Infinity);
  }
  const start = new Float64Array(level2.numCols);
  z2.forEach(([, v], i) => (start[v] = first.values![z[i]![1]]!));
  const second = await runMilp(level2, 'maximize', { timeLimitSeconds: timeLimitSeconds * 0.4, secondsLeft, start, absGap: 0.999 });
  const values = second.values ?? first.values;
  return {
    chosen: chosenFrom(values === first.values ? first.values : values).map((m) => m),
    weightBound: first.status === 'optimal' ? weight : Math.min(Number.isFinite(first.bound) ? first.bound : Infinity, lagrangianWeightBound(problem)),
    weightOptimal: first.status === 'optimal',
    minMeetings: second.values ? Math.round(second.objective) : 0,
    minMeetingsOptimal: second.status === 'optimal',
  };
}

const weightOf = (problem: Problem, chosen: readonly number[]) => chosen.reduce((sum, m) => sum + problem.meetings[m]!.weight, 0);

/** Participants who asked for at least one request that has an eligible slot. */
export function requesters(problem: Problem): number[] {
  const set = new Set<number>();
  for (const m of problem.meetings) if (m.allowed.length > 0) for (const p of m.requesters) set.add(p);
  return [...set].sort((a, b) => a - b);
}

/** `withMinimums`: each participant holds at least min(minMeetings, what its requests and capacity allow). */
function buildAggregated(problem: Problem, withMinimums: boolean): { level1: ModelBuilder; z: [number, number][] } {
  const b = new ModelBuilder();
  const z: [number, number][] = [];
  problem.meetings.forEach((m, i) => {
    if (m.allowed.length === 0) return;
    z.push([i, b.addVar(m.weight, m.fixed >= 0 ? 1 : 0, 1, true)]);
  });
  const colOf = new Map(z);
  for (let p = 0; p < problem.nParticipants; p++) {
    const mine = problem.meetingsOf[p]!.filter((m) => colOf.has(m));
    const cap = participantCapacity(problem, p);
    const floor = withMinimums ? Math.min(problem.minMeetings[p]!, cap, mine.length) : 0;
    if (mine.length > cap || floor > 0)
      b.addRow(
        mine.map((m) => [colOf.get(m)!, 1] as const),
        floor,
        Math.min(cap, mine.length),
      );
  }
  const all = z.map(([, v]) => [v, 1] as const);
  if (all.length > problem.nTables * problem.nSlots) b.addRow(all, 0, problem.nTables * problem.nSlots);
  const noHost = z.filter(([m]) => !problem.meetings[m]!.hasHost).map(([, v]) => [v, 1] as const);
  if (noHost.length > problem.unreservedTables * problem.nSlots) b.addRow(noHost, 0, problem.unreservedTables * problem.nSlots);
  return { level1: b, z };
}
