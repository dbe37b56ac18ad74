import v8 from 'node:v8';
import vm from 'node:vm';

// The collector's own entry point, which Node hides unless started with --expose-gc; turning
// the flag on here keeps every way of starting the server (pnpm, Docker, tests) the same.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as (options: { type: 'minor' }) => void;

/**
 * Collects the young generation now if it is at least half full: called by a worker between
 * two jobs, so that the pause falls there rather than in the middle of the next job. Left to
 * itself, V8 collects when the generation is nearly full, wherever that happens: measured at
 * 1M declarations, a collection of ~10 ms fell inside one incremental matching in nine.
 * Returns whether it collected.
 */
export function collectYoungGarbageIfHalfFull(): boolean {
  const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  if (!young || young.space_used_size * 2 < young.space_used_size + young.space_available_size) return false;
  collect({ type: 'minor' });
  return true;
}
