/**
 * Calibration: fit model parameters within bounds to reference data (targets.ts) by minimising
 * the weighted squared error J with bounded Nelder–Mead (bounded.ts) from several starts.
 *
 * Starts: the model's own values (when they lie inside the bounds), then `starts` points of a
 * Latin hypercube over the bounds (seeded). Each start is an independent task, so starts run
 * on worker threads in parallel and the result does not depend on the number of workers.
 * The best start wins (ties: the earlier start).
 *
 * Besides the fit, the result says how well the data pin the parameters down: parameters that
 * end at a bound, and the spread of each parameter over the starts that came within 1 % of the
 * best J (a wide spread means the data cannot tell those values apart).
 */
import { error, type Diagnostic } from '../../core/diagnostics.js';
import type { Model } from '../../model/types.js';
import type { SimulateOptions } from '../../sim/simulate.js';
import { latinHypercube } from '../lhs.js';
import type { ModelFunction } from '../parallel/model-function.js';
import { chooseWorkers, runTasks, type WorkerCount } from '../parallel/pool.js';
import type { Executor } from '../parallel/executor.js';
import type { MinimizeResult, Task } from '../parallel/tasks.js';
import type { ParamRange } from '../sensitivity/model.js';
import type { Factor } from '../sensitivity/factors.js';
import { prepareDataFunction } from './data-function.js';
import { fitReport, type TargetFit } from './fit.js';
import type { ReferenceData } from './targets.js';
import { dict } from '../../core/dict.js';

