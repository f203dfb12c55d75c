/**
 * Small hand-written ODE systems with known solutions, and a driver, shared by the
 * integrator tests. (Not a test file itself: it defines no tests.)
 */
import { getIntegrator } from '../../src/sim/integrators/index.js';
import type { IntegratorOptions, OdeSystem } from '../../src/sim/types.js';

/** y' = −k·y; y = y0·e^(−k t). */
export const K = 0.8;
export const decay: OdeSystem = {
  size: 1,
  derivatives(_t, y, dydt) {
    dydt[0] = -K * y[0];
  },
};
export const decayExact = (t: number, y0 = 1): number => y0 * Math.exp(-K * t);

/** y' = r·y·(1 − y/cap); y = cap / (1 + (cap/y0 − 1)·e^(−r t)). */
export const R = 1.5;
export const CAP = 10;
export const logistic: OdeSystem = {
  size: 1,
  derivatives(_t, y, dydt) {
    dydt[0] = R * y[0] * (1 - y[0] / CAP);
  },
};
export const logisticExact = (t: number, y0: number): number => CAP / (1 + (CAP / y0 - 1) * Math.exp(-R * t));

/** x'' = −w²·x as (x, v); x = cos(w t), v = −w·sin(w t) from (1, 0). */
export const W = 2;
export const oscillator: OdeSystem = {
  size: 2,
  derivatives(_t, y, dydt) {
    dydt[0] = y[1];
    dydt[1] = -W * W * y[0];
  },
};

/** a' = −k·a + m·b, b' = k·a − m·b, written as one flow between two stocks. */
export const closedPair: OdeSystem = {
  size: 2,
  derivatives(_t, y, dydt) {
    const flow = 0.7 * y[0] - 0.2 * y[1];
    dydt[0] = -flow;
    dydt[1] = flow;
  },
};

/** y' = −1000·(y − cos t) − sin t, y(0) = 1; y = cos t. Stiff: λ = −1000. */
export const stiffCos: OdeSystem = {
  size: 1,
  derivatives(t, y, dydt) {
    dydt[0] = -1000 * (y[0] - Math.cos(t)) - Math.sin(t);
  },
};

/** Robertson's chemical kinetics (Hairer–Wanner II, §IV.1): stiff, y1 + y2 + y3 = 1. */
export const robertson: OdeSystem = {
  size: 3,
  derivatives(_t, y, dydt) {
    const r1 = 0.04 * y[0];
    const r2 = 1e4 * y[1] * y[2];
    const r3 = 3e7 * y[1] * y[1];
    dydt[0] = -r1 + r2;
    dydt[1] = r1 - r2 - r3;
    dydt[2] = r3;
  },
};

export const TIGHT: IntegratorOptions = { rtol: 1e-6, atol: 1e-9 };
/** Tolerances so loose that every adaptive step is accepted: the step is then the interval. */
export const NO_ERROR_CONTROL: IntegratorOptions = { rtol: 1e10, atol: 1e10 };

export interface Run {
  readonly y: Float64Array;
  readonly evals: number;
}

/** Integrates from t = 0 to `tEnd` with `steps` calls to advance() of equal h. */
export function solve(
  method: string,
  system: OdeSystem,
  y0: readonly number[],
  tEnd: number,
  steps: number,
  options: IntegratorOptions = TIGHT,
): Run {
  const integrator = getIntegrator(method);
  if (!integrator) throw new Error(`no integrator ${method}`);
  const stepper = integrator.create(system, options);
  const y = Float64Array.from(y0);
  const h = tEnd / steps;
  let evals = 0;
  for (let i = 0; i < steps; i++) evals += stepper.advance(i * h, y, h);
  return { y, evals };
}

/** log2 of successive error ratios for errors measured at h, h/2, h/4, … */
export function observedOrders(errors: readonly number[]): number[] {
  return errors.slice(1).map((e, i) => Math.log2(errors[i] / e));
}
