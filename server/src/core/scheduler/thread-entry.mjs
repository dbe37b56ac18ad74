// The worker thread's entry, in JavaScript: Node starts a thread's first module before any
// loader given in execArgv can handle TypeScript, so tsx is registered here first.
import { register } from 'tsx/esm/api';

register();
await import('./thread.ts');
