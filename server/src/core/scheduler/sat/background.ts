import type { Problem } from '../problem';
import { startSolverThread } from '../solver-thread';
import type { ZeroBreaksResult } from './zeroBreaks';

/** The zero-break question running on another thread while the caller goes on. */
export interface BackgroundZeroBreaks {
  /** The answer if it has come, without waiting. */
  answer(): ZeroBreaksResult | null;
  /** Waits for the answer until `ms` have passed; null if it has not come by then. */
  waitAtMost(ms: number): Promise<ZeroBreaksResult | null>;
  /** Stops the thread (the answer, if any, stays readable). */
  stop(): Promise<void>;
}

/**
 * Asks scheduleWithoutBreaks on a worker thread for `budgetMs`, so that the SAT solver uses
 * the second core while the local search and the MILP go on in this one. A thread that fails
 * (it cannot start, or throws) answers 'unknown'.
 */
export function searchWithoutBreaksInBackground(problem: Problem, meetings: readonly number[], budgetMs: number): BackgroundZeroBreaks {
  let result: ZeroBreaksResult | null = null;
  const worker = startSolverThread(new URL('./thread.ts', import.meta.url), { problem, meetings: [...meetings], budgetMs });
  const done = new Promise<ZeroBreaksResult>((resolve) => {
    const unknown = () => resolve({ status: 'unknown', slots: null });
    worker.once('message', (m: ZeroBreaksResult) => resolve(m));
    worker.once('error', unknown);
    worker.once('exit', unknown);
  }).then((r) => (result = r));
  return {
    answer: () => result,
    waitAtMost: async (ms) => {
      let timeout: NodeJS.Timeout | undefined;
      const late = new Promise<null>((resolve) => (timeout = setTimeout(() => resolve(null), Math.max(0, ms))));
      const r = await Promise.race([done, late]);
      clearTimeout(timeout);
      return r;
    },
    stop: async () => {
      await worker.terminate();
    },
  };
}
