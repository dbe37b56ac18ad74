import { parentPort } from 'node:worker_threads';
import { raiseTo } from '../atomic';
import { loadHighs, solveModelData, type CallOptions, type ModelData } from './highs';
import { relaxedBreakBound, type BreakQuestion } from './relaxation';

/** A model to solve, or the break model's relaxation, whose bound goes to shared memory (on-thread.ts). */
export type ThreadCall = { data: ModelData; options: CallOptions } | { relax: BreakQuestion; timeLimit: number; raise: Int32Array };

/** HiGHS calls on a thread of their own (see on-thread.ts), started by ../solver-thread.ts: one at a time, answered in order. */
parentPort!.on('message', async (call: ThreadCall) => {
  const highs = await loadHighs();
  if ('relax' in call) {
    const bound = relaxedBreakBound(highs, call.relax, call.timeLimit);
    if (bound !== null) raiseTo(call.raise, 0, bound);
    parentPort!.postMessage(bound);
    return;
  }
  const outcome = solveModelData(highs, call.data, call.options);
  parentPort!.postMessage(outcome, outcome.values ? [outcome.values.buffer as ArrayBuffer] : []);
});
