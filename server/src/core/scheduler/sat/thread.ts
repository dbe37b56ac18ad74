import { parentPort, workerData } from 'node:worker_threads';
import type { Problem } from '../problem';
import { NOTHING, PROGRESS, type LaneMessage } from './background';
import { breaksEachAlone } from './eachAlone';
import { scheduleWithBreaksAtMost } from './fewBreaks';

/**
 * One lane of the fewest-breaks question (see background.ts), on a thread of its own started by
 * ../thread-entry.mjs. Two lanes share the progress: each asks "at most k breaks?" for the lowest
 * total not yet proven impossible that the other lane is not asking, so one works at the bound
 * while the other works one above it (on Girona's forum-13crafb, proving 5 impossible takes
 * 14 s, finding a schedule with 6 takes 6.5 s). A proof raises the bound for both; a schedule
 * found lowers the best; a question that either makes moot is dropped at once. The optimum is
 * proven when the bound reaches the best. Lane 0 first proves the sum of each participant's
 * fewest breaks alone (a tenth of the budget at most).
 */
const { problem, meetings, fairness, budgetMs, progress, lane } = workerData as {
  problem: Problem;
  meetings: number[];
  fairness: number;
  budgetMs: number;
  progress: Int32Array;
  lane: 0 | 1;
};
const timer = () => performance.now();
const deadline = timer() + budgetMs;
const mine = PROGRESS.askedByLane0 + lane;
const other = PROGRESS.askedByLane0 + 1 - lane;
const post = (message: Omit<LaneMessage, 'lane'>) => parentPort!.postMessage({ lane, ...message });

/** Stores `value` at `index` if it is better (`better(value, current)`), whatever the other lane does meanwhile. */
function improve(index: number, value: number, better: (a: number, b: number) => boolean): void {
  for (let current = Atomics.load(progress, index); better(value, current); current = Atomics.load(progress, index)) {
    if (Atomics.compareExchange(progress, index, current, value) === current) return;
  }
}

if (lane === 0) {
  const fromAlone = await breaksEachAlone(problem, meetings, { timer, deadline: timer() + budgetMs / 10 });
  improve(PROGRESS.lowerBound, fromAlone, (a, b) => a > b);
  post({ slots: null, atMost: NOTHING });
}
while (timer() < deadline) {
  const lower = Atomics.load(progress, PROGRESS.lowerBound);
  const maxBreaks = Atomics.load(progress, other) === lower ? lower + 1 : lower;
  if (maxBreaks >= Atomics.load(progress, PROGRESS.best)) break;
  Atomics.store(progress, mine, maxBreaks);
  const moot = () => Atomics.load(progress, PROGRESS.lowerBound) > maxBreaks || Atomics.load(progress, PROGRESS.best) <= maxBreaks;
  const r = await scheduleWithBreaksAtMost(problem, meetings, { maxBreaks, fairness, timer, deadline, interrupt: moot });
  if (r.status === 'impossible') {
    improve(PROGRESS.lowerBound, maxBreaks + 1, (a, b) => a > b);
    post({ slots: null, atMost: NOTHING });
  } else if (r.status === 'found') {
    improve(PROGRESS.best, maxBreaks, (a, b) => a < b);
    post({ slots: r.slots, atMost: maxBreaks });
  } else if (!moot()) break; // out of time, or a question this solver does not answer
}
Atomics.store(progress, mine, -1);
