import type { ModelBuilder } from './builder';
import { highsTimeLimit, worthRunning } from './budget';
import { loadHighs, NOT_RUN, solveModelData, type MilpOutcome } from './highs';
import { solveOnThread } from './on-thread';

/**
 * Solves a model with a time limit and an optional warm start; never throws for solver outcomes.
 * `secondsLeft` is the hard deadline: the time limit is cut so that HiGHS returns by then despite
 * its overrun on large models, a model too large to answer in that time is not run ('unknown'),
 * unless it is the `onlyWayToAnswer`, and the call runs on a solver thread that is stopped at the
 * deadline if HiGHS overruns anyway ('unknown' too).
 */
export async function runMilp(
  builder: ModelBuilder,
  sense: 'minimize' | 'maximize',
  opts: {
    timeLimitSeconds: number;
    secondsLeft?: () => number;
    onlyWayToAnswer?: boolean;
    start?: Float64Array;
    relGap?: number;
    absGap?: number;
    lpOnly?: boolean;
    /** Aborted when the answer is no longer needed: a call with `secondsLeft` (on a thread) stops at once ('unknown'). */
    signal?: AbortSignal;
  },
): Promise<MilpOutcome> {
  const nonzeros = builder.numNonzeros;
  if (opts.secondsLeft && !worthRunning(nonzeros, opts.secondsLeft(), opts.onlyWayToAnswer)) return NOT_RUN;
  const highs = await loadHighs();
  const data = builder.toModelData(highs.constants.objectiveSense[sense], highs.infinity);
  const call = { start: opts.start, relGap: opts.relGap, absGap: opts.absGap, lpOnly: opts.lpOnly };
  if (!opts.secondsLeft) return solveModelData(highs, data, { ...call, timeLimit: Math.max(0.05, opts.timeLimitSeconds) });
  // Measured last: building the model took time too.
  const secondsLeft = opts.secondsLeft();
  const timeLimit = highsTimeLimit(nonzeros, opts.timeLimitSeconds, secondsLeft, opts.onlyWayToAnswer);
  if (timeLimit === null) return NOT_RUN;
  return (await solveOnThread(data, { ...call, timeLimit }, secondsLeft * 1000, opts.signal)) ?? NOT_RUN;
}
