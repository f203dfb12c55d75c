/**
 * Dormand–Prince 5(4) ("DOPRI5", MATLAB's ode45): a 7-stage explicit Runge–Kutta pair that
 * advances with the 5th-order solution and uses the embedded 4th-order one only to estimate
 * the local error. The 7th stage is f at the new point, so it is reused as the 1st stage of
 * the next step (FSAL: six evaluations per accepted step).
 *
 * Sources: Dormand & Prince, "A family of embedded Runge–Kutta formulae", J. Comp. Appl.
 * Math. 6 (1980); coefficients, error norm, PI step-size controller (β = 0.04) and initial
 * step heuristic as in Hairer–Nørsett–Wanner, "Solving ODEs I", §II.4–II.5 and their code
 * DOPRI5.
 *
 * Why it is built this way: the engine calls advance() once per reporting interval, so the
 * stepper remembers its proposed step size (and the FSAL derivative, when the state it ends
 * on is handed back unchanged) between calls instead of restarting from a tiny step.
 */
import type { IntegratorOptions, OdeSystem, Stepper } from '../types.js';
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

// Butcher tableau (c, a) and 5th-order weights b (= row 7 of a).
const C2 = 1 / 5, C3 = 3 / 10, C4 = 4 / 5, C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40, A32 = 9 / 40;
const A41 = 44 / 45, A42 = -56 / 15, A43 = 32 / 9;
const A51 = 19372 / 6561, A52 = -25360 / 2187, A53 = 64448 / 6561, A54 = -212 / 729;
const A61 = 9017 / 3168, A62 = -355 / 33, A63 = 46732 / 5247, A64 = 49 / 176, A65 = -5103 / 18656;
const B1 = 35 / 384, B3 = 500 / 1113, B4 = 125 / 192, B5 = -2187 / 6784, B6 = 11 / 84;
// Error weights b − b̂ (5th minus embedded 4th order).
const E1 = 71 / 57600, E3 = -71 / 16695, E4 = 71 / 1920, E5 = -17253 / 339200, E6 = 22 / 525, E7 = -1 / 40;

// PI controller constants from DOPRI5: h_new = h · safe · err^(−α) · errOld^β, clamped.
const BETA = 0.04;
const ALPHA = 0.2 - 0.75 * BETA;
const SAFE = 0.9;
const MIN_FACTOR = 0.2;
const MAX_FACTOR = 10;

class DormandPrinceStepper implements Stepper {
  private readonly n: number;
  private readonly rtol: number;
  private readonly atol: number;
  private k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly k5: Float64Array;
  private readonly k6: Float64Array;
  private k7: Float64Array;
  private readonly ys: Float64Array;
  private readonly yNew: Float64Array;
  private readonly err: Float64Array;
  /** Where the last advance() ended, to decide whether k1 (FSAL) is still valid. */
  private readonly yLast: Float64Array;
  private tLast = NaN;
  private fsalValid = false;
  /** Step size magnitude proposed by the controller; 0 = none yet (choose one). */
  private hNext = 0;
  private errOld = 1e-4;

  constructor(private readonly system: OdeSystem, options: IntegratorOptions) {
    const n = (this.n = system.size);
    this.rtol = options.rtol;
    this.atol = options.atol;
    const buf = (): Float64Array => new Float64Array(n);
    this.k1 = buf(); this.k2 = buf(); this.k3 = buf(); this.k4 = buf();
    this.k5 = buf(); this.k6 = buf(); this.k7 = buf();
    this.ys = buf(); this.yNew = buf(); this.err = buf(); this.yLast = buf();
  }

