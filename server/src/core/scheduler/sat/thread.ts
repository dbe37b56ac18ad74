import { parentPort, workerData } from 'node:worker_threads';
import { lowerTo, raiseTo } from '../atomic';
import type { Problem } from '../problem';
import { NOTHING, PROGRESS, type LaneMessage } from './progress';
import { breaksEachAlone } from './eachAlone';
import { scheduleWithBreaksAtMost } from './fewBreaks';

/**
 * One lane of the fewest-breaks question (see background.ts), on a thread of its own started by
 * ../solver-thread.ts. Both lanes ask "at most k breaks?" for the lowest total not yet proven
 * impossible, each with CaDiCaL set differently: lane 0 as it comes, which proves impossibility
 * sooner; lane 1 in stable mode only, which finds schedules sooner where one exists (measured
 * alone: Girona's ticf-14crafa at 0 breaks in 2.4 s instead of 6.3 s, the tic-12crafc variant
 * with 25 % precedences at 0 in 4.6 s instead of 28 s, but forum-13crafb's 5 still unproven after
 * 40 s where lane 0's way proves it in 13 s). A proof raises the bound, a schedule found lowers
 * the best, and either makes the other lane's question moot, which it drops at once. The optimum
 * is proven when the bound reaches the best. Lane 0 first proves the sum of each participant's
 * fewest breaks alone (a tenth of the budget at most), and shares each one's: the
 * questions asked after it start from them.
 */
const { problem, meetings, fairness, budgetMs, progress, fewestEach, lane } = workerData as {
  problem: Problem;
  meetings: number[];
  fairness: number;
  budgetMs: number;
  progress: Int32Array;
  /** Per participant, the breaks it needs alone (lane 0 fills it in; 0 until then). */
  fewestEach: Int32Array;
  lane: 0 | 1;
};
const timer = () => performance.now();
const deadline = timer() + budgetMs;
const post = (message: LaneMessage) => parentPort!.postMessage(message);
const leaning = lane === 1 ? ('schedules' as const) : undefined;
// The count of busy firms per slot (seats.ts) on lane 1 only, so that the lanes differ in it too:
// 112 to 115 of the 120 variants solved in four runs, against 109 and 111 on both lanes, 104 on neither.
const busyBySeats = lane === 1;

if (lane === 0) {
  const fewest = await breaksEachAlone(problem, meetings, { timer, deadline: timer() + budgetMs / 10 });
  fewestEach.set(fewest);
  const total = fewest.reduce((a, b) => a + b, 0);
  raiseTo(progress, PROGRESS.lowerBound, total);
  post({ slots: null, atMost: NOTHING });
}
while (timer() < deadline) {
  const maxBreaks = Atomics.load(progress, PROGRESS.lowerBound);
  if (maxBreaks >= Atomics.load(progress, PROGRESS.best)) break;
  const moot = () => Atomics.load(progress, PROGRESS.lowerBound) > maxBreaks || Atomics.load(progress, PROGRESS.best) <= maxBreaks;
  const r = await scheduleWithBreaksAtMost(problem, meetings, { maxBreaks, fairness, timer, deadline, interrupt: moot, leaning, fewestEach, busyBySeats });
  if (r.status === 'impossible') {
    raiseTo(progress, PROGRESS.lowerBound, maxBreaks + 1);
    post({ slots: null, atMost: NOTHING });
  } else if (r.status === 'found') {
    lowerTo(progress, PROGRESS.best, maxBreaks);
    post({ slots: r.slots, atMost: maxBreaks });
  } else if (!moot()) break; // out of time, or a question this solver does not answer
}
