/**
 * Jacobians that straddle a switch. Rates built from if-then-else, min, max or abs are only
 * piecewise smooth; at a state on a switch the central difference averages two different
 * slopes and its eigenvalues belong to neither side. For each state variable x_j the one-sided
 * differences (f(x + h e_j) − f(x)) / h and (f(x) − f(x − h e_j)) / h are compared at two
 * steps, h and h/8: for smooth rates they differ by about h·f'' (so by 8 times less at h/8),
 * while across a switch they differ by the jump in slope whatever the step. A column is
 * straddled when the difference at h/8 is above 1e-4 of the entry's scale and has not shrunk
 * below half the difference at h.
 */
import { FD_STEP, type Field } from './newton.js';
import type { Matrix } from './linalg.js';

export interface JacobianSides {
  /** Central differences at the standard step (as jacobian() in newton.ts). */
  readonly central: Matrix;
  /** One-sided Jacobians: column j from above (x_j + h) and from below (x_j − h). */
  readonly above: Matrix;
  readonly below: Matrix;
  /** Columns (state variables) whose rates switch slope at x, each with the rows that do. */
  readonly straddled: readonly { readonly column: number; readonly rows: readonly number[] }[];
}

const SHRINK = 8;

export function jacobianSides(f: Field, x: readonly number[], scale: readonly number[]): JacobianSides {
  const n = x.length;
  const f0 = new Float64Array(n);
  f(x, f0);
  const sides = (h: readonly number[]) => {
    const above: Matrix = [], below: Matrix = [];
    for (let i = 0; i < n; i++) { above.push(new Array<number>(n).fill(0)); below.push(new Array<number>(n).fill(0)); }
    const xp = Float64Array.from(x), fp = new Float64Array(n), fm = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      xp[j] = x[j] + h[j]; f(xp, fp);
      xp[j] = x[j] - h[j]; f(xp, fm);
      xp[j] = x[j];
      for (let i = 0; i < n; i++) { above[i][j] = (fp[i] - f0[i]) / h[j]; below[i][j] = (f0[i] - fm[i]) / h[j]; }
    }
    return { above, below };
  };
  const h = x.map((v, j) => FD_STEP * Math.max(Math.abs(v), scale[j], 1e-8));
  const wide = sides(h);
  const narrow = sides(h.map((v) => v / SHRINK));
  // Scale of entry (i, j): the entry itself or the row's typical rate change over a scale step.
  const rowSize = wide.above.map((row, i) => Math.max(...row.map((a, j) => Math.max(Math.abs(a), Math.abs(wide.below[i][j])) * scale[j])));
  const straddled: { column: number; rows: number[] }[] = [];
  for (let j = 0; j < n; j++) {
    const rows: number[] = [];
    for (let i = 0; i < n; i++) {
      const dWide = Math.abs(wide.above[i][j] - wide.below[i][j]);
      const dNarrow = Math.abs(narrow.above[i][j] - narrow.below[i][j]);
      const size = Math.max(Math.abs(narrow.above[i][j]), Math.abs(narrow.below[i][j]), rowSize[i] / scale[j]);
      if (dNarrow > 1e-4 * size && dNarrow > 0.5 * dWide) rows.push(i);
    }
    if (rows.length) straddled.push({ column: j, rows });
  }
  const central = wide.above.map((row, i) => row.map((a, c) => (a + wide.below[i][c]) / 2));
  return { central, above: narrow.above, below: narrow.below, straddled };
}

/**
 * The one-sided Jacobians of every combination of sides in the straddled columns (2^k for k
 * columns, at most 2^MAX_SIDES), each labelled by the side taken per column; the other
 * columns are the central differences.
 */
export const MAX_SIDES = 6;

export function sideCombinations(j: JacobianSides): { sides: ('above' | 'below')[]; matrix: Matrix }[] {
  const cols = j.straddled.slice(0, MAX_SIDES).map((s) => s.column);
  const out: { sides: ('above' | 'below')[]; matrix: Matrix }[] = [];
  for (let m = 0; m < 1 << cols.length; m++) {
    const sides = cols.map((_, k) => ((m >> k) & 1 ? 'below' : 'above') as 'above' | 'below');
    const matrix = j.central.map((row, i) => row.map((a, c) => {
      const k = cols.indexOf(c);
      if (k < 0) return a;
      return sides[k] === 'below' ? j.below[i][c] : j.above[i][c];
    }));
    out.push({ sides, matrix });
  }
  return out;
}
