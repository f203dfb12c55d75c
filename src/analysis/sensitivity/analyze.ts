/**
 * Sensitivity analysis over any scalar function of a parameter vector. `planSensitivity`
 * gives the rows to evaluate; `analyzeSensitivity` turns their outputs into indices. The SD
 * glue (model.ts) evaluates the rows as model runs, possibly on worker threads; `sensitivity`
 * evaluates a plain function in-process (used for the analytic reference functions).
 */
import { deriveSeed } from '../../core/random.js';
import type { Factor, ScalarFunction } from './factors.js';
import { givenData, methods, type Plan, type ResolvedOptions, type SensitivityIndex } from './methods.js';
import { dict } from '../../core/dict.js';

export interface SensitivityOptions {
  /** 'oat' | 'morris' | 'sobol' (see methods.ts). */
  readonly method: string;
  /** sobol: base sample size n (runs n(k+2)); morris: trajectories r (runs r(k+1)); oat: levels (runs 1+k·levels). */
  readonly samples?: number;
  readonly seed?: number;
  /** Morris grid levels p (even; default 4). */
  readonly levels?: number;
  /** Bootstrap resamples for confidence intervals (default 100). */
  readonly resamples?: number;
  /** Confidence level of the intervals (default 0.95). */
  readonly confidence?: number;
  /** OAT: values of the factors that are not moving (default: range midpoints). */
  readonly nominal?: readonly number[];
  /** 'given-data': the ensemble's members (one value per factor each). */
  readonly members?: readonly (readonly number[])[];
}

export interface SensitivityPlan extends Plan {
  readonly method: string;
  readonly factors: readonly Factor[];
  readonly options: ResolvedOptions;
}

export interface SensitivityResult {
  readonly method: string;
  readonly samples: number;
  readonly seed: number;
  readonly runs: number;
  readonly factors: readonly Factor[];
  /** By factor name; the shape depends on the method. */
  readonly indices: Record<string, SensitivityIndex>;
  /** Factor names, most influential first (ST, mu*, or swing). */
  readonly ranking: string[];
  /** OAT: the output at the nominal point. */
  readonly nominal?: number;
}

export function planSensitivity(factors: readonly Factor[], o: SensitivityOptions): SensitivityPlan {
  const method = methodOf(o.method);
  if (!method) throw new RangeError(`unknown sensitivity method '${o.method}'`);
  const seed = o.seed ?? 1;
  const options: ResolvedOptions = {
    samples: o.samples ?? (o.method === GIVEN_DATA ? Math.max(2, Math.round(Math.sqrt(o.members?.length ?? 0))) : method.defaultSamples),
    seed,
    levels: o.levels ?? 4,
    nominal: o.nominal,
    members: o.members,
    bootstrap: { resamples: o.resamples ?? 100, confidence: o.confidence ?? 0.95, seed: deriveSeed(seed, 0xb007) },
  };
  return { method: o.method, factors, options, ...method.plan(factors, options) };
}

export function analyzeSensitivity(plan: SensitivityPlan, y: ArrayLike<number>): SensitivityResult {
  if (y.length !== plan.rows.length) throw new RangeError(`expected ${plan.rows.length} outputs, got ${y.length}`);
  const { indices, nominal } = plan.analyze(y);
  const byName: Record<string, SensitivityIndex> = dict();
  plan.factors.forEach((f, i) => { byName[f.name] = indices[i]; });
  const rank = methodOf(plan.method)!.rankBy;
  const key = (i: number) => { const k = rank(indices[i]); return Number.isNaN(k) ? -Infinity : k; };
  const ranking = plan.factors.map((f, i) => ({ name: f.name, key: key(i), i }))
    .sort((a, b) => (a.key === b.key ? a.i - b.i : b.key > a.key ? 1 : -1)).map((x) => x.name);
  return {
    method: plan.method, samples: plan.options.samples, seed: plan.options.seed, runs: plan.rows.length,
    factors: plan.factors, indices: byName, ranking, ...(nominal === undefined ? {} : { nominal }),
  };
}

export const GIVEN_DATA = 'given-data';

function methodOf(name: string) {
  return name === GIVEN_DATA ? givenData : methods[name];
}

/** Plans, evaluates `f` on every row in-process, and analyses. */
export function sensitivity(f: ScalarFunction, factors: readonly Factor[], o: SensitivityOptions): SensitivityResult {
  const plan = planSensitivity(factors, o);
  return analyzeSensitivity(plan, plan.rows.map((row) => f(row)));
}
