/**
 * Part (a) of the ranking: every intervention's effect on the outcome across the uncertainty
 * ensemble. The draws come from the ensemble engine (analysis/draws.ts: a Latin hypercube over
 * the constants' uncertainty ranges, as `stockflow compare --uncertainty` uses); the baseline
 * and each intervention run over the same draws, spread over threads (paired-runs.ts).
 *
 * With workers 'auto' the baseline runs first on the main thread; if the interventions would
 * then take more than AUTO_THREADS_MIN_MS, they go to one thread per core. From the built
 * library a worker thread starts in well under a second while the main thread keeps working,
 * so a second of remaining work already repays it. The numbers do not depend on the choice.
 */
import { availableParallelism } from 'node:os';
import type { Metric, Model } from '../../model/types.js';
import type { SimulateOptions } from '../../sim/simulate.js';
import type { Variant } from '../compare.js';
import { drawConstants, membersFor, type Draws } from '../draws.js';
import { effectSizes, type EffectSizes } from './effects.js';
import { runPaired } from './paired-runs.js';
import { runUnit, type PairedJob } from './paired-unit.js';
import type { Executor } from '../parallel/executor.js';

export const AUTO_THREADS_MIN_MS = 1000;

export interface EffectOptions {
  /** Prior draws (ignored when `members` is given). */
  readonly draws: number;
  /** Members to run instead of prior draws (a posterior ensemble). */
  readonly members?: Draws;
  readonly seed: number;
  /** Threads (the main one included), or 'auto'. */
  readonly workers: number | 'auto';
  readonly simulate?: SimulateOptions;
  readonly onProgress?: (done: number, total: number) => void;
  /** Runs the models on this executor (e.g. a job queue) instead of this machine's threads. */
  readonly executor?: Executor;
}

export interface InterventionEffects {
  /** The baseline metric in each draw. */
  readonly base: number[];
  /** Per variant, in the order given (P(best) among all of them). */
  readonly effects: EffectSizes[];
  /** Per variant, the metric in each draw. */
  readonly values: number[][];
  /** Draws actually run (1 when no constant has an uncertainty range). */
  readonly draws: number;
  /** Constants sampled. */
  readonly factors: readonly string[];
  /** The members run: one row of `factors` values per draw. */
  readonly rows: readonly (readonly number[])[];
  /** Threads used for the interventions' runs. */
  readonly threads: number;
}

/** Throws ModelError when a run fails. */
export async function interventionEffects(model: Model, variants: readonly Variant[], metric: Metric, o: EffectOptions): Promise<InterventionEffects> {
  let design = membersFor(model, o.members, o.draws, o.seed, o.simulate);
  if (!design.factors.length) design = drawConstants(model, 1, o.seed, o.simulate); // nothing uncertain: one run each
  const job: PairedJob = { draws: design, metrics: [metric], simulate: o.simulate };
  const units = variants.map((v) => ({ model: v.model, scenario: v.scenario }));
  const total = units.length + 1;
  let base: Record<string, number>[];
  let rest: Record<string, number>[][];
  let threads: number;
  if (o.executor?.runUnits) {
    threads = 1;
    [base, ...rest] = await o.executor.runUnits(job, [{ model }, ...units], { onProgress: o.onProgress });
  } else if (o.workers === 'auto') {
    const started = performance.now();
    base = runUnit({ model }, job);
    o.onProgress?.(1, total);
    const estimate = (performance.now() - started) * units.length;
    threads = estimate > AUTO_THREADS_MIN_MS ? availableParallelism() : 1;
    rest = await runPaired(units, job, { workers: threads, onProgress: o.onProgress && ((d) => o.onProgress!(d + 1, total)) });
  } else {
    threads = Math.max(1, Math.floor(o.workers));
    const all = await runPaired([{ model }, ...units], job, { workers: threads, onProgress: o.onProgress });
    [base, ...rest] = all;
  }
  const value = (runs: Record<string, number>[]) => runs.map((r) => r[metric.name]);
  const baseValues = value(base);
  return {
    base: baseValues,
    effects: effectSizes(metric, baseValues, rest.map(value)),
    values: rest.map(value),
    draws: design.rows.length,
    factors: design.factors,
    rows: design.rows,
    threads: Math.min(threads, units.length || 1),
  };
}
