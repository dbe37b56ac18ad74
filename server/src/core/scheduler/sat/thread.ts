import { parentPort, workerData } from 'node:worker_threads';
import type { Problem } from '../problem';
import { scheduleWithoutBreaks } from './zeroBreaks';

/** The zero-break question on a thread of its own (see background.ts), started by ../thread-entry.mjs. */
const { problem, meetings, budgetMs } = workerData as { problem: Problem; meetings: number[]; budgetMs: number };
const timer = () => performance.now();
const result = await scheduleWithoutBreaks(problem, meetings, { timer, deadline: timer() + budgetMs });
parentPort!.postMessage(result);
