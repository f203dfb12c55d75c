/**
 * The calibration objective over one run (see targets.ts for the formula), and the per-target
 * report at the fitted parameters.
 */
import { aggregate, type SeriesSource } from '../metrics.js';
import { targetLabel, type EventTarget, type SeriesTarget, type Target } from './targets.js';

export interface TargetFit {
  readonly target: string;
  readonly kind: Target['kind'];
  readonly variable: string;
  /** Points compared (1 for an event). */
  readonly n: number;
  /** Root-mean-square error in the variable's units (series) or the time unit (events). */
  readonly rmse: number;
  /** This target's share of the objective J. */
  readonly contribution: number;
  /** Events: the model's time and the observed time. */
  readonly modelTime?: number;
  readonly observedTime?: number;
}

/** J for one run. */
export function objective(targets: readonly Target[], source: SeriesSource): number {
  let j = 0;
  for (const t of targets) j += targetFit(t, source).contribution;
  return j;
}

export function fitReport(targets: readonly Target[], source: SeriesSource): TargetFit[] {
  return targets.map((t) => targetFit(t, source));
}

function targetFit(t: Target, source: SeriesSource): TargetFit {
  return t.kind === 'series' ? seriesFit(t, source) : eventFit(t, source);
}

function seriesFit(t: SeriesTarget, source: SeriesSource): TargetFit {
  const y = source.series(t.variable);
  let sse = 0;
  for (let i = 0; i < t.time.length; i++) sse += (interpolate(source.time, y, t.time[i]) - t.values[i]) ** 2;
  const n = t.time.length;
  const s = dataScale(t.values);
  return { target: targetLabel(t), kind: 'series', variable: t.variable, n, rmse: Math.sqrt(sse / n), contribution: (t.weight * sse) / (n * s * s) };
}

function eventFit(t: EventTarget, source: SeriesSource): TargetFit {
  const modelTime = aggregate(source.time, source.series(t.variable), t.aggregate, t.threshold ?? 0);
  const err = modelTime - t.time;
  return { target: t.name, kind: 'event', variable: t.variable, n: 1, rmse: Math.abs(err), contribution: t.weight * err * err, modelTime, observedTime: t.time };
}

/** Standard deviation of the data, else its largest magnitude, else 1. */
export function dataScale(values: readonly number[]): number {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / n);
  if (sd > 0) return sd;
  const max = Math.max(...values.map(Math.abs));
  return max > 0 ? max : 1;
}

/** Linear interpolation of (t, y) at x; t ascending; clamps outside the range. */
export function interpolate(t: ArrayLike<number>, y: ArrayLike<number>, x: number): number {
  const n = t.length;
  if (x <= t[0]) return y[0];
  if (x >= t[n - 1]) return y[n - 1];
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (t[mid] <= x) lo = mid; else hi = mid;
  }
  const f = (x - t[lo]) / (t[hi] - t[lo]);
  return y[lo] + f * (y[hi] - y[lo]);
}
