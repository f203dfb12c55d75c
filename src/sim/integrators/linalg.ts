/**
 * Dense LU factorisation with partial (row) pivoting, and the matching triangular solve.
 *
 * Why our own: the Rosenbrock integrator solves one small dense linear system per stage
 * (stock-and-flow models rarely have more than a few hundred stocks), and it must do so
 * without allocating on the hot path. Matrices are row-major `Float64Array`s of n×n
 * entries, factored in place (Doolittle form: unit lower triangle below the diagonal,
 * U on and above it), with the row permutation kept in an `Int32Array`.
 * Algorithm: outer-product Gaussian elimination with partial pivoting, as in Golub & Van Loan,
 * "Matrix Computations", 4th ed., §3.4.
 */

/**
 * Factors the n×n row-major matrix `a` in place as P·A = L·U and records in `pivot[k]` the
 * row swapped with row k at elimination step k. Returns false when a pivot is exactly zero
 * or not finite (matrix singular to working precision, or poisoned by NaN/Infinity); the
 * contents of `a` are then unspecified and must not be passed to `luSolve`.
 */
export function luFactor(a: Float64Array, n: number, pivot: Int32Array): boolean {
  for (let k = 0; k < n; k++) {
    // Choose the largest remaining entry of column k as pivot (bounds the growth of L).
    let p = k;
    let max = Math.abs(a[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]);
      if (v > max) {
        max = v;
        p = i;
      }
    }
    pivot[k] = p;
    if (!(max > 0) || max === Infinity) return false; // also catches NaN
    if (p !== k) {
      const rp = p * n;
      const rk = k * n;
      for (let j = 0; j < n; j++) {
        const tmp = a[rk + j];
        a[rk + j] = a[rp + j];
        a[rp + j] = tmp;
      }
    }
    const rk = k * n;
    const inv = 1 / a[rk + k];
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const l = a[ri + k] * inv;
      a[ri + k] = l;
      if (l !== 0) {
        for (let j = k + 1; j < n; j++) a[ri + j] -= l * a[rk + j];
      }
    }
  }
  return true;
}

/**
 * Solves A·x = b in place (b is overwritten by x) using the factors from `luFactor`.
 * Allocation-free; O(n²).
 */
export function luSolve(lu: Float64Array, n: number, pivot: Int32Array, b: Float64Array): void {
  // Apply the row permutation and forward-substitute with the unit lower triangle.
  for (let k = 0; k < n; k++) {
    const p = pivot[k];
    if (p !== k) {
      const tmp = b[k];
      b[k] = b[p];
      b[p] = tmp;
    }
  }
  for (let i = 1; i < n; i++) {
    const ri = i * n;
    let s = b[i];
    for (let j = 0; j < i; j++) s -= lu[ri + j] * b[j];
    b[i] = s;
  }
  // Back-substitute with the upper triangle.
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= lu[ri + j] * b[j];
    b[i] = s / lu[ri + i];
  }
}
