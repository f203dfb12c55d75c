/**
 * Functions over the points of a graphical function rather than its value at one x: the
 * table functions of the library (functions.ts, `table: true`), whose first argument names a
 * lookup or a variable with a graphical function. Generated code passes that table's closure
 * (runtime.ts `makeLookup`), which carries the points as `xs`, `ys` (x strictly increasing,
 * at least one point). Allocation-free; a binary search or one pass over the points per call.
 *
 * Semantics and sources:
 * - interpolation modes: see `Interpolation` (model/types.ts); Vensim reference "LOOKUP
 *   EXTRAPOLATE", "LOOKUP FORWARD", "LOOKUP BACKWARD" (worked examples in
 *   test/io/vensim/functions.test.ts).
 * - area: Vensim reference "LOOKUP AREA": the integral of the lookup as it is normally read
 *   (linear between points, end values held) from `a` to `b`; negative when b < a.
 * - invert: Vensim reference "LOOKUP INVERT": the smallest x at which the (held-end) lookup
 *   equals y; `outside` when y is beyond the lookup's y values.
 * - data: Vensim reference "GET DATA BETWEEN TIMES", "GET DATA AT TIME", "GET DATA MIN" and
 *   its siblings, over the points of a time series; `missing` where Vensim gives :NA:.
 */
import type { Interpolation } from '../model/types.js';
import { TIME_EPS } from './time.js';

/** The points of a table, x strictly increasing, at least one point, and its readers. */
export interface TablePoints {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  /** The table read in `mode`: a `reader` built on first use and kept. */
  readonly read: (mode: Interpolation) => (x: number) => number;
}

/**
 * A table's points, with readers built only when a table function asks: a lookup's own
 * every-step reader should be the only closure of `reader` in most models, which lets V8
 * specialise it to its table (eager readers for every mode made the bench ~10% slower).
 */
export function tablePoints(xs: Float64Array, ys: Float64Array): TablePoints {
  const p = { xs, ys };
  const readers: Partial<Record<Interpolation, (x: number) => number>> = {};
  return { xs, ys, read: (mode) => (readers[mode] ??= reader(p, mode)) };
}

const near = (a: number, b: number) => Math.abs(a - b) <= TIME_EPS * Math.max(1, Math.abs(a), Math.abs(b));

/** Index of the last point with x ≤ `x`, for xs[0] < x < xs[n − 1]. */
function segment(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid; else hi = mid;
  }
  return lo;
}

/**
 * A closure that reads a table in one interpolation mode, its points captured and its binary
 * search inline: the form V8 inlines into generated code (a shared function taking the mode
 * and the points as arguments ran the bench's lookup-heavy chain 1.2–1.4× slower).
 */
export function reader(p: Pick<TablePoints, 'xs' | 'ys'>, mode: Interpolation): (x: number) => number {
  const { xs, ys } = p;
  const n = xs.length;
  const extrapolate = mode === 'extrapolate' && n > 1;
  return (x: number): number => {
    if (x !== x) return x; // NaN in, NaN out
    if (x <= xs[0]) return extrapolate && x < xs[0] ? ys[0] + (x - xs[0]) * (ys[1] - ys[0]) / (xs[1] - xs[0]) : ys[0];
    if (x >= xs[n - 1]) return extrapolate ? ys[n - 1] + (x - xs[n - 1]) * (ys[n - 1] - ys[n - 2]) / (xs[n - 1] - xs[n - 2]) : ys[n - 1];
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (xs[mid] <= x) lo = mid; else hi = mid;
    }
    if (mode === 'discrete') return ys[lo];
    // an x within TIME_EPS of a point is at it, so that accumulated times do not skip ahead
    if (mode === 'forward') return near(xs[lo], x) ? ys[lo] : ys[hi];
    return ys[lo] + (x - xs[lo]) * (ys[hi] - ys[lo]) / (xs[hi] - xs[lo]);
  };
}

/** ∫ from xs[0] to x of the table read `continuous` (end values held beyond the points). */
function integral(p: TablePoints, x: number): number {
  const { xs, ys } = p;
  const n = xs.length;
  if (x <= xs[0]) return (x - xs[0]) * ys[0];
  let sum = 0;
  for (let i = 0; i + 1 < n; i++) {
    if (x <= xs[i + 1]) {
      const y = ys[i] + (x - xs[i]) * (ys[i + 1] - ys[i]) / (xs[i + 1] - xs[i]);
      return sum + (x - xs[i]) * (ys[i] + y) / 2;
    }
    sum += (xs[i + 1] - xs[i]) * (ys[i] + ys[i + 1]) / 2;
  }
  return sum + (x - xs[n - 1]) * ys[n - 1];
}

