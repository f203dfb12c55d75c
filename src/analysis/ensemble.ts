/**
 * Interventions under uncertainty: n Latin-hypercube draws over every constant with an
 * `uncertainty` range; in each draw the baseline and every variant run with the same
 * constants (paired runs, common random numbers), so differences are the interventions'
 * effects, not sampling noise. A constant that a scenario itself sets keeps the scenario's
 * value, and one the user sets is not sampled. Each model is compiled once and re-run with
 * new constant values. Same seed → same numbers, byte for byte.
 *
 * Per variant and metric: the median, P10 and P90 of delta = variant − baseline, the
 * probability that the variant beats the baseline, and the probability that it is the best of
 * the variants compared (ties share the draw equally).
 */
import type { Metric, Model } from '../model/types.js';
import type { SimulateOptions } from '../sim/simulate.js';
import { sortByEffect, type Variant } from './compare.js';
import { membersFor, runDraws, type Draws } from './draws.js';
import type { ExecuteOptions, Executor } from './parallel/executor.js';
import { computeMetrics, difference, improvement, isBetter } from './metrics.js';
import { dict } from '../core/dict.js';

export interface EffectSummary {
  readonly medianDelta: number;
  readonly p10Delta: number;
  readonly p90Delta: number;
  readonly pBeatsBaseline: number;
  readonly pBest: number;
}

export interface EnsembleOutcome {
  readonly id: string;
  readonly title: string;
  readonly leverage: number | null;
  /** Median metric values over the draws (used for ranking). */
  readonly metrics: Record<string, number>;
  readonly effects: Record<string, EffectSummary>;
}

export interface Ensemble {
  readonly draws: number;
  readonly seed: number;
  /** The sampled constants. */
  readonly factors: string[];
  /** The ensemble file the members came from (a posterior); absent for prior draws. */
  readonly from?: string;
  /** Median, P10 and P90 of each baseline metric. */
  readonly baseline: Record<string, { median: number; p10: number; p90: number }>;
  /** Sorted by median effect, best first. */
  readonly scenarios: EnsembleOutcome[];
}

export interface EnsembleOptions {
  /** Prior draws (ignored when `members` is given). */
  readonly draws: number;
  /** Members to run instead of prior draws (a posterior ensemble, posterior/file.ts). */
  readonly members?: Draws;
  readonly seed: number;
  readonly metrics: readonly Metric[];
  /** Sim-spec and constant overrides applied to every run (as for `simulate`). */
  readonly simulate?: SimulateOptions;
}

export function runEnsemble(baseline: Model, variants: readonly Variant[], o: EnsembleOptions & ExecuteOptions): Ensemble {
  const design = membersFor(baseline, o.members, o.draws, o.seed, o.simulate);
  const total = design.rows.length * (variants.length + 1);
  let done = 0;
  const metricsOf = (r: Parameters<typeof computeMetrics>[1]) => {
    const m = computeMetrics(o.metrics, r);
    o.onProgress?.(++done, total);
    return m;
  };
  const baseRuns = runDraws(baseline, undefined, design, o.simulate, metricsOf);
  const variantRuns = variants.map((v) => runDraws(v.model, v.scenario, design, o.simulate, metricsOf));
  return summarize(design, baseRuns, variantRuns, variants, o);
}

/**
 * The same ensemble with the runs on an executor (e.g. a job queue): one unit per model over
 * every draw, merged in order, so the result is the same bytes as runEnsemble's.
 */
export async function runEnsembleOn(executor: Executor & Required<Pick<Executor, 'runUnits'>>, baseline: Model, variants: readonly Variant[], o: EnsembleOptions & ExecuteOptions): Promise<Ensemble> {
  const design = membersFor(baseline, o.members, o.draws, o.seed, o.simulate);
  const units = [{ model: baseline }, ...variants.map((v) => ({ model: v.model, scenario: v.scenario }))];
  const [baseRuns, ...variantRuns] = await executor.runUnits({ draws: design, metrics: o.metrics, simulate: o.simulate }, units, { onProgress: o.onProgress });
  return summarize(design, baseRuns, variantRuns, variants, o);
}

function summarize(design: Draws, baseRuns: readonly Record<string, number>[], variantRuns: readonly Record<string, number>[][], variants: readonly Variant[], o: EnsembleOptions): Ensemble {
  const draws = design.rows.length;
  const outcomes = variants.map((v, i): EnsembleOutcome => {
    const effects: Record<string, EffectSummary> = dict();
    const metrics: Record<string, number> = dict();
    for (const m of o.metrics) {
      const deltas = variantRuns[i].map((r, d) => difference(r[m.name], baseRuns[d][m.name]));
      const s = sorted(deltas);
      metrics[m.name] = median(variantRuns[i].map((r) => r[m.name]));
      effects[m.name] = {
        medianDelta: q(s, 0.5), p10Delta: q(s, 0.1), p90Delta: q(s, 0.9),
        pBeatsBaseline: variantRuns[i].filter((r, d) => isBetter(m, r[m.name], baseRuns[d][m.name])).length / draws,
        pBest: bestShare(variantRuns, i, m),
      };
    }
    return { id: v.scenario.id, title: v.scenario.title, leverage: v.scenario.leverage?.level ?? null, metrics, effects };
  });
  const baseSummary: Ensemble['baseline'] = dict();
  for (const m of o.metrics) {
    const s = sorted(baseRuns.map((r) => r[m.name]));
    baseSummary[m.name] = { median: q(s, 0.5), p10: q(s, 0.1), p90: q(s, 0.9) };
  }
  const byMedianEffect = outcomes.map((x) => ({ ...x, metrics: medianImprovements(x, o.metrics) }));
  const order = sortByEffect(byMedianEffect, o.metrics.map((m) => ({ ...m, better: 'higher' as const })), variants.map((v) => v.scenario.id));
  const byId = new Map(outcomes.map((x) => [x.id, x]));
  return { draws, seed: design.seed, factors: [...design.factors], ...(design.from ? { from: design.from } : {}), baseline: baseSummary, scenarios: order.map((x) => byId.get(x.id)!) };
}

/** Median improvements (positive = better), the ranking key. */
function medianImprovements(x: EnsembleOutcome, metrics: readonly Metric[]): Record<string, number> {
  const out: Record<string, number> = dict();
  for (const m of metrics) out[m.name] = improvement(m, x.effects[m.name].medianDelta, 0);
  return out;
}

function bestShare(runs: readonly (readonly Record<string, number>[])[], i: number, m: Metric): number {
  let credit = 0;
  const draws = runs[i].length;
  for (let d = 0; d < draws; d++) {
    const values = runs.map((r) => r[d][m.name]);
    const best = values.reduce((a, b) => (isBetter(m, b, a) ? b : a));
    if (isBetter(m, best, values[i])) continue;
    credit += 1 / values.filter((x) => !isBetter(m, best, x)).length;
  }
  return draws ? credit / draws : 0;
}

function sorted(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

function median(xs: readonly number[]): number {
  return q(sorted(xs), 0.5);
}

/** Quantile of sorted data with linear interpolation (Hyndman & Fan type 7, R's default). */
export function q(s: readonly number[], p: number): number {
  if (!s.length) return NaN;
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(s.length - 1, lo + 1);
  if (h === lo || s[hi] === s[lo]) return s[lo];
  if (!Number.isFinite(s[lo]) || !Number.isFinite(s[hi])) return h - lo < 0.5 ? s[lo] : s[hi]; // censored: the nearer one
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}
