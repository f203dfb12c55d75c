/**
 * Pieces shared by the integrator strategies: the registration type, and the error-norm,
 * initial-step and failure helpers used by the adaptive methods (rk45, rosenbrock).
 * Nothing here allocates except the Error objects thrown when integration gives up.
 */
import type { Integrator, IntegratorOptions, OdeSystem } from '../types.js';

/**
 * An integrator as registered in `index.ts`: the `Integrator` contract plus the alternative
 * names it answers to. Aliases live next to the strategy so adding one never edits a switch.
 */
export interface RegisteredIntegrator extends Integrator {
  /** Extra lookup names, lower-case (e.g. 'heun' for rk2). */
  readonly aliases: readonly string[];
}

/** Adaptive methods give up when a step shrinks below this fraction of the requested h. */
export const MIN_STEP_FRACTION = 1e-12;
/** Adaptive methods give up after this many internal step attempts in one advance(). */
export const MAX_INTERNAL_STEPS = 1_000_000;

/** Rejects tolerances that would make error control meaningless (called once, in create()). */
export function checkOptions(method: string, options: IntegratorOptions): void {
  const { rtol, atol } = options;
  if (!(rtol >= 0) || !(atol >= 0) || !Number.isFinite(rtol) || !Number.isFinite(atol)) {
    throw new Error(`${method}: tolerances must be finite and non-negative (rtol=${rtol}, atol=${atol})`);
  }
  if (rtol === 0 && atol === 0) {
    throw new Error(`${method}: rtol and atol cannot both be zero`);
  }
}

/**
 * Root-mean-square of e_i / (atol + rtol·max(|y0_i|, |y1_i|)): the usual mixed error
 * measure (Hairer–Nørsett–Wanner, "Solving ODEs I", §II.4). A step is acceptable
 * when this is ≤ 1. NaN anywhere yields NaN, which callers treat as a rejection.
 */
export function errorNorm(
  e: Float64Array,
  y0: Float64Array,
  y1: Float64Array,
  rtol: number,
  atol: number,
): number {
  const n = e.length;
  if (n === 0) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    // `|| MIN_VALUE`: with atol = 0 a zero component must still give 0/tiny, not 0/0.
    const sk = atol + rtol * Math.max(Math.abs(y0[i]), Math.abs(y1[i])) || Number.MIN_VALUE;
    const r = e[i] / sk;
    sum += r * r;
  }
  return Math.sqrt(sum / n);
}

/**
 * Starting step size for an adaptive method with local error order `errOrder` (the
 * exponent of h in the local error estimate), following the HINIT heuristic of
 * Hairer–Nørsett–Wanner, "Solving ODEs I", §II.4: make an explicit Euler step small enough
 * that the first and second derivative terms stay within tolerance. Uses one derivative
 * evaluation (writes into the `y1`/`f1` scratch buffers) and returns a positive size ≤ hMax.
 */
export function initialStep(
  system: OdeSystem,
  t: number,
  y: Float64Array,
  f0: Float64Array,
  hMax: number,
  dir: number,
  errOrder: number,
  rtol: number,
  atol: number,
  y1: Float64Array,
  f1: Float64Array,
): number {
  const n = y.length;
  let dny = 0;
  let dnf = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol + rtol * Math.abs(y[i]) || Number.MIN_VALUE;
    dny += (y[i] / sk) ** 2;
    dnf += (f0[i] / sk) ** 2;
  }
  let h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 * hMax : 0.01 * Math.sqrt(dny / dnf);
  h = Math.min(h, hMax);
  for (let i = 0; i < n; i++) y1[i] = y[i] + dir * h * f0[i];
  system.derivatives(t + dir * h, y1, f1);
  let d2 = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol + rtol * Math.abs(y[i]) || Number.MIN_VALUE;
    d2 += ((f1[i] - f0[i]) / sk) ** 2;
  }
  const der = Math.max(Math.sqrt(d2) / h, Math.sqrt(dnf));
  const h1 = der <= 1e-15 ? Math.max(1e-6 * hMax, h * 1e-3) : (0.01 / der) ** (1 / errOrder);
  const h0 = Math.min(100 * h, h1, hMax);
  // NaN (from a non-finite trial derivative) falls back to a cautious guess.
  return h0 > 0 ? h0 : 1e-6 * hMax;
}

/** True when any entry is NaN or ±Infinity. */
export function hasNonFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) return true;
  }
  return false;
}

/**
 * The state or its derivative is already NaN/Infinity: no step size can fix that, so take
 * one explicit Euler step over the whole interval and let the engine's own non-finite check
 * report it (the rule for all integrators: propagate, do not hide).
 */
export function propagateNonFinite(y: Float64Array, f: Float64Array, h: number): void {
  for (let i = 0; i < f.length; i++) y[i] += h * f[i];
}

export function stepTooSmall(method: string, t: number, hs: number, h: number): Error {
  return new Error(
    `${method}: step size ${hs.toExponential(3)} at t=${t} fell below ${MIN_STEP_FRACTION} × the ` +
      `requested step ${Math.abs(h)}; the model is probably singular or too stiff here ` +
      `(check for a variable that blows up near this time, or loosen rtol/atol)`,
  );
}

export function tooManySteps(method: string, t: number, h: number): Error {
  return new Error(
    `${method}: more than ${MAX_INTERNAL_STEPS} internal steps while advancing from t=${t} by ${h}; ` +
      `the model is probably too stiff for this method (try 'rosenbrock') or the tolerances too tight`,
  );
}
