import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/**
 * Meilisearch's threads that index, as Meilisearch names them. Searches run on its actix
 * threads, which keep the normal priority; the per-batch threads are started by `scheduler`
 * and inherit its priority.
 */
const INDEXING_THREADS = new Set(['indexing-thread', 'scheduler']);

/** CFS gives a thread at niceness 10 about a tenth of a normal one's share when both want the CPU. */
export const INDEXING_NICENESS = 10;

/**
 * Lowers the CPU priority of an embedded Meilisearch's indexing threads, so that on a box
 * it shares, requests (matching a new declaration, searches) come before indexing, which
 * catches up in idle time: at 1M declarations on 2 cores, indexing each new declaration took
 * more CPU than matching it. Linux only (per-thread niceness, read from /proc); elsewhere,
 * or if the process is gone, nothing changes.
 */
export function lowerIndexingPriority(pid: number): void {
  if (os.platform() !== 'linux') return;
  for (const { tid, name } of threadsOf(pid)) {
    if (!INDEXING_THREADS.has(name)) continue;
    try {
      os.setPriority(tid, INDEXING_NICENESS);
    } catch {
      // the thread ended meanwhile
    }
  }
}

/**
 * A process's threads with their names, from /proc (Linux): none when the process is gone, and
 * a thread that ends between the listing and the reading is left out.
 */
export function threadsOf(pid: number): { tid: number; name: string }[] {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tids.flatMap((tid) => {
    try {
      return [{ tid: Number(tid), name: readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim() }];
    } catch {
      return [];
    }
  });
}
