/**
 * The explicit midpoint method, the two-stage Runge–Kutta method of order 2 that half-steps:
 *   k1 = f(t, y),  k2 = f(t + h/2, y + h/2·k1),  y ← y + h·k2.
 * Source: Hairer–Nørsett–Wanner, "Solving ODEs I", §II.1 (Runge 1895). It is Vensim's RK2:
 * "second order Runge-Kutta makes a half step (TIME STEP/2), computes new rates of change, and
 * uses those rates of change to go from Time to Time + TIME STEP" (Vensim Help, "Runge-Kutta
 * Integration", "Fixed Step Size"). Heun's method (rk2.ts) has the same order and, on a linear
 * system with constant inputs, the same result; on anything else the two differ.
 */
import type { IntegratorOptions, OdeSystem, Stepper } from '../types.js';
import { TwoStageStepper } from './rk2.js';
import type { RegisteredIntegrator } from './shared.js';

export const midpoint: RegisteredIntegrator = {
  name: 'rk2-midpoint',
  aliases: ['midpoint'],
  order: 2,
  adaptive: false,
  description: "Explicit midpoint (half step), fixed step, order 2: Vensim's RK2 Fixed.",
  create(system: OdeSystem, _options: IntegratorOptions): Stepper {
    return new TwoStageStepper(system, 0.5);
  },
};
