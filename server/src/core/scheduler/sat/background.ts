import type { Problem } from '../problem';
import { startSolverThread } from '../solver-thread';

/** What the thread knows so far: a proven lower bound on breaks, and an optimal schedule once found. */
export interface BreakBound {
  lowerBound: number;
  slots: Int32Array | null;
  /** The thread has stopped (schedule found, out of time, or failed): nothing more will come. */
  done: boolean;
}

/** The fewest-breaks question running on another thread while the caller goes on. */
export interface BackgroundBreakBound {
  /** What has come so far, without waiting. */
  latest(): BreakBound;
  /**
   * Whether the thread has found its schedule or proven that none has fewer than `breaks`
   * breaks. Read from memory the thread shares, so it is current even while the caller runs
   * synchronous code (messages wait for the event loop).
   */
  settles(breaks: number): boolean;
  /** Waits until `enough` holds of what has come, the thread is done, or `ms` have passed. */
  waitUntil(enough: (bound: BreakBound) => boolean, ms: number): Promise<BreakBound>;
  /** Stops the thread (what has come stays readable). */
  stop(): Promise<void>;
}

/**
 * Asks for the fewest breaks (thread.ts) on a worker thread for `budgetMs`, so that the SAT
 * solver uses the second core while the local search and the MILP go on in this one. A thread
 * that fails (it cannot start, or throws) is done with what it had posted.
 */
export function searchFewestBreaksInBackground(problem: Problem, meetings: readonly number[], fairness: number, budgetMs: number): BackgroundBreakBound {
  let latest: BreakBound = { lowerBound: 0, slots: null, done: false };
  const waiting = new Set<() => void>();
  const update = (bound: BreakBound) => {
    latest = bound;
    for (const wake of [...waiting]) wake();
  };
  // [lower bound proven, 1 once a schedule is found], written by the thread before each message.
  const progress = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const worker = startSolverThread(new URL('./thread.ts', import.meta.url), { problem, meetings: [...meetings], fairness, budgetMs, progress });
  const finish = () => {
    if (!latest.done) update({ ...latest, done: true });
  };
  worker.on('message', (bound: BreakBound) => update(bound));
  worker.once('error', finish);
  worker.once('exit', finish);
  return {
    latest: () => latest,
    settles: (breaks) => Atomics.load(progress, 1) === 1 || Atomics.load(progress, 0) >= breaks,
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
    stop: async () => {
      await worker.terminate();
    },
  };
}
