/**
 * The classic four-stage Runge–Kutta method of order 4 ("the" Runge–Kutta method):
 *   k1 = f(t, y),            k2 = f(t + h/2, y + h/2·k1),
 *   k3 = f(t + h/2, y + h/2·k2), k4 = f(t + h, y + h·k3),
 *   y ← y + h/6·(k1 + 2k2 + 2k3 + k4).
 * Source: Kutta (1901); Hairer–Nørsett–Wanner, "Solving ODEs I", §II.1.
 */
import type { IntegratorOptions, OdeSystem, Stepper } from '../types.js';
import type { RegisteredIntegrator } from './shared.js';

class Rk4Stepper implements Stepper {
  private readonly n: number;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly ys: Float64Array;

  constructor(private readonly system: OdeSystem) {
    this.n = system.size;
    this.k1 = new Float64Array(this.n);
    this.k2 = new Float64Array(this.n);
    this.k3 = new Float64Array(this.n);
    this.k4 = new Float64Array(this.n);
    this.ys = new Float64Array(this.n);
  }

  advance(t: number, y: Float64Array, h: number, slope?: Float64Array): number {
    const { system, k2, k3, k4, ys } = this;
    const k1 = slope ?? this.k1;
    const n = this.n;
    const h2 = 0.5 * h;
    if (!slope) system.derivatives(t, y, k1);
    for (let i = 0; i < n; i++) ys[i] = y[i] + h2 * k1[i];
    system.derivatives(t + h2, ys, k2);
    for (let i = 0; i < n; i++) ys[i] = y[i] + h2 * k2[i];
    system.derivatives(t + h2, ys, k3);
    for (let i = 0; i < n; i++) ys[i] = y[i] + h * k3[i];
    system.derivatives(t + h, ys, k4);
    const h6 = h / 6;
    for (let i = 0; i < n; i++) y[i] += h6 * (k1[i] + 2 * (k2[i] + k3[i]) + k4[i]);
    return slope ? 3 : 4;
  }
}

export const rk4: RegisteredIntegrator = {
  name: 'rk4',
  aliases: ['runge-kutta'],
  order: 4,
  adaptive: false,
  description: 'Classic Runge–Kutta, fixed step, order 4.',
  create(system: OdeSystem, _options: IntegratorOptions): Stepper {
    return new Rk4Stepper(system);
  },
};
