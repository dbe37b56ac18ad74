import { runMilp } from './run';
import { buildSlotModel, type SlotModelInput } from './slotFormulation';

export interface SlotMilpInput extends SlotModelInput {
  /** Time the caller wishes to give HiGHS. */
  timeLimitSeconds: number;
  /** Warm start: slot per meeting (-1 none). */
  start?: Int32Array;
  /** Aborted when the answer is no longer needed (another solver settled the question): 'unknown' at once. */
  signal?: AbortSignal;
}

export interface SlotMilpResult {
  slots: Int32Array | null;
  optimal: boolean;
  infeasible: boolean;
  lowerBound: number;
}

/** The break-minimising slot assignment (slotFormulation.ts) solved by HiGHS, warm-started from `start`. */
export async function solveSlotMilp(input: SlotMilpInput): Promise<SlotMilpResult> {
  const notRun: SlotMilpResult = { slots: null, optimal: false, infeasible: false, lowerBound: 0 };
  if (input.signal?.aborted) return notRun;
  const model = buildSlotModel(input);
  if (!model) return notRun;
  const { builder: b, x, derive } = model;
  const { problem } = input;
  const { nSlots } = problem;
  let start: Float64Array | undefined;
  if (input.start) start = warmStart(b.numCols, x, input.start, nSlots, derive);
  const outcome = await runMilp(b, 'minimize', {
    timeLimitSeconds: input.timeLimitSeconds,
    secondsLeft: input.secondsLeft,
    onlyWayToAnswer: input.onlyWayToAnswer,
    absGap: 0.999,
    signal: input.signal,
    ...(start ? { start } : {}),
  });
  if (outcome.status === 'infeasible') return { slots: null, optimal: false, infeasible: true, lowerBound: Infinity };
  let slots: Int32Array | null = null;
  if (outcome.values) {
    slots = new Int32Array(problem.meetings.length).fill(-1);
    for (const [key, v] of x) if (outcome.values[v]! > 0.5) slots[Math.floor(key / nSlots)] = key % nSlots;
  }
  const lowerBound = Number.isFinite(outcome.bound) ? Math.ceil(outcome.bound - 1e-6) : 0;
  return { slots, optimal: outcome.status === 'optimal', infeasible: false, lowerBound };
}

function warmStart(numCols: number, x: Map<number, number>, slots: Int32Array, nSlots: number, derive: Map<number, (v: Float64Array) => number>): Float64Array {
  const values = new Float64Array(numCols);
  for (const [key, v] of x) if (slots[Math.floor(key / nSlots)] === key % nSlots) values[v] = 1;
  for (let c = 0; c < numCols; c++) {
    const f = derive.get(c);
    if (f) values[c] = f(values);
  }
  return values;
}
