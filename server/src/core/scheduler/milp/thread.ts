import { parentPort } from 'node:worker_threads';
import { loadHighs, solveModelData, type CallOptions, type ModelData } from './highs';

/** HiGHS calls on a thread of their own (see on-thread.ts), started by ../solver-thread.ts: one at a time, answered in order. */
parentPort!.on('message', async ({ data, options }: { data: ModelData; options: CallOptions }) => {
  const outcome = solveModelData(await loadHighs(), data, options);
  parentPort!.postMessage(outcome, outcome.values ? [outcome.values.buffer as ArrayBuffer] : []);
});
