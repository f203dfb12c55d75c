/**
 * Explicit (forward) Euler: y ← y + h·f(t, y). First order, one derivative evaluation per
 * step. It is the default of most system-dynamics tools (Vensim, Stella, XMILE `Euler`), so
 * results match theirs step for step; see Hairer–Nørsett–Wanner, "Solving ODEs I", §II.1.
 */
import type { IntegratorOptions, OdeSystem, Stepper } from '../types.js';
import type { RegisteredIntegrator } from './shared.js';

class EulerStepper implements Stepper {
  private readonly n: number;
  private readonly f: Float64Array;

  constructor(private readonly system: OdeSystem) {
    this.n = system.size;
    this.f = new Float64Array(this.n);
  }

  advance(t: number, y: Float64Array, h: number, slope?: Float64Array): number {
    const f = slope ?? this.f;
    if (!slope) this.system.derivatives(t, y, f);
    for (let i = 0; i < this.n; i++) y[i] += h * f[i];
    return slope ? 0 : 1;
  }
}

export const euler: RegisteredIntegrator = {
  name: 'euler',
  aliases: [],
  order: 1,
  adaptive: false,
  description: 'Explicit Euler, fixed step, order 1 (the system-dynamics default).',
  create(system: OdeSystem, _options: IntegratorOptions): Stepper {
    return new EulerStepper(system);
  },
};
