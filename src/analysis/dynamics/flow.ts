/**
 * Following the system in time from any state (not only the model's initial one): the
 * adaptive Dormand–Prince integrator of sim/, checked at every `step`, stopped early by a
 * predicate. Used for starts of the equilibrium search (where runs from the box settle) and
 * for tipping triggers.
 */
import { getIntegrator } from '../../sim/integrators/index.js';
import type { DynamicalSystem } from './system.js';

export interface FlowOptions {
  /** Time to follow for, in the model's time unit. */
  readonly duration: number;
  /** How often the predicate is checked. */
  readonly step: number;
  /** Extra rates added to the model's during the run (a trigger). */
  readonly forcing?: (t: number, out: Float64Array) => void;
  /** Stops the run when it returns true. */
  readonly until?: (t: number, x: Float64Array) => boolean;
  /** Relative tolerance (default 1e-7). */
  readonly rtol?: number;
}

export interface FlowEnd {
  readonly x: number[];
  /** Time elapsed when the run stopped. */
  readonly t: number;
  /** False when the state became non-finite or the integrator failed. */
  readonly ok: boolean;
}

export function follow(s: DynamicalSystem, x0: readonly number[], o: FlowOptions): FlowEnd {
  const forcing = o.forcing;
  const system = {
    size: s.n,
    derivatives: (t: number, y: Float64Array, d: Float64Array) => { s.rates(y, d); if (forcing) forcing(t, d); },
  };
  const stepper = getIntegrator('rk45')!.create(system, { rtol: o.rtol ?? 1e-7, atol: 1e-9 });
  const x = Float64Array.from(x0);
  let t = 0;
  try {
    while (t < o.duration - 1e-12 * o.duration) {
      const h = Math.min(o.step, o.duration - t);
      stepper.advance(t, x, h);
      t += h;
      if (!x.every(Number.isFinite)) return { x: Array.from(x), t, ok: false };
      if (o.until?.(t, x)) break;
    }
  } catch {
    return { x: Array.from(x), t, ok: false };
  }
  return { x: Array.from(x), t, ok: true };
}
