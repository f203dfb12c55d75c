/**
 * Heun's method (explicit trapezoidal rule), the two-stage Runge–Kutta method of order 2:
 *   k1 = f(t, y),  k2 = f(t + h, y + h·k1),  y ← y + h/2·(k1 + k2).
 * Source: Hairer–Nørsett–Wanner, "Solving ODEs I", §II.1. Its sibling with the second stage
 * at t + h/2, the midpoint rule, is midpoint.ts; both step with TwoStageStepper.
 */
import type { IntegratorOptions, OdeSystem, Stepper } from '../types.js';
import type { RegisteredIntegrator } from './shared.js';

/**
 * An explicit two-stage Runge–Kutta step of order 2 whose second stage is at t + c·h:
 * Heun's method (c = 1, the stages weighted 1/2 each) or the midpoint rule (c = 1/2, the
 * second stage alone).
 */
export class TwoStageStepper implements Stepper {
  private readonly n: number;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly ys: Float64Array;

  constructor(private readonly system: OdeSystem, private readonly c: 1 | 0.5) {
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
    const hc = this.c * h;
    for (let i = 0; i < n; i++) ys[i] = y[i] + hc * k1[i];
    system.derivatives(t + hc, ys, k2);
    if (this.c === 1) {
      const h2 = 0.5 * h;
      for (let i = 0; i < n; i++) y[i] += h2 * (k1[i] + k2[i]);
    } else {
      for (let i = 0; i < n; i++) y[i] += h * k2[i];
    }
    return slope ? 1 : 2;
  }
}

export const rk2: RegisteredIntegrator = {
  name: 'rk2',
  aliases: ['heun'],
  order: 2,
  adaptive: false,
  description: "Heun's method (explicit trapezoid), fixed step, order 2.",
  create(system: OdeSystem, _options: IntegratorOptions): Stepper {
    return new TwoStageStepper(system, 1);
  },
};
