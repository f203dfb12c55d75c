/**
 * Small dense linear algebra for the dynamics analysis: matrices are row-major arrays of
 * rows (n is the number of stocks, tens at most), so clarity wins over blocking.
 */

export type Matrix = number[][];

/**
 * Solves A x = b by Gaussian elimination with partial pivoting; undefined when A is
 * singular to working precision (a pivot below 1e-14 of the largest entry).
 */
export function solve(A: Matrix, b: readonly number[]): number[] | undefined {
  const n = b.length;
  const m = A.map((row, i) => [...row, b[i]]);
  const scale = Math.max(1e-300, ...A.flat().map(Math.abs));
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i][k]) > Math.abs(m[p][k])) p = i;
    if (!(Math.abs(m[p][k]) > 1e-14 * scale)) return undefined;
    [m[k], m[p]] = [m[p], m[k]];
    for (let i = k + 1; i < n; i++) {
      const f = m[i][k] / m[k][k];
      if (f !== 0) for (let j = k; j <= n; j++) m[i][j] -= f * m[k][j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = m[i][n];
    for (let j = i + 1; j < n; j++) s -= m[i][j] * x[j];
    x[i] = s / m[i][i];
  }
  return x.every(Number.isFinite) ? x : undefined;
}

/** Determinant by elimination with partial pivoting. */
export function determinant(A: Matrix): number {
  const n = A.length;
  const m = A.map((row) => [...row]);
  let det = 1;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i][k]) > Math.abs(m[p][k])) p = i;
    if (m[p][k] === 0) return 0;
    if (p !== k) { [m[k], m[p]] = [m[p], m[k]]; det = -det; }
    det *= m[k][k];
    for (let i = k + 1; i < n; i++) {
      const f = m[i][k] / m[k][k];
      for (let j = k; j < n; j++) m[i][j] -= f * m[k][j];
    }
  }
  return det;
}

export function norm(x: readonly number[]): number {
  let s = 0;
  for (const v of x) s += v * v;
  return Math.sqrt(s);
}

export function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * A unit vector spanning the null space of an n × (n+1) matrix of full rank n: the
 * tangent of a solution curve of n equations in n + 1 unknowns. Its components are the
 * signed n × n minors (Cramer), computed as the solution of the system bordered by `hint`
 * (the previous tangent), which also fixes the orientation: the result points along hint.
 */
export function nullVector(A: Matrix, hint: readonly number[]): number[] | undefined {
  const n = A.length;
  const bordered = [...A.map((r) => [...r]), [...hint]];
  const rhs = new Array<number>(n + 1).fill(0);
  rhs[n] = 1;
  const t = solve(bordered, rhs);
  if (!t) return undefined;
  const len = norm(t);
  return t.map((v) => v / len);
}
