// A solver thread's entry, in JavaScript: Node starts a thread's first module before any
// loader given in execArgv can handle TypeScript, so tsx is registered here first; then the
// thread's own module (workerData.module, a file URL) is loaded. Started by solver-thread.ts.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
