import highsLoader from 'highs';
import type { ModelBuilder } from './builder';
import { highsTimeLimit, worthRunning } from './budget';

type HighsRuntime = Awaited<ReturnType<typeof highsLoader>>;
let runtime: Promise<HighsRuntime> | undefined;

/** The HiGHS WebAssembly runtime, loaded once per process. */
export function loadHighs(): Promise<HighsRuntime> {
  runtime ??= highsLoader();
  return runtime;
}

export interface MilpOutcome {
  status: 'optimal' | 'feasible' | 'infeasible' | 'unknown';
  values: Float64Array | null;
  objective: number;
  /** Proven bound on the objective (dual bound). */
  bound: number;
}

const NOT_RUN: MilpOutcome = { status: 'unknown', values: null, objective: NaN, bound: NaN };

/**
 * Solves a model with a time limit and an optional warm start; never throws for solver outcomes.
 * `secondsLeft` is the hard deadline: the time limit is cut so that HiGHS returns by then despite
 * its overrun on large models, and a model too large to answer in that time is not run ('unknown'),
 * unless it is the `onlyWayToAnswer`.
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
  },
): Promise<MilpOutcome> {
  const nonzeros = builder.numNonzeros;
  if (opts.secondsLeft && !worthRunning(nonzeros, opts.secondsLeft(), opts.onlyWayToAnswer)) return NOT_RUN;
  const highs = await loadHighs();
  const data = builder.toModelData(highs.constants.objectiveSense[sense], highs.infinity);
  const { integrality, ...continuous } = data;
  const model = highs.createModel(opts.lpOnly ? continuous : { ...continuous, integrality });
  try {
    model.options.set({
      output_flag: false,
      mip_rel_gap: opts.relGap ?? 0,
      mip_abs_gap: opts.absGap ?? 1e-6,
    });
    if (opts.start) model.setSolution({ colValue: opts.start });
    // Measured last: building the model and checking the warm start took time too.
    const limit = opts.secondsLeft
      ? highsTimeLimit(nonzeros, opts.timeLimitSeconds, opts.secondsLeft(), opts.onlyWayToAnswer)
      : Math.max(0.05, opts.timeLimitSeconds);
    if (limit === null) return NOT_RUN;
    model.options.set({ time_limit: limit });
    model.run();
    const code = model.getModelStatus();
    const st = highs.constants.modelStatus;
    if (code === st.infeasible) return { status: 'infeasible', values: null, objective: NaN, bound: NaN };
    const info = (name: string) => {
      try {
        return Number(model.info.get(name));
      } catch {
        return NaN;
      }
    };
    const hasPrimal = info('primal_solution_status') === 2;
    const objective = hasPrimal ? model.getObjectiveValue() : NaN;
    const dual = opts.lpOnly ? objective : info('mip_dual_bound');
    const optimal = code === st.optimal;
    return {
      status: optimal ? 'optimal' : hasPrimal ? 'feasible' : 'unknown',
      values: hasPrimal ? Float64Array.from(model.getSolution().colValue) : null,
      objective,
      bound: optimal ? (opts.lpOnly ? objective : Number.isFinite(dual) ? dual : objective) : dual,
    };
  } finally {
    model.dispose();
  }
}
