/**
 * Uncertainty bands over time for scenario overlays. The same Latin-hypercube design as
 * `runEnsemble` (analysis/ensemble.ts: same seed → same draws, paired across variants, a
 * constant the scenario or the user sets keeps its value), but keeping the chosen variables'
 * whole series so each line can carry a P10–P90 envelope and a median. Every model is
 * compiled once and re-run with new constants.
 */
import type { Model } from '../model/types.js';
import type { SimulateOptions } from '../sim/simulate.js';
import { membersFor, runDraws, type Draws } from '../analysis/draws.js';
import { q } from '../analysis/ensemble.js';
import type { Variant } from '../analysis/compare.js';
import { dict } from '../core/dict.js';

export interface SeriesBand {
  readonly p10: Float64Array;
  readonly median: Float64Array;
  readonly p90: Float64Array;
}

export interface EnsembleSeries {
  readonly draws: number;
  readonly seed: number;
  readonly time: Float64Array;
  /** Variable name (as asked) → band, for the baseline. */
  readonly baseline: Record<string, SeriesBand>;
  /** Scenario id → variable name → band. */
  readonly scenarios: Record<string, Record<string, SeriesBand>>;
}

export interface BandOptions {
  readonly draws: number;
  /** Members to run instead of prior draws (a posterior ensemble). */
  readonly members?: Draws;
  readonly seed: number;
  readonly simulate?: SimulateOptions;
}

/** Throws ModelError when a model cannot be built or a run fails. */
export function ensembleSeries(baseline: Model, variants: readonly Variant[], variables: readonly string[], o: BandOptions): EnsembleSeries {
  const design = membersFor(baseline, o.members, o.draws, o.seed, o.simulate);
  let time = new Float64Array(0);
  const bandsOf = (model: Model, scenario: Variant['scenario'] | undefined) => {
    const runs = runDraws(model, scenario, design, o.simulate, (r) => {
      time = r.time;
      return variables.map((name) => r.series(name));
    });
    const result: Record<string, SeriesBand> = dict();
    variables.forEach((name, j) => { result[name] = quantiles(runs.map((r) => r[j]), time.length); });
    return result;
  };
  const baselineBands = bandsOf(baseline, undefined);
  const scenarios: Record<string, Record<string, SeriesBand>> = dict();
  for (const v of variants) scenarios[v.scenario.id] = bandsOf(v.model, v.scenario);
  return { draws: o.draws, seed: o.seed, time, baseline: baselineBands, scenarios };
}

function quantiles(series: readonly Float64Array[], n: number): SeriesBand {
  const p10 = new Float64Array(n);
  const median = new Float64Array(n);
  const p90 = new Float64Array(n);
  const column = new Array<number>(series.length);
  for (let t = 0; t < n; t++) {
    for (let d = 0; d < series.length; d++) column[d] = series[d][t];
    column.sort((a, b) => a - b);
    p10[t] = q(column, 0.1);
    median[t] = q(column, 0.5);
    p90[t] = q(column, 0.9);
  }
  return { p10, median, p90 };
}