  advance(t0: number, y: Float64Array, h: number): number {
    if (h === 0) return 0;
    const { system, n, rtol, atol, k2, k3, k4, k5, k6, ys, yNew, err } = this;
    const tEnd = t0 + h;
    const dir = h > 0 ? 1 : -1;
    const span = Math.abs(h);
    let evals = 0;

    if (!this.resumesFrom(t0, y)) {
      system.derivatives(t0, y, this.k1);
      evals++;
    }
    if (hasNonFinite(y) || hasNonFinite(this.k1)) {
      propagateNonFinite(y, this.k1, h);
      this.fsalValid = false;
      return evals;
    }
    let hs = this.hNext;
    if (!(hs > 0)) {
      hs = initialStep(system, t0, y, this.k1, span, dir, 5, rtol, atol, ys, k2);
      evals++;
    }

    let t = t0;
    let attempts = 0;
    let rejected = false;
    for (;;) {
      if (++attempts > MAX_INTERNAL_STEPS) throw tooManySteps('rk45', t0, h);
      // Land exactly on tEnd; stretch by up to 1% rather than leave a sliver behind.
      const remaining = Math.abs(tEnd - t);
      const last = hs * 1.01 >= remaining;
      const hAbs = last ? remaining : hs;
      const dt = dir * hAbs;
      const tNew = last ? tEnd : t + dt;
      const k1 = this.k1;
      const k7 = this.k7;

      for (let i = 0; i < n; i++) ys[i] = y[i] + dt * A21 * k1[i];
      system.derivatives(t + C2 * dt, ys, k2);
      for (let i = 0; i < n; i++) ys[i] = y[i] + dt * (A31 * k1[i] + A32 * k2[i]);
      system.derivatives(t + C3 * dt, ys, k3);
      for (let i = 0; i < n; i++) ys[i] = y[i] + dt * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
      system.derivatives(t + C4 * dt, ys, k4);
      for (let i = 0; i < n; i++) {
        ys[i] = y[i] + dt * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
      }
      system.derivatives(t + C5 * dt, ys, k5);
      for (let i = 0; i < n; i++) {
        ys[i] = y[i] + dt * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
      }
      system.derivatives(t + dt, ys, k6);
      for (let i = 0; i < n; i++) {
        yNew[i] = y[i] + dt * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
      }
      system.derivatives(tNew, yNew, k7);
      evals += 6;
      for (let i = 0; i < n; i++) {
        err[i] = dt * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
      }
      const e = errorNorm(err, y, yNew, rtol, atol);

      if (e <= 1) {
        for (let i = 0; i < n; i++) y[i] = yNew[i];
        // FSAL: the last stage is the next step's first. Swap buffers (no copying).
        this.k1 = k7;
        this.k7 = k1;
        let factor = (SAFE * Math.pow(this.errOld, BETA)) / Math.pow(e, ALPHA);
        factor = Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, factor));
        if (rejected) factor = Math.min(1, factor);
        this.errOld = Math.max(e, 1e-4);
        rejected = false;
        const proposed = hAbs * factor;
        if (last) {
          // A step shortened to hit tEnd says little about the natural step size.
          hs = hAbs < hs ? Math.max(hs, proposed) : proposed;
          break;
        }
        t = tNew;
        hs = proposed;
        if (hs < MIN_STEP_FRACTION * span) throw stepTooSmall('rk45', t, hs, h);
      } else {
        // NaN/Infinity in a trial stage (e.g. overflow from too long a step) counts as a
        // rejection with the largest reduction.
        const factor = e < Infinity ? Math.max(MIN_FACTOR, SAFE * Math.pow(e, -ALPHA)) : MIN_FACTOR;
        hs = hAbs * Math.min(1, factor);
        rejected = true;
        if (hs < MIN_STEP_FRACTION * span || t + dir * hs === t) throw stepTooSmall('rk45', t, hs, h);
      }
    }

    this.hNext = hs;
    this.tLast = tEnd;
    for (let i = 0; i < n; i++) this.yLast[i] = y[i];
    this.fsalValid = true;
    return evals;
  }

  /** True when k1 already holds f(t0, y) from the end of the previous advance(). */
  private resumesFrom(t0: number, y: Float64Array): boolean {
    if (!this.fsalValid || t0 !== this.tLast) return false;
    const last = this.yLast;
    for (let i = 0; i < this.n; i++) if (y[i] !== last[i]) return false;
    return true;
  }
}

export const rk45: RegisteredIntegrator = {
  name: 'rk45',
  aliases: ['dopri', 'dormand-prince'],
  order: 5,
  adaptive: true,
  description: 'Dormand–Prince 5(4), adaptive step with PI control (rtol/atol), FSAL.',
  create(system: OdeSystem, options: IntegratorOptions): Stepper {
    checkOptions('rk45', options);
    return new DormandPrinceStepper(system, options);
  },
};
