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
 * That is what `aggregate` returns (calibration and sensitivity need a finite number). An
 * outcome metric (`computeMetric`) keeps the difference: a crossing that does not happen is a
 * censored state, NEVER (−∞: "never happened", before any time) or NOT_BY_END (+∞: "not by
 * the end of the run", after any time), so rankings order it as what it is, not as 0 or the
 * stop time. A metric is a time of event (kind 'time') when its aggregate is a time; its
 * changes are differences in time, never percentages.
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

/** What a metric measures: a time of event (a clock reading) or a quantity. */
export type MetricKind = 'time' | 'quantity';

export function metricKind(m: Pick<Metric, 'aggregate'>): MetricKind {
  return CROSSING.has(m.aggregate) || m.aggregate === 'time_of_max' || m.aggregate === 'time_of_min' ? 'time' : 'quantity';
}

/** Censored times of event: "never happened" (before any time) and "not by the end of the run". */
export const NEVER = -Infinity;
export const NOT_BY_END = Infinity;
export type CensoredState = 'never happened' | 'not by the end of the run';

/** The censored state a metric value stands for, or undefined for an observed value. */
export function censoredState(v: number): CensoredState | undefined {
  return v === NEVER ? 'never happened' : v === NOT_BY_END ? 'not by the end of the run' : undefined;
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

/** One metric of one run; crossings that do not happen are NEVER or NOT_BY_END. */
export function computeMetric(metric: Metric, source: SeriesSource): number {
  const y = source.series(metric.variable);
  const thr = metric.threshold ?? 0;
  const n = Math.min(source.time.length, y.length);
  if (!CROSSING.has(metric.aggregate) || n === 0) return aggregate(source.time, y, metric.aggregate, thr);
  const holds = metric.aggregate.endsWith('above') ? (v: number) => v > thr : (v: number) => v < thr;
  let any = false;
  for (let i = 0; i < n && !any; i++) any = holds(y[i]);
  if (metric.aggregate.startsWith('first')) return any ? aggregate(source.time, y, metric.aggregate, thr) : NOT_BY_END;
  if (!any) return NEVER;
  return holds(y[n - 1]) ? NOT_BY_END : aggregate(source.time, y, metric.aggregate, thr);
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

/** True when `a` is better than `b` for this metric (strictly, beyond rounding noise; censored values order as ±∞). */
export function isBetter(metric: Pick<Metric, 'better'>, a: number, b: number): boolean {
  if (a === b) return false;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return metric.better === 'lower' ? a < b : a > b;
  const tol = 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return metric.better === 'lower' ? a < b - tol : a > b + tol;
}

/** value − base, 0 when both are the same (censored) state. */
export function difference(value: number, base: number): number {
  return value === base ? 0 : value - base;
}

/** Improvement of `value` over `base`: positive is better, in the metric's units (±∞ against a censored value). */
export function improvement(metric: Pick<Metric, 'better'>, value: number, base: number): number {
  const d = difference(value, base);
  return metric.better === 'lower' ? -d : d;
}

/**
 * The effect an intervention has on a metric, positive = better: for a quantity the
 * improvement relative to |baseline| (0 when the baseline is 0), for a time of event the
 * improvement in the metric's time unit (a percentage of a clock reading measures nothing).
 */
export function effectOf(metric: Pick<Metric, 'better' | 'aggregate'>, value: number, base: number): number {
  const gain = improvement(metric, value, base);
  if (metricKind(metric) === 'time') return gain;
  return base === 0 ? 0 : gain / Math.abs(base);
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
