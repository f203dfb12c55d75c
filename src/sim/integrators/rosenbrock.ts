/**
 * RODAS3: a 4-stage, order-3, stiffly accurate and L-stable Rosenbrock method with an
 * embedded order-2 solution for error control (3 new derivative evaluations per step plus
 * the Jacobian). For stiff models — fast and slow time constants together, e.g. a
 * thermostat next to a decades-long stock — explicit methods need steps shorter than the
 * fastest time constant to stay stable; this one only needs them short enough for accuracy,
 * and L-stability makes infinitely fast modes decay in one step instead of ringing.
 *
 * Each step solves, with W = I/(h·γ) − J, J = ∂f/∂y(t, y) and f_t = ∂f/∂t(t, y),
 *   W·U_i = f(t + α_i h, y + Σ_{j<i} a_ij U_j) + Σ_{j<i} (c_ij / h)·U_j + h·γ_i·f_t,
 *   y_new = y + Σ m_i U_i,   error estimate = Σ e_i U_i,
 * the "U-form" of Hairer–Wanner, "Solving ODEs II: Stiff and Differential-Algebraic
 * Problems", §IV.7, which needs only one LU factorisation of W per step.
 * Coefficients: Sandu, Verwer, Blom, Spee, Carmichael & Potra, "Benchmarking stiff ODE
 * solvers for atmospheric chemistry problems II: Rosenbrock solvers", Atmos. Environ. 31
 * (1997) — the same table KPP ships as `Rodas3`.
 *
 * J and f_t come from forward differences of system.derivatives (n + 1 evaluations per
 * step; the model compiler does not provide derivatives). When a step is rejected the same
 * J is reused and only W is refactored. Linear algebra: ./linalg.ts.
 */
import type { IntegratorOptions, OdeSystem, Stepper } from '../types.js';
import { luFactor, luSolve } from './linalg.js';
import {
  MAX_INTERNAL_STEPS,
  MIN_STEP_FRACTION,
  checkOptions,
  errorNorm,
  hasNonFinite,
  initialStep,
  propagateNonFinite,
  stepTooSmall,
  tooManySteps,
  type RegisteredIntegrator,
} from './shared.js';

const STAGES = 4;
const GAMMA = 0.5;
/** Strictly lower-triangular a_ij and c_ij, row-wise: entry (i, j<i) at i(i−1)/2 + j. */
const A = Float64Array.of(0, 2, 0, 2, 0, 1);
const C = Float64Array.of(4, 1, -1, 1, -1, -8 / 3);
const M = Float64Array.of(2, 0, 1, 1);
const E = Float64Array.of(0, 0, 0, 1);
const ALPHA = Float64Array.of(0, 0, 1, 1);
const GAMMA_SUM = Float64Array.of(0.5, 1.5, 0, 0);
/** Stage 2 is evaluated at the step's start point, so it reuses f(t, y). */
const NEW_F = [true, false, true, true] as const;
/** Local order of the error estimate (embedded order 2, plus one). */
const ERR_ORDER = 3;

const SAFE = 0.9;
const MIN_FACTOR = 0.2;
const MAX_FACTOR = 6;
const SQRT_EPS = Math.sqrt(Number.EPSILON);

class RosenbrockStepper implements Stepper {
  private readonly n: number;
  private readonly rtol: number;
  private readonly atol: number;
  private readonly f0: Float64Array;
  private readonly fs: Float64Array;
  private readonly ft: Float64Array;
  private readonly ys: Float64Array;
  private readonly yNew: Float64Array;
  private readonly err: Float64Array;
  private readonly u: Float64Array[];
  private readonly jac: Float64Array;
  private readonly w: Float64Array;
  private readonly pivot: Int32Array;
  /** Step size magnitude proposed by the controller; 0 = none yet. */
  private hNext = 0;

  constructor(private readonly system: OdeSystem, options: IntegratorOptions) {
    const n = (this.n = system.size);
    this.rtol = options.rtol;
    this.atol = options.atol;
    const buf = (): Float64Array => new Float64Array(n);
    this.f0 = buf(); this.fs = buf(); this.ft = buf();
    this.ys = buf(); this.yNew = buf(); this.err = buf();
    this.u = [];
    for (let s = 0; s < STAGES; s++) this.u.push(buf());
    this.jac = new Float64Array(n * n);
    this.w = new Float64Array(n * n);
    this.pivot = new Int32Array(n);
  }

