/**
 * Factors of a sensitivity analysis: named inputs with a range. Samplers work in the unit
 * cube [0, 1]^k (references/analysis-methods.md §3.1: "scale every factor to [0,1] … map back
 * through the inverse CDF"); `toValues` maps a unit point to factor values with lhs.ts's
 * inverse CDFs, so a factor taken from a model constant keeps its uncertainty distribution.
 */
import type { Uncertainty } from '../../model/types.js';
import { quantile } from '../lhs.js';

export interface Factor {
  /** As written by the user or the model. */
  readonly name: string;
  /** The range, in the factor's own units. */
  readonly lo: number;
  readonly hi: number;
  /** Distribution over [lo, hi]; uniform when absent. */
  readonly distribution?: Uncertainty['distribution'];
  /** Mode of a triangular distribution. */
  readonly mode?: number;
}

/** What every sampler and estimator evaluates: one scalar output per input vector. */
export type ScalarFunction = (x: readonly number[]) => number;

/** Factor values at a unit-cube point (inverse CDF per factor). */
export function toValues(unit: readonly number[], factors: readonly Factor[]): number[] {
  return factors.map((f, j) => quantile({ min: f.lo, max: f.hi, distribution: f.distribution ?? 'uniform', mode: f.mode }, unit[j]));
}

/** Factor values for every unit-cube row. */
export function toValueRows(unit: readonly (readonly number[])[], factors: readonly Factor[]): number[][] {
  return unit.map((row) => toValues(row, factors));
}

/** Problems with factor ranges, as messages (the caller turns them into diagnostics). */
export function factorProblems(factors: readonly Factor[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const f of factors) {
    if (!Number.isFinite(f.lo) || !Number.isFinite(f.hi)) out.push(`the range of '${f.name}' must be finite numbers`);
    else if (!(f.hi > f.lo)) out.push(`the range of '${f.name}' is empty: ${f.lo}:${f.hi} (write LO:HI with LO < HI)`);
    else if (f.distribution === 'loguniform' && f.lo <= 0) out.push(`'${f.name}' is loguniform and needs a positive lower bound (got ${f.lo})`);
    if (seen.has(f.name)) out.push(`'${f.name}' is given twice`);
    seen.add(f.name);
  }
  if (!factors.length) out.push('there are no factors to vary');
  return out;
}
