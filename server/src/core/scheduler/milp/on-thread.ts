import type { Worker } from 'node:worker_threads';
import { startSolverThread } from '../solver-thread';
import type { CallOptions, MilpOutcome, ModelData } from './highs';
import type { BreakQuestion } from './relaxation';
import type { ThreadCall } from './thread';

/**
 * Threads kept for the next calls (a thread's start and HiGHS's load take about a quarter of a
 * second). One: a solve's calls come one after the other, and a thread keeps the WebAssembly
 * memory of the largest model it solved; threads started by simultaneous solves are stopped after
 * use.
 */
const KEPT = 1;
const idle: Worker[] = [];

/**
 * Runs one HiGHS call on a solver thread, stopped if it has not answered within `ms`: HiGHS
 * checks its time limit rarely in presolve, so on a large model it can return seconds late, and
 * the caller's time limit is a promise to the user. Stopped too when `signal` aborts (its answer
 * is no longer needed). Null when stopped (or when the thread failed).
 */
export function solveOnThread(data: ModelData, options: CallOptions, ms: number, signal?: AbortSignal): Promise<MilpOutcome | null> {
  const buffers = [
    data.colCost,
    data.colLower,
    data.colUpper,
    data.rowLower,
    data.rowUpper,
    data.integrality,
    data.matrix.starts,
    data.matrix.indices,
    data.matrix.values,
  ];
  return callOnThread<MilpOutcome>({ data, options }, buffers, ms, signal);
}

/**
 * Has a solver thread raise `raise[0]`, memory shared with other threads, to the lower bound on
 * breaks that the LP relaxation of `input`'s break model gives (relaxation.ts). The thread writes
 * it itself, so that threads reading that memory have it at once, even while this one runs
 * synchronous code. Posted before this returns its promise, when a thread is ready; stopped after
 * `ms` or when `signal` aborts.
 */
export async function raiseBoundOnThread(input: BreakQuestion, raise: Int32Array, ms: number, signal?: AbortSignal): Promise<void> {
  await callOnThread<number | null>({ relax: input, timeLimit: ms / 1000, raise }, [], ms, signal);
}

async function callOnThread<Answer>(call: ThreadCall, transfer: readonly ArrayBufferView[], ms: number, signal?: AbortSignal): Promise<Answer | null> {
  // No time at all: no answer, every time (a warm thread could otherwise beat a 0-ms timer on a tiny model).
  if (ms <= 0 || signal?.aborted) return null;
  const worker = idle.pop() ?? (await startThread().catch(() => null));
  if (!worker) return null;
  worker.removeAllListeners();
  worker.ref();
  let timeout: NodeJS.Timeout | undefined;
  let stop: (() => void) | undefined;
  const answer = await new Promise<Answer | typeof STOPPED>((resolve) => {
    timeout = setTimeout(() => resolve(STOPPED), Math.max(0, ms));
    stop = () => resolve(STOPPED);
    signal?.addEventListener('abort', stop, { once: true });
    worker.once('message', resolve);
    worker.once('error', () => resolve(STOPPED));
    worker.once('exit', () => resolve(STOPPED));
    worker.postMessage(
      call,
      transfer.map((a) => a.buffer as ArrayBuffer),
    );
  });
  clearTimeout(timeout);
  if (stop) signal?.removeEventListener('abort', stop);
  worker.removeAllListeners();
  if (answer === STOPPED) void worker.terminate();
  else keep(worker);
  return answer === STOPPED ? null : answer;
}

/** The thread was stopped, or failed, before it answered. */
const STOPPED = Symbol('stopped');

/**
 * Starts a solver thread now, unless one is ready, so that the first HiGHS call of a solve does
 * not wait for it. Returns once it is started (not yet loaded): after that, the caller's
 * synchronous work no longer holds it back.
 */
export async function prepareSolverThread(): Promise<void> {
  if (idle.length > 0) return;
  const worker = await startThread().catch(() => null);
  if (worker) keep(worker);
}

const startThread = () => startSolverThread(new URL('./thread.ts', import.meta.url));

/** Keeps a thread for the next call, unless enough are (another solve may have readied one meanwhile). */
function keep(worker: Worker): void {
  if (idle.length >= KEPT) {
    void worker.terminate();
    return;
  }
  worker.unref();
  // A kept thread that dies is forgotten, not handed the next call.
  worker.once('exit', () => {
    const i = idle.indexOf(worker);
    if (i >= 0) idle.splice(i, 1);
  });
  idle.push(worker);
}
