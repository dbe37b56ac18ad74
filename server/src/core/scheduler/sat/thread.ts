import { parentPort, workerData } from 'node:worker_threads';
import type { Problem } from '../problem';
import type { BreakBound } from './background';
import { breaksEachAlone } from './eachAlone';
import { scheduleWithBreaksAtMost } from './fewBreaks';

/**
 * The fewest-breaks question on a thread of its own (see background.ts), started by
 * ../thread-entry.mjs: at most 0 breaks, then 1, 2…, each proof posted as a lower bound, until a
 * schedule is found (optimal, as every smaller bound was proven impossible) or time runs out. The
 * count starts at the sum of each participant's fewest breaks alone, proven first (a tenth of the
 * budget at most).
 */
const { problem, meetings, fairness, budgetMs, progress } = workerData as {
  problem: Problem;
  meetings: number[];
  fairness: number;
  budgetMs: number;
  progress: Int32Array;
};
const timer = () => performance.now();
const deadline = timer() + budgetMs;
const post = (bound: BreakBound) => {
  Atomics.store(progress, 0, bound.lowerBound);
  if (bound.slots) Atomics.store(progress, 1, 1);
  parentPort!.postMessage(bound);
};
const fromAlone = await breaksEachAlone(problem, meetings, { timer, deadline: timer() + budgetMs / 10 });
if (fromAlone > 0) post({ lowerBound: fromAlone, slots: null, done: false });
for (let maxBreaks = fromAlone; ; maxBreaks++) {
  const r = await scheduleWithBreaksAtMost(problem, meetings, { maxBreaks, fairness, timer, deadline });
  if (r.status !== 'impossible') {
    post({ lowerBound: maxBreaks, slots: r.slots, done: true });
    break;
  }
  post({ lowerBound: maxBreaks + 1, slots: null, done: false });
}
