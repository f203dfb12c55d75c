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
import type { RegisteredIntegrator } from './shared.js';

class MidpointStepper implements Stepper {
  private readonly n: number;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly ys: Float64Array;

  constructor(private readonly system: OdeSystem) {
    this.n = system.size;
    this.k1 = new Float64Array(this.n);
    this.k2 = new Float64Array(this.n);
    this.ys = new Float64Array(this.n);
  }

  advance(t: number, y: Float64Array, h: number, slope?: Float64Array): number {
    const { system, k2, ys } = this;
    const k1 = slope ?? this.k1;
    const n = this.n;
    if (!slope) system.derivatives(t, y, k1);
    const h2 = 0.5 * h;
    for (let i = 0; i < n; i++) ys[i] = y[i] + h2 * k1[i];
    system.derivatives(t + h2, ys, k2);
    for (let i = 0; i < n; i++) y[i] += h * k2[i];
    return slope ? 1 : 2;
  }
}

export const midpoint: RegisteredIntegrator = {
  name: 'rk2-midpoint',
  aliases: ['midpoint'],
  order: 2,
  adaptive: false,
  description: "Explicit midpoint (half step), fixed step, order 2: Vensim's RK2 Fixed.",
  create(system: OdeSystem, _options: IntegratorOptions): Stepper {
    return new MidpointStepper(system);
  },
};
