/**
 * Vensim VECTOR LOOKUP(vec, x, xmin, xmax, mode) (Vensim reference, "VECTOR LOOKUP"): a
 * lookup whose y values are the elements of a vector, at n equally spaced x values from
 * xmin to xmax ("the specified range for x is broken up into n equal intervals where n is
 * one less than the length of the vector"). The vector may change during the run, so the
 * table is built at each call. Modes, as the reference lists them:
 *   0 lookup (end values held), 1 LOOKUP AREA from xmin, 2 LOOKUP BACKWARD,
 *   3 LOOKUP EXTRAPOLATE, 4 LOOKUP FORWARD, 5 LOOKUP INVERT, 6 LOOKUP SLOPE,
 *   7 area from xmin with extrapolation, 8 invert with extrapolation, 9 slope with extrapolation.
 * Our readings where the reference has no page of its own: the slope is that of the segment
 * holding x (the right-hand one at a point), 0 beyond the points without extrapolation and
 * the end segment's with it; an inversion with extrapolation that the points do not reach
 * continues the first segment below xmin or the last above xmax; LOOKUP INVERT outside the
 * y values gives `missing` (the Vensim reader passes :NA:), as LOOKUP INVERT does. A mode
 * that is not a whole number from 0 to 9, or fewer than two elements, give NaN.
 */
import { lookupArea, lookupInvert, tablePoints, type TablePoints } from './tables.js';

function slope(p: TablePoints, x: number, extrapolate: boolean): number {
  const { xs, ys } = p;
  const n = xs.length;
  const s = (i: number) => (ys[i + 1] - ys[i]) / (xs[i + 1] - xs[i]);
  if (x < xs[0]) return extrapolate ? s(0) : 0;
  if (x > xs[n - 1]) return extrapolate ? s(n - 2) : 0;
  let i = 0;
  while (i < n - 2 && xs[i + 1] <= x) i++;
  return s(i);
}

/** ∫ from xs[0] to x with the end segments continued beyond the points. */
function areaExtrapolated(p: TablePoints, x: number): number {
  const { xs, ys } = p;
  const n = xs.length;
  if (x >= xs[0] && x <= xs[n - 1]) return lookupArea(p, xs[0], x);
  if (x > xs[n - 1]) {
    const d = x - xs[n - 1];
    return lookupArea(p, xs[0], xs[n - 1]) + d * ys[n - 1] + (slope(p, x, true) * d * d) / 2;
  }
  const d = xs[0] - x;
  return -(d * ys[0] - (slope(p, x, true) * d * d) / 2);
}

function invertExtrapolated(p: TablePoints, y: number, missing: number): number {
  const inside = lookupInvert(p, y, NaN);
  if (!Number.isNaN(inside)) return inside;
  const { xs, ys } = p;
  const n = xs.length;
  const [s0, s1] = [slope(p, xs[0] - 1, true), slope(p, xs[n - 1] + 1, true)];
  const left = s0 !== 0 ? xs[0] + (y - ys[0]) / s0 : NaN;
  if (left < xs[0]) return left;
  const right = s1 !== 0 ? xs[n - 1] + (y - ys[n - 1]) / s1 : NaN;
  return right > xs[n - 1] ? right : missing;
}

/** vector_lookup(x, xmin, xmax, mode, missing, y_1 … y_n). */
export function vectorLookup(x: number, xmin: number, xmax: number, mode: number, missing: number, ...ys: number[]): number {
  const n = ys.length;
  if (n < 2 || !(xmax > xmin)) return NaN;
  const xs = Float64Array.from(ys, (_, i) => xmin + (i * (xmax - xmin)) / (n - 1));
  const p = tablePoints(xs, Float64Array.from(ys));
  switch (mode) {
    case 0: return p.read('continuous')(x);
    case 1: return lookupArea(p, xmin, x);
    case 2: return p.read('discrete')(x);
    case 3: return p.read('extrapolate')(x);
    case 4: return p.read('forward')(x);
    case 5: return lookupInvert(p, x, missing);
    case 6: return slope(p, x, false);
    case 7: return areaExtrapolated(p, x);
    case 8: return invertExtrapolated(p, x, missing);
    case 9: return slope(p, x, true);
    default: return NaN;
  }
}
