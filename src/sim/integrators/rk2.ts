/**
 * Heun's method (explicit trapezoidal rule), the two-stage Runge–Kutta method of order 2:
 *   k1 = f(t, y),  k2 = f(t + h, y + h·k1),  y ← y + h/2·(k1 + k2).
 * Source: Hairer–Nørsett–Wanner, "Solving ODEs I", §II.1.
 */
import type { IntegratorOptions, OdeSystem, Stepper } from '../types.js';
import type { RegisteredIntegrator } from './shared.js';

class HeunStepper implements Stepper {
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
    for (let i = 0; i < n; i++) ys[i] = y[i] + h * k1[i];
    system.derivatives(t + h, ys, k2);
    const h2 = 0.5 * h;
    for (let i = 0; i < n; i++) y[i] += h2 * (k1[i] + k2[i]);
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
    return new HeunStepper(system);
  },
};
