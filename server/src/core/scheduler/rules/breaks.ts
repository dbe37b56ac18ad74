/**
 * A participant's break is an idle gap between two of its consecutive meetings; a gap of several
 * slots counts once. `runOfSlot` says which gaps count: two busy slots in different runs never make a
 * break. With one run per session, lunch is never a break; with a single run for the whole day it is,
 * unless the participant meets in the last slot before and the first slot after it (Bofill et al.,
 * JAIR 2022, Definition 2.3, where slots are numbered consecutively across sessions).
 */
export function countBreaks(busySlots: Iterable<number>, runOfSlot: readonly number[]): number {
  const sorted = [...new Set(busySlots)].sort((a, b) => a - b);
  let breaks = 0;
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (cur > prev + 1 && runOfSlot[prev] === runOfSlot[cur]) breaks++;
  }
  return breaks;
}

/** Same count read from a per-slot occupancy row (count > 0 means busy); the hot path of local search. */
export function countBreaksInRow(load: ArrayLike<number>, offset: number, nSlots: number, runOfSlot: readonly number[]): number {
  let breaks = 0;
  let lastBusy = -1;
  for (let s = 0; s < nSlots; s++) {
    if (load[offset + s]! > 0) {
      if (lastBusy >= 0 && s > lastBusy + 1 && runOfSlot[lastBusy] === runOfSlot[s]) breaks++;
      lastBusy = s;
    }
  }
  return breaks;
}

/** Fairness measure: the largest difference between two participants' break counts. */
export function maxBreakDifference(breakCounts: readonly number[]): number {
  if (breakCounts.length === 0) return 0;
  return Math.max(...breakCounts) - Math.min(...breakCounts);
}
