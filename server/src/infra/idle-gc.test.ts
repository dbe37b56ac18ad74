import v8 from 'node:v8';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { collectYoungGarbageIfHalfFull } from './idle-gc';

const young = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!;
const capacity = () => young().space_used_size + young().space_available_size;

/** Short-lived objects until the young generation holds at least `share` of its capacity (and less than all). */
function allocateUntil(share: number): void {
  let garbage: object[] = [];
  while (young().space_used_size < capacity() * share) {
    garbage.push({ n: garbage.length });
    if (garbage.length > 1000) garbage = [];
  }
}

/** The minor collections made while `run` runs (perf_hooks' gc entries, kind 1). */
async function minorCollectionsDuring(run: () => void): Promise<number> {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  run();
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return entries.filter((e) => (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === 1).length;
}

describe('collecting the young generation between jobs', () => {
  it('collects once it is at least half full, and empties it', async () => {
    allocateUntil(0.6);
    let collected = false;
    const minor = await minorCollectionsDuring(() => (collected = collectYoungGarbageIfHalfFull()));
    expect(collected).toBe(true);
    expect(minor).toBeGreaterThanOrEqual(1);
    expect(young().space_used_size).toBeLessThan(capacity() * 0.5);
  });

  it('leaves a generation less than half full alone', async () => {
    collectYoungGarbageIfHalfFull();
    allocateUntil(0.6);
    collectYoungGarbageIfHalfFull();
    let collected = true;
    const minor = await minorCollectionsDuring(() => (collected = collectYoungGarbageIfHalfFull()));
    expect(collected).toBe(false);
    expect(minor).toBe(0);
  });
});
