/**
 * Bounds by transformation (the MINUIT approach, James & Roos 1975): Nelder–Mead works on an
 * unbounded z, and each parameter is x = lo + (hi − lo)·(1 + sin z)/2, which stays inside
 * [lo, hi] and reaches the bounds exactly. A start at unit coordinate u ∈ [0, 1] is
 * z = asin(2u − 1). The initial simplex steps 0.5 rad in z (a sixth of the range near the middle).
 */
import { nelderMead, type Minimum, type NelderMeadOptions } from './nelder-mead.js';

export interface Bounds {
  readonly lo: number;
  readonly hi: number;
}

export function fromZ(z: readonly number[], bounds: readonly Bounds[]): number[] {
  return z.map((zi, i) => bounds[i].lo + (bounds[i].hi - bounds[i].lo) * (1 + Math.sin(zi)) / 2);
}

export function zFromUnit(u: readonly number[]): number[] {
  return u.map((ui) => Math.asin(Math.min(1, Math.max(-1, 2 * ui - 1))));
}

/**
 * Minimises f over the box from the unit-cube start; x is returned in parameter units.
 * Nelder–Mead can stop on a collapsed simplex short of the minimum, so it restarts from its
 * result with a fresh simplex (at most twice) until a restart no longer improves the value.
 * The evaluation budget (default 300 per parameter) covers the restarts.
 */
export function minimizeInBounds(f: (x: readonly number[]) => number, bounds: readonly Bounds[], unitStart: readonly number[], o: NelderMeadOptions = {}): Minimum {
  const g = (z: readonly number[]) => f(fromZ(z, bounds));
  const budget = o.maxEvaluations ?? 300 * Math.max(1, bounds.length);
  let m = nelderMead(g, zFromUnit(unitStart), { step: 0.5, xatol: 1e-6, ...o, maxEvaluations: budget });
  let evaluations = m.evaluations;
  let iterations = m.iterations;
  for (let restart = 0; restart < 2 && evaluations < budget; restart++) {
    const again = nelderMead(g, m.x, { step: 0.5, xatol: 1e-6, ...o, maxEvaluations: budget - evaluations });
    evaluations += again.evaluations;
    iterations += again.iterations;
    const improved = again.value < m.value - 1e-9 * Math.abs(m.value);
    if (again.value <= m.value) m = again;
    if (!improved) break;
  }
  return { ...m, evaluations, iterations, x: fromZ(m.x, bounds) };
}
