/**
 * One-at-a-time sweeps: every factor in turn moves across its range in `levels` evenly spaced
 * steps of its unit (quantile) scale while the others stay at their nominal values. Cheap
 * (1 + k·levels runs) and easy to read, but blind to interactions: use Morris or Sobol' to
 * rank factors whose effects may depend on each other.
 *
 * Rows: the nominal point, then factor 0's sweep, factor 1's sweep, …
 * Per factor: x and y along the sweep, y at the low and high ends, min, max, and the swing
 * max − min (the ranking key, in units of y).
 */
import { toValues, type Factor } from './factors.js';

export interface OatDesign {
  readonly kind: 'oat';
  readonly k: number;
  readonly levels: number;
  /** Value rows (not unit rows): nominal, then the sweeps. */
  readonly rows: number[][];
}

export interface OatIndex {
  readonly low: number;
  readonly high: number;
  readonly min: number;
  readonly max: number;
  readonly swing: number;
  readonly x: number[];
  readonly y: number[];
}

/** `nominal` holds each factor's value when it is not the one moving (default: range midpoint). */
export function oatDesign(factors: readonly Factor[], levels: number, nominal?: readonly number[]): OatDesign {
  if (!Number.isInteger(levels) || levels < 2) throw new RangeError(`a one-at-a-time sweep needs at least 2 levels (got ${levels})`);
  const centre = nominal ? [...nominal] : toValues(factors.map(() => 0.5), factors);
  const rows = [centre];
  factors.forEach((f, i) => {
    for (let l = 0; l < levels; l++) {
      const row = [...centre];
      row[i] = toValues(factors.map(() => l / (levels - 1)), factors)[i];
      rows.push(row);
    }
  });
  return { kind: 'oat', k: factors.length, levels, rows };
}

export function oatIndices(d: OatDesign, y: ArrayLike<number>): { nominal: number; indices: OatIndex[] } {
  const indices = Array.from({ length: d.k }, (_, i): OatIndex => {
    const from = 1 + i * d.levels;
    const xs = d.rows.slice(from, from + d.levels).map((r) => r[i]);
    const ys = Array.from({ length: d.levels }, (_, l) => y[from + l]);
    const min = Math.min(...ys);
    const max = Math.max(...ys);
    return { low: ys[0], high: ys[ys.length - 1], min, max, swing: max - min, x: xs, y: ys };
  });
  return { nominal: y[0], indices };
}
