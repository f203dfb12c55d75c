/**
 * Vensim's "RK4 Auto" and "RK2 Auto": the fixed-step Runge–Kutta methods (rk4.ts, and
 * midpoint.ts, Vensim's half-stepping RK2)
 * with automatic step-size control, TIME STEP being the largest step.
 *
 * What Vensim documents (Vensim Help, "Selecting an Integration Technique", "TIME STEP",
 * "Special Model Variables" / "Acceptable Integration Errors"):
 * - RK4 Auto and RK2 Auto are 4th/2nd order Runge–Kutta "with automatic adjustment of the
 *   step size to ensure accuracy"; Vensim "will automatically determine how small it needs
 *   to make TIME STEP in order to achieve the desired accuracy or issue an error if it is
 *   unable to do so". So TIME STEP is the largest step, and also the grid of the run: values
 *   are computed and saved at the TIME STEP (and SAVEPER) times themselves.
 * - The step is decreased until, for every level, the error of its computation is less than
 *   ABSOLUTE TOLERANCE or RELATIVE TOLERANCE × the level's base value; both default to 0.001.
 *
 * What it does not say, and what is chosen here:
 * - The error estimate: step doubling (Richardson). From each point the method takes one step
 *   of h and, separately, two of h/2; the error of the one step is estimated as
 *   |two halves − one step| · 2^p / (2^p − 1) (p = 4 or 2), the standard estimate for a
 *   method without an embedded pair (Hairer–Nørsett–Wanner, "Solving ODEs I", §II.4;
 *   Press et al., "Numerical Recipes", §16.2). When it is within tolerance the one step is
 *   kept, so a TIME STEP that is already accurate gives exactly the fixed-step answer.
 * - The base value of a level is its value at the start of the step.
 * - Steps are TIME STEP / 2^k, so every TIME STEP boundary is hit exactly; k grows by one on a
 *   rejected step and shrinks by one (the step doubles) after a step whose error was under
 *   1/2^(p+1) of the tolerance, when the doubled step still lands on the grid. k carries
 *   over from one TIME STEP to the next.
 * - It gives up (an error naming the time) below TIME STEP · 2^−40 (about 1e−12 of it,
 *   shared.ts MIN_STEP_FRACTION).
 * - Vensim "holds all exogenous and test inputs (STEP, PULSE and RAMP) constant over the
 *   integration interval" (Vensim Help, "Runge-Kutta Integration"): these methods declare
 *   `holdsInputs`, so the engine holds STEP, RAMP, PULSE and PULSE TRAIN at their value at the
 *   start of each TIME STEP through every sub-step, and a switch at a TIME STEP boundary takes
 *   effect at that boundary with no step shortened before it.
 */
import type { IntegratorOptions, OdeSystem, Stepper } from '../types.js';
import { midpoint } from './midpoint.js';
import { rk4 } from './rk4.js';
import {
  MAX_INTERNAL_STEPS,
  MIN_STEP_FRACTION,
  checkOptions,
  hasNonFinite,
  propagateNonFinite,
  stepTooSmall,
  tooManySteps,
  type RegisteredIntegrator,
} from './shared.js';

/** Halvings before giving up: the first power of two under the adaptive methods' MIN_STEP_FRACTION (1e−12 → 40, 2^−40 ≈ 9e−13). */
const MAX_LEVEL = Math.ceil(-Math.log2(MIN_STEP_FRACTION));

/** Vensim's defaults of ABSOLUTE TOLERANCE and RELATIVE TOLERANCE (Vensim Help, "Special Model Variables"). */
export const VENSIM_TOLERANCES = { rtol: 0.001, atol: 0.001 } as const;

class AutoStepper implements Stepper {
  private readonly f0: Float64Array;
  private readonly one: Float64Array;
  private readonly two: Float64Array;
  /** Halvings of the step in use: the step is h / 2^level. Kept between calls. */
  private level = 0;
  /** 2^p − 1 and the error share under which the step may double. */
  private readonly richardson: number;
  private readonly growBelow: number;

  constructor(
    private readonly name: string,
    private readonly system: OdeSystem,
    private readonly base: Stepper,
    order: number,
    private readonly options: IntegratorOptions,
  ) {
    const n = system.size;
    this.f0 = new Float64Array(n);
    this.one = new Float64Array(n);
    this.two = new Float64Array(n);
    this.richardson = 2 ** order - 1;
    this.growBelow = 2 ** -(order + 1);
  }

  advance(t0: number, y: Float64Array, h: number): number {
    if (h === 0) return 0;
    const { system, base, f0, one, two, name } = this;
    let evals = 0;
    // Position on the grid of h/2^level: `done` steps of that size taken so far.
    let done = 0;
    for (let attempts = 0; ; attempts++) {
      if (attempts > MAX_INTERNAL_STEPS) throw tooManySteps(name, t0, h);
      const parts = 2 ** this.level;
      if (done >= parts) return evals;
      const hs = h / parts;
      const t = t0 + done * hs;
      system.derivatives(t, y, f0);
      evals++;
      if (hasNonFinite(y) || hasNonFinite(f0)) {
        propagateNonFinite(y, f0, t0 + h - t);
        return evals;
      }
      one.set(y);
      evals += base.advance(t, one, hs, f0);
      two.set(y);
      evals += base.advance(t, two, hs / 2, f0);
      evals += base.advance(t + hs / 2, two, hs / 2);
      const worst = this.worstError(y);
      if (worst <= 1) {
        y.set(one);
        done++;
        // Double the step when it was well within tolerance and the grid allows it.
        if (worst <= this.growBelow && this.level > 0 && done % 2 === 0) {
          this.level--;
          done /= 2;
        }
      } else {
        if (this.level >= MAX_LEVEL) throw stepTooSmall(name, t, hs / 2, h);
        this.level++;
        done *= 2;
      }
    }
  }

  /**
   * The largest ratio error / allowance over the levels, where the error is the Richardson
   * estimate for the one-step value and the allowance max(atol, rtol·|base value|) (Vensim:
   * within ABSOLUTE TOLERANCE or within RELATIVE TOLERANCE × base). NaN counts as too large.
   */
  private worstError(y0: Float64Array): number {
    const { one, two, richardson } = this;
    const { rtol, atol } = this.options;
    let worst = 0;
    for (let i = 0; i < y0.length; i++) {
      const err = (Math.abs(two[i] - one[i]) * (richardson + 1)) / richardson;
      const allowed = Math.max(atol, rtol * Math.abs(y0[i]));
      const r = err === 0 ? 0 : err / allowed;
      if (!(r <= worst)) worst = Number.isNaN(r) ? Infinity : r;
    }
    return worst;
  }
}

function autoVariant(base: RegisteredIntegrator, name: string, aliases: string[], vensim: string): RegisteredIntegrator {
  return {
    name,
    aliases,
    order: base.order,
    adaptive: true,
    holdsInputs: true,
    tolerances: VENSIM_TOLERANCES,
    description: `Vensim's ${vensim}: ${base.name} with step halving under error control (ABSOLUTE/RELATIVE TOLERANCE, default 0.001), dt the largest step.`,
    create(system: OdeSystem, options: IntegratorOptions): Stepper {
      checkOptions(name, options);
      return new AutoStepper(name, system, base.create(system, options), base.order, options);
    },
  };
}

export const rk4Auto = autoVariant(rk4, 'rk4-auto', ['rk4auto', 'runge-kutta-auto'], 'RK4 Auto');
export const rk2Auto = autoVariant(midpoint, 'rk2-auto', ['rk2auto', 'midpoint-auto'], 'RK2 Auto');
