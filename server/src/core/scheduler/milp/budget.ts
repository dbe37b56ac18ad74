/**
 * How much of the time left a HiGHS call may take. HiGHS checks its time_limit rarely in presolve
 * (probing), so on a large model it returns late, by up to ~3 s on 660k nonzeros in WebAssembly;
 * and below a few seconds such a model never gets past presolve, so running it only burns the
 * budget. Both costs grow with the nonzeros; the rates below were measured on the Girona instances
 * (bench/scheduler) and are kept cautious, as the machine may be loaded.
 */
const OVERRUN_BASE_SECONDS = 0.4;
const OVERRUN_SECONDS_PER_NONZERO = 5e-6;
const USEFUL_BASE_SECONDS = 0.05;
const USEFUL_SECONDS_PER_NONZERO = 2.5e-5;
/** HiGHS refuses a time limit of 0; below this a call is not worth starting. */
const MIN_TIME_LIMIT_SECONDS = 0.05;

/** Seconds HiGHS may run past its time_limit on a model of this size. */
export function expectedOverrun(nonzeros: number): number {
  return OVERRUN_BASE_SECONDS + nonzeros * OVERRUN_SECONDS_PER_NONZERO;
}

/** Seconds below which a model of this size gives no answer (presolve and the root LP need more). */
export function minUsefulSeconds(nonzeros: number): number {
  return USEFUL_BASE_SECONDS + nonzeros * USEFUL_SECONDS_PER_NONZERO;
}

/** The model is too large to answer anything in the time left, overrun margin included. */
export function tooLargeFor(nonzeros: number, secondsLeft: number): boolean {
  return secondsLeft - expectedOverrun(nonzeros) < minUsefulSeconds(nonzeros);
}

/**
 * The time_limit to give HiGHS: what the caller wishes, cut so that the call returns by the hard
 * deadline despite the overrun; null when the call should not run at all. `whateverItsSize`: the
 * call is the only way to an answer, so it runs even when it will likely not finish.
 */
export function highsTimeLimit(nonzeros: number, wishedSeconds: number, secondsLeft: number, whateverItsSize = false): number | null {
  if (!whateverItsSize && tooLargeFor(nonzeros, secondsLeft)) return null;
  const limit = Math.min(wishedSeconds, secondsLeft - expectedOverrun(nonzeros));
  return limit >= MIN_TIME_LIMIT_SECONDS ? limit : null;
}

/** Whether a model of this size may still be built further and run: the rule of `highsTimeLimit`, before any limit is set. */
export function worthRunning(nonzeros: number, secondsLeft: number, whateverItsSize = false): boolean {
  return highsTimeLimit(nonzeros, Infinity, secondsLeft, whateverItsSize) !== null;
}
