import { Worker } from 'node:worker_threads';

/**
 * Starts a solver thread running `module` (a TypeScript file URL) with `data` as its
 * workerData, through thread-entry.mjs, which registers the TypeScript loader itself: the
 * parent's execArgv is not passed on, as Node 20 cannot start a thread from a .ts entry.
 */
export function startSolverThread(module: URL, data: object = {}): Worker {
  return new Worker(new URL('./thread-entry.mjs', import.meta.url), { workerData: { ...data, module: module.href }, execArgv: [] });
}
