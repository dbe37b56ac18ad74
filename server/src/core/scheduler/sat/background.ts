import type { Problem } from '../problem';
import { startSolverThread } from '../solver-thread';
import { NOTHING, PROGRESS, type LaneMessage } from './progress';

/** What the threads know so far: a proven lower bound on breaks, and their best schedule. */
export interface BreakBound {
  lowerBound: number;
  /** The fewest-breaks schedule found so far; optimal once `lowerBound` reaches its breaks. */
  slots: Int32Array | null;
  /** The threads have stopped (optimum proven, out of time, or failed): nothing more will come. */
  done: boolean;
}

/** The fewest-breaks question running on other threads while the caller goes on. */
export interface BackgroundBreakBound {
  /** What has come so far, without waiting. */
  latest(): BreakBound;
  /**
   * Whether the threads have an optimal schedule, or have proven that none has fewer than
   * `breaks` breaks. Read from memory the threads share, so it is current even while the caller
   * runs synchronous code (messages wait for the event loop).
   */
  settles(breaks: number): boolean;
  /**
   * A signal that aborts once the threads settle the question for the best total `bestBreaks()`
   * (see `settles`), for work that their answer makes moot; `release` stops watching.
   */
  whenSettled(bestBreaks: () => number): { signal: AbortSignal; release(): void };
  /** Waits until `enough` holds of what has come, the threads are done, or `ms` have passed. */
  waitUntil(enough: (bound: BreakBound) => boolean, ms: number): Promise<BreakBound>;
  /** Stops the threads (what has come stays readable). */
  stop(): Promise<void>;
  /**
   * The proven lower bound, in memory the threads share (index 0): another thread may raise it,
   * with Atomics, and the threads then ask from it at once; `boundRaised` then tells this side.
   */
  readonly sharedBound: Int32Array;
  boundRaised(): void;
}

/**
 * Asks for the fewest breaks on two worker threads (thread.ts, one lane each) for `budgetMs`: two
 * SAT solvers, one set to prove and one to find, race at the bound while the local search and the
 * MILP go on here. A thread that fails (it cannot start, or throws) leaves the other to go on alone.
 * Returns once both threads are started, so that the caller's synchronous work cannot delay them.
 */
export async function searchFewestBreaksInBackground(
  problem: Problem,
  meetings: readonly number[],
  fairness: number,
  budgetMs: number,
): Promise<BackgroundBreakBound> {
  const progress = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  progress.set([0, NOTHING]);
  const fewestEach = new Int32Array(new SharedArrayBuffer(problem.nParticipants * Int32Array.BYTES_PER_ELEMENT));
  let latest: BreakBound = { lowerBound: 0, slots: null, done: false };
  let bestAtMost = NOTHING;
  const running = new Set<0 | 1>([0, 1]);
  const waiting = new Set<() => void>();
  const settled = () => Atomics.load(progress, PROGRESS.lowerBound) >= Atomics.load(progress, PROGRESS.best);
  const update = (message?: LaneMessage) => {
    if (latest.done) return;
    let slots = latest.slots;
    if (message?.slots && message.atMost < bestAtMost) {
      slots = message.slots;
      bestAtMost = message.atMost;
    }
    const lowerBound = Atomics.load(progress, PROGRESS.lowerBound);
    latest = { lowerBound, slots, done: running.size === 0 || (slots !== null && lowerBound >= bestAtMost) };
    for (const wake of [...waiting]) wake();
  };
  const started = ([0, 1] as const).map(async (lane) => {
    const finish = () => {
      running.delete(lane);
      update();
    };
    const data = { problem, meetings: [...meetings], fairness, budgetMs, progress, fewestEach, lane };
    const worker = await startSolverThread(new URL('./thread.ts', import.meta.url), data).catch(() => null);
    if (!worker) {
      finish();
      return null;
    }
    worker.on('message', (message: LaneMessage) => update(message));
    worker.once('error', finish);
    worker.once('exit', finish);
    return worker;
  });
  const workers = await Promise.all(started);
  const settles = (breaks: number) => settled() || Atomics.load(progress, PROGRESS.lowerBound) >= breaks;
  return {
    latest: () => latest,
    settles,
    whenSettled: (bestBreaks) => {
      const controller = new AbortController();
      const check = () => {
        if (!settles(bestBreaks())) return;
        waiting.delete(check);
        controller.abort();
      };
      waiting.add(check);
      check();
      return { signal: controller.signal, release: () => waiting.delete(check) };
    },
    waitUntil: (enough, ms) =>
      new Promise((resolve) => {
        const settle = () => {
          clearTimeout(timeout);
          waiting.delete(check);
          resolve(latest);
        };
        const check = () => {
          if (latest.done || enough(latest)) settle();
        };
        const timeout = setTimeout(settle, Math.max(0, ms));
        waiting.add(check);
        check();
      }),
    sharedBound: progress.subarray(PROGRESS.lowerBound, PROGRESS.lowerBound + 1),
    boundRaised: () => update(),
    stop: async () => {
      await Promise.all(workers.map((worker) => worker?.terminate()));
    },
  };
}
