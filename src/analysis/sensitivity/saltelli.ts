/**
 * Sobol' indices with Saltelli sampling (references/analysis-methods.md §3.3).
 *
 * Design: two independent n × k matrices A and B and, for each factor i, A_B(i) = A with
 * column i taken from B; n(k+2) runs, stored as the rows of A, then B, then A_B(1) … A_B(k).
 * Base sampler: A and B are each a Latin hypercube (lhs.ts; seeds deriveSeed(seed, 0) and
 * deriveSeed(seed, 1)). §3.4 allows this ("A and B may each be LHS samples"); it is seeded and
 * stratified in every margin, but unlike a scrambled Sobol' sequence its error on interaction
 * terms shrinks like plain Monte Carlo, ~1/sqrt(n): prefer n in the thousands for final numbers.
 *
 * Estimators, with f_A, f_B, f_ABi the outputs over the rows of A, B, A_B(i):
 * - V = variance of the pooled f_A and f_B (ddof 0, as SALib);
 * - first order, Saltelli et al. 2010: V_i = mean((f_B − f0) · (f_ABi − f_A)), S1 = V_i / V, where
 *   f0 = the pooled mean: subtracting it leaves the expectation unchanged (E[f_ABi] = E[f_A])
 *   but removes the noise an output far from zero (a temperature near 70 °F) would add;
 * - total, Jansen 1999: V_Ti = mean((f_A − f_ABi)^2) / 2, ST = V_Ti / V.
 * Confidence: seeded bootstrap over the n rows (the same rows for A, B and every A_B(i)).
 */
import { deriveSeed } from '../../core/random.js';
import { latinHypercube } from '../lhs.js';
import { bootstrapHalfWidths, identity, type BootstrapOptions } from './bootstrap.js';

export interface SaltelliDesign {
  readonly kind: 'sobol';
  readonly n: number;
  readonly k: number;
  /** n(k+2) unit-cube points: A, B, A_B(1) … A_B(k). */
  readonly unit: number[][];
}

export interface SobolIndex {
  readonly S1: number;
  readonly ST: number;
  readonly S1_conf: number;
  readonly ST_conf: number;
}

export function saltelliDesign(n: number, k: number, seed: number): SaltelliDesign {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`Sobol' analysis needs at least 2 base samples (got ${n})`);
  const a = latinHypercube(n, k, deriveSeed(seed, 0));
  const b = latinHypercube(n, k, deriveSeed(seed, 1));
  const unit = [...a, ...b];
  for (let i = 0; i < k; i++) for (let j = 0; j < n; j++) unit.push(a[j].map((x, c) => (c === i ? b[j][i] : x)));
  return { kind: 'sobol', n, k, unit };
}

/** S1 and ST of every factor, from the outputs over the design's rows in order. */
export function sobolIndices(d: SaltelliDesign, y: ArrayLike<number>, bootstrap: BootstrapOptions): SobolIndex[] {
  const { n, k } = d;
  const fA = Float64Array.from({ length: n }, (_, j) => y[j]);
  const fB = Float64Array.from({ length: n }, (_, j) => y[n + j]);
  const fAB = Array.from({ length: k }, (_, i) => Float64Array.from({ length: n }, (_, j) => y[(2 + i) * n + j]));
  const stat = (idx: Int32Array) => estimate(fA, fB, fAB, idx);
  const point = stat(identity(n));
  const conf = bootstrapHalfWidths(n, stat, bootstrap);
  return Array.from({ length: k }, (_, i) => ({ S1: point[i], ST: point[k + i], S1_conf: conf[i], ST_conf: conf[k + i] }));
}

/** [S1_1 … S1_k, ST_1 … ST_k] over the rows idx. */
function estimate(fA: Float64Array, fB: Float64Array, fAB: Float64Array[], idx: Int32Array): number[] {
  const m = idx.length;
  let sum = 0;
  for (let j = 0; j < m; j++) sum += fA[idx[j]] + fB[idx[j]];
  const f0 = sum / (2 * m);
  let v = 0;
  for (let j = 0; j < m; j++) v += (fA[idx[j]] - f0) ** 2 + (fB[idx[j]] - f0) ** 2;
  v /= 2 * m;
  const s1: number[] = [];
  const st: number[] = [];
  for (const ab of fAB) {
    let first = 0;
    let total = 0;
    for (let j = 0; j < m; j++) {
      const r = idx[j];
      first += (fB[r] - f0) * (ab[r] - fA[r]);
      total += (fA[r] - ab[r]) ** 2;
    }
    s1.push(first / m / v);
    st.push(total / (2 * m) / v);
  }
  return [...s1, ...st];
}
