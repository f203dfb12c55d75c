/**
 * Sensitivity from given data: the members of an ensemble (a calibrated posterior, whose
 * constants may be correlated) are run as they are, and each constant's first-order effect is
 * the correlation ratio η² = Var(E[y | x_j]) / Var(y), estimated by cutting the members into B
 * equal-count bins of x_j (Plischke, Borgonovo & Smith 2013, "Global sensitivity measures from
 * given data", Eur. J. Oper. Res. 226:536-550) and corrected for the bias of binning with
 * Kelley's (1935) ε² = 1 − (1 − η²)(N − 1)/(N − B). Unlike Sobol' indices on a product design
 * it needs no independence between inputs, so it reads the posterior as the data left it.
 * B defaults to round(√N). The sign of the effect is Spearman's rank correlation ρ.
 */
import { bootstrapHalfWidths, identity, type BootstrapOptions } from './bootstrap.js';

export interface GivenDataIndex {
  /** Bias-corrected first-order share of the output variance. */
  readonly eta2: number;
  /** Bootstrap half-width of eta2. */
  readonly eta2_conf: number;
  /** Spearman rank correlation of the constant with the output. */
  readonly rho: number;
}

export function givenDataIndices(rows: readonly (readonly number[])[], y: ArrayLike<number>, bins: number, bootstrap: BootstrapOptions): GivenDataIndex[] {
  const k = rows[0]?.length ?? 0;
  const n = rows.length;
  const b = bins > 0 ? bins : Math.max(2, Math.round(Math.sqrt(n)));
  const columns = Array.from({ length: k }, (_, j) => rows.map((r) => r[j]));
  const stat = (idx: Int32Array) => columns.map((x) => epsilon2(idx, x, y, b));
  const eta2 = stat(identity(n));
  const conf = bootstrapHalfWidths(n, stat, bootstrap);
  const ry = ranks(Array.from(y));
  return columns.map((x, j) => ({ eta2: eta2[j], eta2_conf: conf[j], rho: pearson(ranks(x), ry) }));
}

function epsilon2(idx: Int32Array, x: readonly number[], y: ArrayLike<number>, bins: number): number {
  const n = idx.length;
  const order = Array.from(idx).sort((a, b) => x[a] - x[b] || a - b);
  const mean = order.reduce((s, i) => s + y[i], 0) / n;
  const total = order.reduce((s, i) => s + (y[i] - mean) ** 2, 0);
  if (!(total > 0) || n <= bins) return NaN;
  let between = 0;
  for (let c = 0; c < bins; c++) {
    const from = Math.floor((c * n) / bins);
    const to = Math.floor(((c + 1) * n) / bins);
    if (to <= from) continue;
    let s = 0;
    for (let i = from; i < to; i++) s += y[order[i]];
    between += (to - from) * (s / (to - from) - mean) ** 2;
  }
  return 1 - (1 - between / total) * ((n - 1) / (n - bins));
}

/** Average ranks (ties share). */
function ranks(x: readonly number[]): number[] {
  const order = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
  const r = new Array<number>(x.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && x[order[j + 1]] === x[order[i]]) j++;
    for (let t = i; t <= j; t++) r[order[t]] = (i + j) / 2;
    i = j + 1;
  }
  return r;
}

function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) { sab += (a[i] - ma) * (b[i] - mb); saa += (a[i] - ma) ** 2; sbb += (b[i] - mb) ** 2; }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}
