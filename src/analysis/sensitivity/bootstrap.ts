/**
 * Seeded bootstrap confidence intervals, as SALib reports them: the half-width
 * z_{(1+c)/2} · sd(statistic over B resamples), so an index is quoted as `S ± conf`.
 * Resample b draws its indices from its own stream createRng(deriveSeed(seed, b)), so the
 * intervals are reproducible and independent of how the runs were computed.
 */
import { createRng, deriveSeed } from '../../core/random.js';

export interface BootstrapOptions {
  /** Number of resamples (SALib's default is 100). */
  readonly resamples: number;
  /** Confidence level in (0, 1), e.g. 0.95. */
  readonly confidence: number;
  readonly seed: number;
}

/** Indices 0..n-1 drawn with replacement, for resample b. */
export function resampleIndices(n: number, seed: number, b: number): Int32Array {
  const rng = createRng(deriveSeed(seed, b));
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(rng() * n);
  return out;
}

/**
 * Half-widths of the bootstrap intervals of a vector statistic. `statistic(idx)` computes
 * every component from the rows `idx`; the result has one half-width per component.
 */
export function bootstrapHalfWidths(n: number, statistic: (idx: Int32Array) => number[], o: BootstrapOptions): number[] {
  if (o.resamples < 2) return statistic(identity(n)).map(() => NaN);
  const draws: number[][] = [];
  for (let b = 0; b < o.resamples; b++) draws.push(statistic(resampleIndices(n, o.seed, b)));
  const z = normalQuantile(0.5 + o.confidence / 2);
  return draws[0].map((_, c) => z * sampleSd(draws.map((d) => d[c])));
}

export function identity(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

/** Sample standard deviation (ddof 1), ignoring NaN. */
export function sampleSd(xs: readonly number[]): number {
  const v = xs.filter((x) => !Number.isNaN(x));
  if (v.length < 2) return NaN;
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return Math.sqrt(v.reduce((a, x) => a + (x - m) ** 2, 0) / (v.length - 1));
}

/**
 * Inverse standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9,
 * https://web.archive.org/web/2015/http://home.online.no/~pjacklam/notes/invnorm/).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo || p > 1 - lo) {
    const q = Math.sqrt(-2 * Math.log(p < lo ? p : 1 - p));
    const x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    return p < lo ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
