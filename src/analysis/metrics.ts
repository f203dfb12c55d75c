/**
 * Outcome metrics: one number per run, computed from the saved series (docs/model-format.md,
 * `metrics:`). Integrals use the trapezoid rule over the save times; crossing times are
 * interpolated linearly between the two saved points around the crossing.
 *
 * Crossing conventions ("above" is strictly greater, "below" strictly less than the threshold):
 * - first_time_*: the first time the condition holds; the start time if it holds at the
 *   start; the stop time if it never holds (the event is "not before the end").
 * - last_time_*: the last time the condition holds; the stop time if it still holds at the
 *   end; the start time if it never holds (nothing to wait for: e.g. the time of full
 *   recovery of a run that never failed).
 */
import { canonicalName } from '../core/names.js';
import { error, type Diagnostic } from '../core/diagnostics.js';
import type { Aggregate, Metric, Model } from '../model/types.js';
import { dict } from '../core/dict.js';

/** What a metric reads: save times and named series (a SimulationResult is one). */
export interface SeriesSource {
  readonly time: Float64Array;
  series(name: string): Float64Array;
}

const CROSSING = new Set<Aggregate>(['first_time_above', 'first_time_below', 'last_time_above', 'last_time_below']);

export function needsThreshold(a: Aggregate): boolean {
  return CROSSING.has(a);
}

/** Reduces one series to a number. */
export function aggregate(time: ArrayLike<number>, y: ArrayLike<number>, how: Aggregate, threshold = 0): number {
  const n = Math.min(time.length, y.length);
  if (n === 0) return NaN;
  switch (how) {
    case 'initial': return y[0];
    case 'final': return y[n - 1];
    case 'max': return extreme(y, n, 1).value;
    case 'min': return extreme(y, n, -1).value;
    case 'time_of_max': return time[extreme(y, n, 1).index];
    case 'time_of_min': return time[extreme(y, n, -1).index];
    case 'integral': return integral(time, y, n);
    case 'mean': return n === 1 || time[n - 1] === time[0] ? y[0] : integral(time, y, n) / (time[n - 1] - time[0]);
    case 'first_time_above': return firstTime(time, y, n, (v) => v > threshold, threshold);
    case 'first_time_below': return firstTime(time, y, n, (v) => v < threshold, threshold);
    case 'last_time_above': return lastTime(time, y, n, (v) => v > threshold, threshold);
    case 'last_time_below': return lastTime(time, y, n, (v) => v < threshold, threshold);
    default: throw new Error(`unknown aggregate '${String(how)}'`);
  }
}

/** One metric of one run. */
export function computeMetric(metric: Metric, source: SeriesSource): number {
  return aggregate(source.time, source.series(metric.variable), metric.aggregate, metric.threshold ?? 0);
}

/** Every metric of one run, keyed by metric name as written. */
export function computeMetrics(metrics: readonly Metric[], source: SeriesSource): Record<string, number> {
  const out: Record<string, number> = dict();
  for (const m of metrics) out[m.name] = computeMetric(m, source);
  return out;
}

/** Checks that metrics name existing variables and that crossing aggregates have a threshold. */
export function checkMetrics(model: Model, metrics: readonly Metric[] = model.metrics ?? []): Diagnostic[] {
  const ids = new Set(model.variables.filter((v) => v.kind !== 'lookup').map((v) => v.id));
  const out: Diagnostic[] = [];
  for (const m of metrics) {
    const where = { file: model.file, field: `metrics.${m.name}` };
    if (!ids.has(canonicalName(m.variable))) out.push(error('unknown-variable', `metric '${m.name}' reads unknown variable '${m.variable}'`, where));
    if (needsThreshold(m.aggregate) && m.threshold === undefined) out.push(error('missing-threshold', `metric '${m.name}' (${m.aggregate}) needs a threshold`, { ...where, hint: 'add threshold: <number>' }));
  }
  return out;
}

/** True when `a` is better than `b` for this metric (strictly, beyond rounding noise). */
export function isBetter(metric: Pick<Metric, 'better'>, a: number, b: number): boolean {
  const tol = 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return metric.better === 'lower' ? a < b - tol : a > b + tol;
}

/** Improvement of `value` over `base`: positive is better, in the metric's units. */
export function improvement(metric: Pick<Metric, 'better'>, value: number, base: number): number {
  return metric.better === 'lower' ? base - value : value - base;
}

function extreme(y: ArrayLike<number>, n: number, sign: 1 | -1): { value: number; index: number } {
  let index = 0;
  for (let i = 1; i < n; i++) if (sign * (y[i] - y[index]) > 0) index = i;
  return { value: y[index], index };
}

function integral(t: ArrayLike<number>, y: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let i = 1; i < n; i++) s += 0.5 * (y[i] + y[i - 1]) * (t[i] - t[i - 1]);
  return s;
}

/** Time at which the straight line between samples i-1 and i reaches the threshold. */
function crossing(t: ArrayLike<number>, y: ArrayLike<number>, i: number, threshold: number): number {
  const dy = y[i] - y[i - 1];
  if (dy === 0 || !Number.isFinite(dy)) return t[i];
  const f = Math.min(1, Math.max(0, (threshold - y[i - 1]) / dy));
  return t[i - 1] + f * (t[i] - t[i - 1]);
}

function firstTime(t: ArrayLike<number>, y: ArrayLike<number>, n: number, holds: (v: number) => boolean, thr: number): number {
  if (holds(y[0])) return t[0];
  for (let i = 1; i < n; i++) if (holds(y[i])) return crossing(t, y, i, thr);
  return t[n - 1];
}

function lastTime(t: ArrayLike<number>, y: ArrayLike<number>, n: number, holds: (v: number) => boolean, thr: number): number {
  if (holds(y[n - 1])) return t[n - 1];
  for (let i = n - 2; i >= 0; i--) if (holds(y[i])) return crossing(t, y, i + 1, thr);
  return t[0];
}
