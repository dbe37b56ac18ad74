import type { Problem } from '../problem';
import { ModelBuilder } from './builder';
import { runMilp } from './run';

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
export async function selectRequests(problem: Problem, timeLimitSeconds: number): Promise<SelectionResult> {
  const { level1, z } = buildAggregated(problem);
  const first = await runMilp(level1, 'maximize', { timeLimitSeconds: timeLimitSeconds * 0.6, relGap: 1e-4 });
  if (!first.values) return { chosen: [], weightBound: first.bound, weightOptimal: false, minMeetings: 0, minMeetingsOptimal: false };
  const weight = first.objective;
  const chosenFrom = (values: Float64Array) => z.flatMap(([m, v]) => (values[v]! > 0.5 ? [m] : []));

  // Level 2: keep the weight, raise the minimum number of meetings among requesters.
  const { level1: level2, z: z2 } = buildAggregated(problem);
  for (let c = 0; c < level2.numCols; c++) level2.cost[c] = 0;
  level2.addRow(z2.map(([m, v]) => [v, problem.meetings[m]!.weight] as const), weight - 1e-6, Infinity);
  const t = level2.addVar(1, 0, problem.nSlots * Math.max(...problem.reps, 1), false);
  for (const p of requesters(problem)) {
    const terms = z2.filter(([m]) => problem.meetings[m]!.parts.includes(p)).map(([, v]) => [v, 1] as const);
    if (terms.length > 0) level2.addRow([...terms, [t, -1]], 0, Infinity);
  }
  const start = new Float64Array(level2.numCols);
  z2.forEach(([, v], i) => (start[v] = first.values![z[i]![1]]!));
  const second = await runMilp(level2, 'maximize', { timeLimitSeconds: timeLimitSeconds * 0.4, start, absGap: 0.999 });
  const values = second.values ?? first.values;
  return {
    chosen: chosenFrom(values === first.values ? first.values : values).map((m) => m),
    weightBound: first.status === 'optimal' ? weight : first.bound,
    weightOptimal: first.status === 'optimal',
    minMeetings: second.values ? Math.round(second.objective) : 0,
    minMeetingsOptimal: second.status === 'optimal',
  };
}

/** Participants who asked for at least one request that has an eligible slot. */
export function requesters(problem: Problem): number[] {
  const set = new Set<number>();
  for (const m of problem.meetings) if (m.allowed.length > 0) for (const p of m.requesters) set.add(p);
  return [...set].sort((a, b) => a - b);
}

function buildAggregated(problem: Problem): { level1: ModelBuilder; z: [number, number][] } {
  const b = new ModelBuilder();
  const z: [number, number][] = [];
  problem.meetings.forEach((m, i) => {
    if (m.allowed.length === 0) return;
    z.push([i, b.addVar(m.weight, m.fixed >= 0 ? 1 : 0, 1, true)]);
  });
  const colOf = new Map(z);
  for (let p = 0; p < problem.nParticipants; p++) {
    const mine = problem.meetingsOf[p]!.filter((m) => colOf.has(m));
    let free = 0;
    for (let s = 0; s < problem.nSlots; s++) if (problem.unavailable[p * problem.nSlots + s] === 0) free++;
    const cap = Math.min(problem.maxMeetings[p]!, problem.reps[p]! * free);
    if (mine.length > cap) b.addRow(mine.map((m) => [colOf.get(m)!, 1] as const), 0, cap);
  }
  const all = z.map(([, v]) => [v, 1] as const);
  if (all.length > problem.nTables * problem.nSlots) b.addRow(all, 0, problem.nTables * problem.nSlots);
  const noHost = z.filter(([m]) => !problem.meetings[m]!.hasHost).map(([, v]) => [v, 1] as const);
  if (noHost.length > problem.unreservedTables * problem.nSlots) b.addRow(noHost, 0, problem.unreservedTables * problem.nSlots);
  return { level1: b, z };
}
