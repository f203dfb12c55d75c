/**
 * Folds (saddle-nodes) and Hopf points on a traced branch, detected by sign changes of test
 * functions between consecutive points and located by bisection on the arclength from the
 * earlier point (each trial point corrected back onto the curve):
 * - fold: the parameter component of the tangent, which is zero where the branch turns
 *   (there p is extremal, so p is located far better than the arclength);
 * - Hopf: the real part of the complex-conjugate eigenvalue pair nearest the imaginary axis
 *   (a pair of real eigenvalues ±λ, a neutral saddle, is not a Hopf point and is skipped).
 * Bisection stops when the arclength bracket is below 1e-11 (scaled), which puts the
 * parameter within 1e-6 of the root with ample margin for any branch whose p changes by
 * less than 1e5 per unit of scaled arclength.
 */
import { arclength, correct, type CurvePoint, type Family } from './continuation.js';

export interface Bifurcation {
  readonly kind: 'fold' | 'hopf';
  readonly point: CurvePoint;
  /** Index of the branch point after which it lies. */
  readonly index: number;
  /** Hopf: the angular frequency |Im λ| at the crossing (radians per time unit). */
  readonly frequency?: number;
}

/** The parameter component of the tangent. */
const foldTest = (c: CurvePoint) => c.tangent[c.tangent.length - 1];

/** Real part of the complex pair closest to the imaginary axis; undefined when all are real. */
export function hopfTest(c: CurvePoint): number | undefined {
  const radius = Math.max(1e-12, ...c.eigenvalues.map(([re, im]) => Math.hypot(re, im)));
  const complex = c.eigenvalues.filter(([, im]) => Math.abs(im) > 1e-6 * radius);
  if (!complex.length) return undefined;
  return complex.reduce((best, [re]) => (Math.abs(re) < Math.abs(best) ? re : best), complex[0][0]);
}

export function bifurcations(f: Family, points: readonly CurvePoint[], ftol: number): Bifurcation[] {
  const out: Bifurcation[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k], b = points[k + 1];
    if (Math.sign(foldTest(a)) !== Math.sign(foldTest(b))) {
      const p = locate(f, a, b, foldTest, ftol);
      if (p) out.push({ kind: 'fold', point: p, index: k });
    }
    const ha = hopfTest(a), hb = hopfTest(b);
    if (ha !== undefined && hb !== undefined && Math.sign(ha) !== Math.sign(hb)) {
      const p = locate(f, a, b, (c) => hopfTest(c) ?? Number.NaN, ftol);
      if (p) out.push({ kind: 'hopf', point: p, index: k, frequency: Math.max(...p.eigenvalues.map(([, im]) => Math.abs(im))) });
    }
  }
  return out;
}

function locate(f: Family, a: CurvePoint, b: CurvePoint, test: (c: CurvePoint) => number, ftol: number): CurvePoint | undefined {
  let lo = 0, hi = arclength(f, a, b);
  const signA = Math.sign(test(a));
  let best: CurvePoint = b;
  for (let it = 0; it < 80 && hi - lo > 1e-11; it++) {
    const mid = (lo + hi) / 2;
    const c = correct(f, a, mid, ftol);
    if (!c) return undefined;
    const v = test(c);
    if (Number.isNaN(v)) return undefined;
    best = c;
    if (Math.sign(v) === signA) lo = mid; else hi = mid;
  }
  return best;
}
