/**
 * What a calibration fits: reference series (values of a variable at given times) and event
 * times (the time at which a variable first or last crosses a threshold, or peaks). Plain
 * data, read from a data file by io/data.ts or built in code.
 *
 * Objective (weighted squared error, smaller is better):
 *   J = Σ_series w · Σ_i (y(t_i) − d_i)² / (n · s²)  +  Σ_events w · (t_model − t_obs)²
 * - y(t_i) is the model series interpolated linearly between save times;
 * - s is the standard deviation of the series' data (its largest |d_i| when that is 0, or 1):
 *   each series then contributes its mean squared error relative to its own spread, so
 *   variables in different units weigh alike unless a weight says otherwise;
 * - event errors are in the model's time unit; t_model follows analysis/metrics.ts, so an
 *   event that never happens is dated at the end of the run (a finite, graded penalty).
 */
import type { Aggregate } from '../../model/types.js';

export interface SeriesTarget {
  readonly kind: 'series';
  readonly variable: string;
  readonly time: readonly number[];
  readonly values: readonly number[];
  /** Multiplies the series' normalised error (default 1). */
  readonly weight: number;
  /** Measurement error (standard deviation, the variable's units): the posterior's likelihood. */
  readonly sigma?: number;
}

/** Aggregates that date an event. */
export const EVENT_AGGREGATES: readonly Aggregate[] = [
  'first_time_above', 'first_time_below', 'last_time_above', 'last_time_below', 'time_of_max', 'time_of_min',
];

export interface EventTarget {
  readonly kind: 'event';
  /** A label, e.g. "first alarm". */
  readonly name: string;
  readonly variable: string;
  readonly aggregate: Aggregate;
  /** For the crossing aggregates. */
  readonly threshold?: number;
  /** Observed time, in the model's time unit. */
  readonly time: number;
  readonly weight: number;
  /** Standard deviation of the dating error (time unit): the posterior's likelihood. */
  readonly tolerance?: number;
}

export type Target = SeriesTarget | EventTarget;

export interface ReferenceData {
  /** The file the data came from, for diagnostics. */
  readonly file?: string;
  readonly targets: readonly Target[];
}

/** The label of a target in reports. */
export function targetLabel(t: Target): string {
  return t.kind === 'series' ? t.variable : t.name;
}
