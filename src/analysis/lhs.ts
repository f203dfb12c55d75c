/**
 * Latin hypercube sampling (McKay, Beckman & Conover 1979, Technometrics 21:239-245): each factor's [0, 1) is cut into n equal-probability
 * strata, one uniform point is drawn inside each stratum, and strata are paired across
 * factors by independent random permutations. Points then go through each factor's inverse
 * CDF. Seeded: factor j uses its own stream createRng(deriveSeed(seed, j)), so the same seed
 * gives the same design on every platform, and adding a factor leaves the others unchanged.
 */
import { createRng, deriveSeed, type Rng } from '../core/random.js';
import type { Constant, Uncertainty } from '../model/types.js';

/** n rows × k columns of unit-cube coordinates in [0, 1). */
export function latinHypercube(n: number, k: number, seed: number): number[][] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`sample size must be a positive integer (got ${n})`);
  const rows = Array.from({ length: n }, () => new Array<number>(k));
  for (let j = 0; j < k; j++) {
    const rng = createRng(deriveSeed(seed, j));
    const perm = permutation(n, rng);
    for (let i = 0; i < n; i++) rows[i][j] = (perm[i] + rng()) / n;
  }
  return rows;
}

/** Inverse CDF of an uncertainty distribution at u in [0, 1). */
export function quantile(u: Uncertainty, p: number, fallbackMode?: number): number {
  const { min, max } = u;
  if (max <= min) return min;
  switch (u.distribution) {
    case 'loguniform': {
      if (min <= 0) throw new RangeError('a loguniform range needs min > 0');
      return Math.exp(Math.log(min) + p * (Math.log(max) - Math.log(min)));
    }
    case 'triangular': {
      const c = Math.min(max, Math.max(min, u.mode ?? fallbackMode ?? (min + max) / 2));
      const fc = (c - min) / (max - min);
      return p < fc
        ? min + Math.sqrt(p * (max - min) * (c - min))
        : max - Math.sqrt((1 - p) * (max - min) * (max - c));
    }
    default: return min + p * (max - min);
  }
}

export interface Design {
  /** Names of the sampled constants, as written in the model. */
  readonly names: string[];
  /** One row per draw: values of `names` in order. */
  readonly rows: number[][];
}

/** An n-draw Latin hypercube over the uncertainty ranges of `constants`. */
export function sampleConstants(constants: readonly Constant[], n: number, seed: number): Design {
  const uncertain = constants.filter((c): c is Constant & { uncertainty: Uncertainty } => c.uncertainty !== undefined);
  const unit = latinHypercube(n, uncertain.length, seed);
  return {
    names: uncertain.map((c) => c.name),
    rows: unit.map((row) => row.map((p, j) => quantile(uncertain[j].uncertainty, p, uncertain[j].value))),
  };
}

/** Fisher–Yates shuffle of 0..n-1 with the given stream. */
function permutation(n: number, rng: Rng): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}
