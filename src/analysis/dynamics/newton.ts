/**
 * Jacobians by central finite differences on the compiled derivative function, and damped
 * Newton iteration towards a zero of the rates.
 */
import { norm, solve, type Matrix } from './linalg.js';

/** A vector field f: R^n → R^n (writes into out). */
export type Field = (x: ArrayLike<number>, out: Float64Array) => void;

/**
 * Relative finite-difference step. Central differences have truncation error O(h²) and
 * rounding error O(ε/h); h = ε^(1/3) ≈ 6e-6 balances them, giving about 10 correct digits
 * for smooth rates (Nocedal & Wright, Numerical Optimization, 2nd ed., §8.1).
 */
export const FD_STEP = 6e-6;

/** ∂f_i/∂x_j by central differences; `scale[j]` is the typical size of x_j. */
export function jacobian(f: Field, x: readonly number[], scale: readonly number[]): Matrix {
  const n = x.length;
  const J: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const xp = Float64Array.from(x), fp = new Float64Array(n), fm = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const h = FD_STEP * Math.max(Math.abs(x[j]), scale[j], 1e-8);
    xp[j] = x[j] + h; f(xp, fp);
    xp[j] = x[j] - h; f(xp, fm);
    xp[j] = x[j];
    for (let i = 0; i < n; i++) J[i][j] = (fp[i] - fm[i]) / (2 * h);
  }
  return J;
}

export interface NewtonOptions {
  readonly scale: readonly number[];
  /** Residual size that counts as zero (absolute, in the rates' units). */
  readonly ftol: number;
  readonly maxIterations?: number;
}

/** Damped Newton from x0; the root, or undefined when it stalls, diverges or meets a singular Jacobian. */
export function newton(f: Field, x0: readonly number[], o: NewtonOptions): number[] | undefined {
  const n = x0.length;
  let x = [...x0];
  const fx = new Float64Array(n), ft = new Float64Array(n);
  f(x, fx);
  let r = norm(Array.from(fx));
  for (let it = 0; it < (o.maxIterations ?? 60); it++) {
    if (!Number.isFinite(r)) return undefined;
    const J = jacobian(f, x, o.scale);
    const step = solve(J, Array.from(fx, (v) => -v)) ?? leastSquaresStep(J, fx);
    if (!step) return r <= o.ftol ? x : undefined;
    let alpha = 1, accepted = false;
    while (alpha >= 1 / 1024) {
      const xt = x.map((v, i) => v + alpha * step[i]);
      f(xt, ft);
      const rt = norm(Array.from(ft));
      if (Number.isFinite(rt) && (rt <= (1 - alpha / 4) * r || rt <= o.ftol)) {
        x = xt; fx.set(ft); r = rt; accepted = true;
        break;
      }
      alpha /= 2;
    }
    if (!accepted) return r <= o.ftol ? x : undefined;
    const small = step.every((s, i) => Math.abs(alpha * s) <= 1e-10 * Math.max(Math.abs(x[i]), o.scale[i]));
    if (small && r <= o.ftol) return x;
  }
  return r <= o.ftol ? x : undefined;
}

/**
 * A regularised Gauss–Newton step (Levenberg 1944) for a singular Jacobian: stocks whose
 * rates are identically zero (switched-off inflows) or lines of equilibria make J singular,
 * yet a root still exists; (JᵀJ + μI) δ = −Jᵀf with μ = 1e-10 of the largest diagonal entry
 * moves only along the directions the rates depend on.
 */
function leastSquaresStep(J: Matrix, f: Float64Array): number[] | undefined {
  const n = J.length;
  const A: Matrix = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => {
    let s = 0;
    for (let k = 0; k < n; k++) s += J[k][i] * J[k][j];
    return s;
  }));
  const mu = 1e-10 * Math.max(1e-300, ...A.map((row, i) => row[i]));
  A.forEach((row, i) => { row[i] += mu; });
  const b = Array.from({ length: n }, (_, i) => { let s = 0; for (let k = 0; k < n; k++) s -= J[k][i] * f[k]; return s; });
  return solve(A, b);
}