  advance(t0: number, y: Float64Array, h: number): number {
    if (h === 0) return 0;
    const { system, n, rtol, atol, f0, ys, yNew, err, u } = this;
    const tEnd = t0 + h;
    const dir = h > 0 ? 1 : -1;
    const span = Math.abs(h);
    let evals = 0;
    let hs = this.hNext;
    let t = t0;
    let attempts = 0;
    let rejected = false;
    let done = false;

    while (!done) {
      // A new step from (t, y): derivative, Jacobian and time derivative there.
      system.derivatives(t, y, f0);
      evals++;
      if (hasNonFinite(y) || hasNonFinite(f0)) {
        propagateNonFinite(y, f0, tEnd - t);
        return evals;
      }
      if (!(hs > 0)) {
        hs = initialStep(system, t, y, f0, span, dir, ERR_ORDER, rtol, atol, ys, this.fs);
        evals++;
      }
      evals += this.differentiate(t, y, dir, span, tEnd);

      for (;;) {
        if (++attempts > MAX_INTERNAL_STEPS) throw tooManySteps('rosenbrock', t0, h);
        const remaining = Math.abs(tEnd - t);
        const last = hs * 1.01 >= remaining;
        const hAbs = last ? remaining : hs;
        const dt = dir * hAbs;

        if (!this.factorW(dt)) {
          // W singular (1/(hγ) hit an eigenvalue of J): a shorter step moves it away.
          hs = hAbs * 0.5;
          rejected = true;
          if (hs < MIN_STEP_FRACTION * span) throw stepTooSmall('rosenbrock', t, hs, h);
          continue;
        }
        evals += this.stages(t, y, dt);
        for (let i = 0; i < n; i++) {
          let yi = y[i];
          let ei = 0;
          for (let s = 0; s < STAGES; s++) {
            yi += M[s] * u[s][i];
            ei += E[s] * u[s][i];
          }
          yNew[i] = yi;
          err[i] = ei;
        }
        const e = errorNorm(err, y, yNew, rtol, atol);

        if (e <= 1) {
          for (let i = 0; i < n; i++) y[i] = yNew[i];
          let factor = Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, SAFE * Math.pow(e, -1 / ERR_ORDER)));
          if (rejected) factor = Math.min(1, factor);
          rejected = false;
          const proposed = hAbs * factor;
          if (last) {
            // A step shortened to hit tEnd says little about the natural step size.
            hs = hAbs < hs ? Math.max(hs, proposed) : proposed;
            done = true;
          } else {
            t += dt;
            hs = proposed;
            if (hs < MIN_STEP_FRACTION * span) throw stepTooSmall('rosenbrock', t, hs, h);
          }
          break; // next step needs a fresh Jacobian
        }
        // Rejected (NaN/Infinity in a trial stage counts as the worst case): same J, shorter h.
        const factor = e < Infinity ? Math.max(MIN_FACTOR, SAFE * Math.pow(e, -1 / ERR_ORDER)) : MIN_FACTOR;
        hs = hAbs * Math.min(1, factor);
        rejected = true;
        if (hs < MIN_STEP_FRACTION * span || t + dir * hs === t) throw stepTooSmall('rosenbrock', t, hs, h);
      }
    }
    this.hNext = hs;
    return evals;
  }

  /**
   * Forward-difference J = ∂f/∂y (column j from perturbing y_j by
   * δ_j = √(ε·max(1e−5, y_j²)), as in Hairer's RODAS) and f_t = ∂f/∂t (δ = √ε·max(|t|, |h|)).
   * Expects f0 = f(t, y). Returns the number of derivative evaluations (n + 1).
   */
  private differentiate(t: number, y: Float64Array, dir: number, span: number, tEnd: number): number {
    const { system, n, f0, fs, ft, ys, jac } = this;
    for (let i = 0; i < n; i++) ys[i] = y[i];
    for (let j = 0; j < n; j++) {
      const yj = ys[j];
      const delta = (yj + SQRT_EPS * Math.max(3.1622776601683795e-3, Math.abs(yj))) - yj; // exact
      ys[j] = yj + delta;
      system.derivatives(t, ys, fs);
      ys[j] = yj;
      const inv = 1 / delta;
      for (let i = 0; i < n; i++) jac[i * n + j] = (fs[i] - f0[i]) * inv;
    }
    // Difference towards tEnd, or away from it if that would overshoot (never evaluate past).
    let dtt = dir * SQRT_EPS * Math.max(Math.abs(t), span);
    if (dir * (t + dtt - tEnd) > 0) dtt = -dtt;
    dtt = t + dtt - t; // exactly representable
    system.derivatives(t + dtt, y, fs);
    const inv = 1 / dtt;
    for (let i = 0; i < n; i++) ft[i] = (fs[i] - f0[i]) * inv;
    return n + 1;
  }

  /** Forms W = I/(dt·γ) − J and factors it in place; false if singular. */
  private factorW(dt: number): boolean {
    const { n, jac, w } = this;
    const d = 1 / (dt * GAMMA);
    for (let k = 0; k < n * n; k++) w[k] = -jac[k];
    for (let i = 0; i < n; i++) w[i * n + i] += d;
    return luFactor(w, n, this.pivot);
  }

  /** Computes the stage increments U_1..U_4 (needs f0, ft, W factored). Returns evaluations. */
  private stages(t: number, y: Float64Array, dt: number): number {
    const { system, n, f0, fs, ft, ys, u, w, pivot } = this;
    let evals = 0;
    let f = f0;
    for (let s = 0; s < STAGES; s++) {
      const off = (s * (s - 1)) / 2;
      if (s > 0 && NEW_F[s]) {
        for (let i = 0; i < n; i++) {
          let acc = y[i];
          for (let j = 0; j < s; j++) acc += A[off + j] * u[j][i];
          ys[i] = acc;
        }
        system.derivatives(t + ALPHA[s] * dt, ys, fs);
        evals++;
        f = fs;
      }
      const us = u[s];
      const hg = dt * GAMMA_SUM[s];
      for (let i = 0; i < n; i++) {
        let acc = f[i] + hg * ft[i];
        for (let j = 0; j < s; j++) acc += (C[off + j] / dt) * u[j][i];
        us[i] = acc;
      }
      luSolve(w, n, pivot, us);
    }
    return evals;
  }
}

export const rosenbrock: RegisteredIntegrator = {
  name: 'rosenbrock',
  aliases: ['stiff', 'gear'],
  order: 3,
  adaptive: true,
  description: 'RODAS3 Rosenbrock method for stiff models: L-stable, order 3(2), adaptive step.',
  create(system: OdeSystem, options: IntegratorOptions): Stepper {
    checkOptions('rosenbrock', options);
    return new RosenbrockStepper(system, options);
  },
};
