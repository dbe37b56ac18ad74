import highsLoader from 'highs';
import type { ModelBuilder } from './builder';

export type HighsRuntime = Awaited<ReturnType<typeof highsLoader>>;
let runtime: Promise<HighsRuntime> | undefined;

/** The HiGHS WebAssembly runtime, loaded once per thread. */
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

export const NOT_RUN: MilpOutcome = { status: 'unknown', values: null, objective: NaN, bound: NaN };

type ObjectiveSense = HighsRuntime['constants']['objectiveSense']['minimize'];
/** A model as HiGHS takes it (`ModelBuilder.toModelData`). */
export type ModelData = Omit<ReturnType<ModelBuilder['toModelData']>, 'sense'> & { sense: ObjectiveSense };

/** One HiGHS call's settings; `timeLimit` in seconds. */
export interface CallOptions {
  timeLimit: number;
  start?: Float64Array;
  relGap?: number;
  absGap?: number;
  lpOnly?: boolean;
}

/** Solves a model's data with HiGHS; never throws for solver outcomes. */
export function solveModelData(highs: HighsRuntime, data: ModelData, opts: CallOptions): MilpOutcome {
  const { integrality, ...continuous } = data;
  const model = highs.createModel(opts.lpOnly ? continuous : { ...continuous, integrality });
  try {
    model.options.set({
      output_flag: false,
      mip_rel_gap: opts.relGap ?? 0,
      mip_abs_gap: opts.absGap ?? 1e-6,
      time_limit: opts.timeLimit,
    });
    if (opts.start) model.setSolution({ colValue: opts.start });
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
