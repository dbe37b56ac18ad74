import { solveModelData, type HighsRuntime } from './highs';
import { buildSlotModel, type SlotModelInput } from './slotFormulation';

/** A break model with nothing but data, which a thread can be sent. */
export type BreakQuestion = Pick<SlotModelInput, 'problem' | 'meetings' | 'fairness'>;

/**
 * A lower bound on the breaks of every schedule of `input`: its break model's LP relaxation,
 * rounded up (HiGHS's simplex alone: 0.5 s on Girona's tic-13crafc, 2–4 s and more on the
 * two-session instances). Null when the LP was not solved to optimality in `timeLimitSeconds`, as
 * only the optimum bounds.
 */
export function relaxedBreakBound(highs: HighsRuntime, input: BreakQuestion, timeLimitSeconds: number): number | null {
  const model = buildSlotModel(input);
  if (!model) return null;
  const data = model.builder.toModelData(highs.constants.objectiveSense.minimize, highs.infinity);
  const outcome = solveModelData(highs, data, { timeLimit: timeLimitSeconds, lpOnly: true });
  return outcome.status === 'optimal' ? Math.ceil(outcome.objective - 1e-6) : null;
}