/** Area under the table from a to b (negative when b < a). */
export function lookupArea(p: TablePoints, a: number, b: number): number {
  return integral(p, b) - integral(p, a);
}

/** The smallest x at which the table equals y, or `outside`. */
export function lookupInvert(p: TablePoints, y: number, outside: number): number {
  const { xs, ys } = p;
  if (y !== y) return y;
  for (let i = 0; i < xs.length; i++) {
    if (ys[i] === y) return xs[i];
    if (i + 1 < xs.length && (ys[i] - y) * (ys[i + 1] - y) < 0) return xs[i] + (y - ys[i]) * (xs[i + 1] - xs[i]) / (ys[i + 1] - ys[i]);
  }
  return outside;
}

/**
 * A time series at time t, as Vensim's GET DATA BETWEEN TIMES computes it: interpolated
 * (mode 0); in modes ±1 the time is first rounded down to a whole number t0, then the value
 * of the first point at or after t0 (mode ≥ 1) or of the last point strictly before t0
 * (mode ≤ −1; the first point's when none is before it). `missing` before the first or after
 * the last point. The rounding and the strict "before" are Vensim's own run of SDEverywhere's
 * `getdata` (docs/builtins.md); the reference page does not describe them.
 */
export function dataBetween(p: TablePoints, t: number, mode: number, missing: number): number {
  const { xs, ys } = p;
  if (t !== t) return t;
  const at = mode >= 1 || mode <= -1 ? Math.floor(t + TIME_EPS * Math.max(1, Math.abs(t))) : t;
  if ((at < xs[0] && !near(at, xs[0])) || (at > xs[xs.length - 1] && !near(at, xs[xs.length - 1]))) return missing;
  if (mode < 1 && mode > -1) return p.read('continuous')(at);
  if (mode >= 1) return p.read('forward')(at);
  let i = 0;
  while (i + 1 < xs.length && xs[i + 1] < at && !near(xs[i + 1], at)) i++;
  return ys[i];
}

/** The value of the point at time t, or `missing` when no point is at t. */
export function dataAt(p: TablePoints, t: number, missing: number): number {
  const { xs, ys } = p;
  if (t !== t) return t;
  if (t < xs[0] || t > xs[xs.length - 1]) return near(t, xs[0]) ? ys[0] : near(t, xs[xs.length - 1]) ? ys[xs.length - 1] : missing;
  const i = segment(xs, t);
  return near(xs[i], t) ? ys[i] : i + 1 < xs.length && near(xs[i + 1], t) ? ys[i + 1] : missing;
}

type Stat = 'min' | 'max' | 'mean';

/** min, max or mean of the values of the points with t1 ≤ time ≤ t2, or `missing` if none. */
function dataStat(p: TablePoints, stat: Stat, t1: number, t2: number, missing: number): number {
  const { xs, ys } = p;
  let count = 0;
  let acc = stat === 'min' ? Infinity : stat === 'max' ? -Infinity : 0;
  for (let i = 0; i < xs.length; i++) {
    if ((xs[i] < t1 && !near(xs[i], t1)) || (xs[i] > t2 && !near(xs[i], t2))) continue;
    count++;
    acc = stat === 'min' ? Math.min(acc, ys[i]) : stat === 'max' ? Math.max(acc, ys[i]) : acc + ys[i];
  }
  if (count === 0) return missing;
  return stat === 'mean' ? acc / count : acc;
}

/** The helpers generated code calls as `R.name(table, …)`. */
export const tableRuntime = {
  lookupExtrapolate: (p: TablePoints, x: number): number => p.read('extrapolate')(x),
  lookupForward: (p: TablePoints, x: number): number => p.read('forward')(x),
  lookupBackward: (p: TablePoints, x: number): number => p.read('discrete')(x),
  lookupArea,
  lookupInvert,
  dataBetween,
  dataAt,
  dataFirstTime: (p: TablePoints): number => p.xs[0],
  dataLastTime: (p: TablePoints): number => p.xs[p.xs.length - 1],
  dataPoints: (p: TablePoints): number => p.xs.length,
  dataMin: (p: TablePoints, t1: number, t2: number, missing: number): number => dataStat(p, 'min', t1, t2, missing),
  dataMax: (p: TablePoints, t1: number, t2: number, missing: number): number => dataStat(p, 'max', t1, t2, missing),
  dataMean: (p: TablePoints, t1: number, t2: number, missing: number): number => dataStat(p, 'mean', t1, t2, missing),
};