export interface CalibrationOptions {
  /** Parameters and bounds; without lo/hi a constant's uncertainty range is the bound. */
  readonly params?: readonly ParamRange[];
  readonly data: ReferenceData;
  readonly seed?: number;
  /** Latin-hypercube starts (default 8), besides the model's own values. */
  readonly starts?: number;
  /** Nelder–Mead budget per start (default 300 per parameter). */
  readonly maxEvaluations?: number;
  readonly simulate?: SimulateOptions;
  /** Worker threads, or 'auto' (default 1: in-process). Results do not depend on it. */
  readonly workers?: WorkerCount;
  /** Every start on worker threads, none on the main thread (tests of the worker path). */
  readonly workerThreadsOnly?: boolean;
  /** Where the starts run instead of this machine's threads (e.g. a job queue). */
  readonly executor?: Executor;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface StartOutcome {
  /** 'model' for the model's own values, else 'lhs'. */
  readonly from: 'model' | 'lhs';
  readonly start: Record<string, number>;
  readonly parameters: Record<string, number>;
  readonly objective: number;
  readonly evaluations: number;
  readonly converged: boolean;
  readonly failures: number;
}

export interface FitAt {
  readonly objective: number;
  readonly parameters: Record<string, number>;
  readonly fit: TargetFit[];
}

export interface Calibration extends FitAt {
  readonly seed: number;
  readonly bounds: Record<string, { lo: number; hi: number }>;
  /** The fit at the model's own values, when they are all numbers. */
  readonly baseline?: FitAt;
  /** Parameters within 0.5 % of the range from a bound. */
  readonly atBounds: string[];
  /** Starts within 1 % of the best J, and each parameter's range over them. */
  readonly nearBest: { readonly starts: number; readonly spread: Record<string, [number, number]> };
  readonly starts: StartOutcome[];
  readonly evaluations: number;
}

export async function calibrate(model: Model, o: CalibrationOptions): Promise<{ result?: Calibration; diagnostics: Diagnostic[] }> {
  const noData = o.data.targets.length ? [] : [error('no-data', 'the data file has no values to fit', { file: o.data.file })];
  const prepared = prepareDataFunction(model, 'fit', { params: o.params, data: o.data, simulate: o.simulate, after: noData });
  const { diagnostics } = prepared;
  if (!prepared.fn) return { diagnostics };
  const { fn, spec, factors } = prepared;
  const seed = o.seed ?? 1;
  const count = o.starts ?? 8;
  if (!Number.isInteger(count) || count < 0) return { diagnostics: [...diagnostics, error('bad-starts', `the number of starts must be a whole number ≥ 0 (got ${count})`)] };
  const starts = startPoints(factors, fn.nominal, count, seed);
  if (!starts.length) return { diagnostics: [...diagnostics, error('bad-starts', 'no starts: give --starts 1 or more')] };
  const bounds = factors.map((f) => ({ lo: f.lo, hi: f.hi }));
  const tasks: Task[] = starts.map((s) => ({ kind: 'minimize', start: s.unit, bounds, options: { maxEvaluations: o.maxEvaluations } }));
  const results = (await runTasks(spec, tasks, { workers: workersFor(o, fn, starts[0].values, tasks.length, factors.length), workerThreadsOnly: o.workerThreadsOnly, executor: o.executor, onProgress: o.onProgress, local: fn })) as MinimizeResult[];
  const named = (x: readonly number[]) => Object.fromEntries(factors.map((f, j) => [f.name, x[j]]));
  const outcomes: StartOutcome[] = results.map((r, i) => ({
    from: starts[i].from, start: named(starts[i].values), parameters: named(r.minimum.x), objective: r.minimum.value,
    evaluations: r.minimum.evaluations, converged: r.minimum.converged, failures: r.failures,
  }));
  let best = 0;
  results.forEach((r, i) => { if (r.minimum.value < results[best].minimum.value) best = i; });
  const xBest = results[best].minimum.x;
  const at = fitAt(fn, o.data, xBest, named);
  if (!at) return { diagnostics: [...diagnostics, error('calibration-failed', 'every start failed to run the model', { file: model.file, hint: 'narrow the bounds' })] };
  const baseline = fn.nominal.every(Number.isFinite) ? fitAt(fn, o.data, fn.nominal, named) : undefined;
  return {
    result: {
      ...at, seed,
      bounds: Object.fromEntries(factors.map((f) => [f.name, { lo: f.lo, hi: f.hi }])),
      ...(baseline ? { baseline } : {}),
      atBounds: factors.filter((f, j) => Math.min(xBest[j] - f.lo, f.hi - xBest[j]) <= 0.005 * (f.hi - f.lo)).map((f) => f.name),
      nearBest: nearBest(factors, results, results[best].minimum.value),
      starts: outcomes,
      evaluations: results.reduce((s, r) => s + r.minimum.evaluations, 0),
    },
    diagnostics,
  };
}

/** 'auto': time one run and assume each start spends half its budget. */
function workersFor(o: CalibrationOptions, fn: ModelFunction, x: readonly number[], starts: number, k: number): number {
  if (o.workers !== 'auto') return chooseWorkers(o.workers, 0);
  const t0 = performance.now();
  fn.evaluate(x);
  const perRun = performance.now() - t0;
  return chooseWorkers('auto', perRun * starts * 0.5 * (o.maxEvaluations ?? 300 * Math.max(1, k)));
}

/** The model's own values first (when inside the bounds), then a seeded Latin hypercube. */
function startPoints(factors: readonly Factor[], nominal: readonly number[], count: number, seed: number) {
  const out: { from: 'model' | 'lhs'; unit: number[]; values: number[] }[] = [];
  const inside = nominal.every((v, j) => Number.isFinite(v) && v >= factors[j].lo && v <= factors[j].hi);
  if (inside) out.push({ from: 'model', unit: nominal.map((v, j) => (v - factors[j].lo) / (factors[j].hi - factors[j].lo)), values: [...nominal] });
  if (count > 0) {
    for (const u of latinHypercube(count, factors.length, seed)) {
      out.push({ from: 'lhs', unit: u, values: u.map((p, j) => factors[j].lo + p * (factors[j].hi - factors[j].lo)) });
    }
  }
  return out;
}

function fitAt(fn: ModelFunction, data: ReferenceData, x: readonly number[], named: (x: readonly number[]) => Record<string, number>): FitAt | undefined {
  const run = fn.run(x);
  if (!run.result) return undefined;
  const fit = fitReport(data.targets, run.result);
  return { objective: fit.reduce((s, t) => s + t.contribution, 0), parameters: named(x), fit };
}

function nearBest(factors: readonly Factor[], results: readonly MinimizeResult[], best: number) {
  const close = results.filter((r) => r.minimum.value <= best + 0.01 * Math.abs(best) + 1e-12);
  const spread: Record<string, [number, number]> = dict();
  factors.forEach((f, j) => {
    const xs = close.map((r) => r.minimum.x[j]);
    spread[f.name] = [Math.min(...xs), Math.max(...xs)];
  });
  return { starts: close.length, spread };
}
