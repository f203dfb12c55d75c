/**
 * Convergence diagnostics of MCMC chains: rank-normalised split R̂ and bulk effective sample
 * size, as defined by Vehtari, Gelman, Simpson, Carpenter & Bürkner (2021), "Rank-normalization,
 * folding, and localization: an improved R̂ for assessing convergence of MCMC", Bayesian
 * Analysis 16(2):667-718 (the definitions Stan and ArviZ use):
 *
 * - each chain is split in half (so a trend inside a chain shows as disagreement);
 * - all draws are replaced by normal scores of their pooled ranks, z = Φ⁻¹((r − 3/8)/(S + 1/4)),
 *   so heavy tails and bounded parameters do not distort the variances;
 * - R̂ = sqrt(var⁺ / W) with W the mean within-chain variance and var⁺ = (n−1)/n·W + B/n
 *   (Gelman et al., Bayesian Data Analysis, 3rd ed. 2013, §11.4);
 * - ESS = M·n / τ, with τ = −1 + 2·Σ ρ̂_t summed over Geyer's (1992) initial monotone
 *   positive sequence of autocorrelations pooled across chains (BDA3 §11.5).
 *
 * Thresholds (both from Vehtari et al. 2021, §4): R̂ < 1.01 and ESS > 100 per chain
 * (400 for the customary 4 chains). The older rule R̂ < 1.1 (Gelman & Rubin 1992; BDA3 §11.4)
 * marks chains that clearly have not mixed.
 */
import { normalQuantile } from '../sensitivity/bootstrap.js';

/** Vehtari et al. (2021): R̂ at or above this means the chains are not known to agree. */
export const RHAT_GOOD = 1.01;
/** Gelman & Rubin (1992), BDA3 §11.4: above this the chains plainly disagree. */
export const RHAT_FAIL = 1.1;
/** Vehtari et al. (2021): at least 100 effective draws per chain (ESS is summed over chains). */
export const ESS_PER_CHAIN = 100;

export interface ChainDiagnostics {
  readonly rhat: number;
  readonly ess: number;
}

/** R̂ and ESS of one parameter; `chains[m]` is chain m's draws, all of the same length ≥ 4. */
export function chainDiagnostics(chains: readonly (readonly number[])[]): ChainDiagnostics {
  const split = splitChains(chains);
  const z = rankNormalize(split);
  return { rhat: rhat(z), ess: ess(z) };
}

/** Each chain cut into its first and second halves (the middle draw of an odd chain is dropped). */
export function splitChains(chains: readonly (readonly number[])[]): number[][] {
  const n = Math.floor(Math.min(...chains.map((c) => c.length)) / 2);
  return chains.flatMap((c) => [c.slice(0, n), c.slice(c.length - n)]);
}

/** Normal scores of the pooled ranks (average ranks for ties). */
export function rankNormalize(chains: readonly (readonly number[])[]): number[][] {
  const flat = chains.flat();
  const s = flat.length;
  const order = flat.map((_, i) => i).sort((a, b) => flat[a] - flat[b]);
  const rank = new Float64Array(s);
  for (let i = 0; i < s;) {
    let j = i;
    while (j + 1 < s && flat[order[j + 1]] === flat[order[i]]) j++;
    for (let k = i; k <= j; k++) rank[order[k]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  let at = 0;
  return chains.map((c) => c.map(() => normalQuantile((rank[at++] - 0.375) / (s + 0.25))));
}

/** Potential scale reduction sqrt(var⁺/W) of the given chains (no splitting here). */
export function rhat(chains: readonly (readonly number[])[]): number {
  const { n, w, varPlus } = variances(chains);
  if (n < 2) return NaN;
  if (w === 0) return varPlus === 0 ? 1 : Infinity;
  return Math.sqrt(varPlus / w);
}

/** Effective sample size of the given chains (no splitting here). */
export function ess(chains: readonly (readonly number[])[]): number {
  const m = chains.length;
  const { n, w, varPlus } = variances(chains);
  if (n < 4 || !(varPlus > 0)) return NaN;
  const means = chains.map(mean);
  const acov = (t: number) => {
    let s = 0;
    for (let c = 0; c < m; c++) {
      const x = chains[c];
      let a = 0;
      for (let i = 0; i + t < n; i++) a += (x[i] - means[c]) * (x[i + t] - means[c]);
      s += a / n;
    }
    return s / m;
  };
  const rho = (t: number) => 1 - (w - acov(t)) / varPlus;
  // Geyer: sum pairs Γ_k = ρ_2k + ρ_2k+1 while positive, each no larger than the previous.
  let tau = -1;
  let previous = Infinity;
  for (let k = 0; 2 * k + 1 < n; k++) {
    let pair = rho(2 * k) + rho(2 * k + 1);
    if (!(pair > 0)) break;
    pair = Math.min(pair, previous);
    previous = pair;
    tau += 2 * pair;
  }
  tau = Math.max(tau, 1 / Math.log10(m * n)); // Stan's floor, keeps ESS ≤ S·log10(S) for antithetic chains
  return (m * n) / tau;
}

function variances(chains: readonly (readonly number[])[]): { n: number; w: number; varPlus: number } {
  const m = chains.length;
  const n = Math.min(...chains.map((c) => c.length));
  if (m < 1 || n < 2) return { n, w: NaN, varPlus: NaN };
  const means = chains.map(mean);
  const grand = mean(means);
  const b = m > 1 ? (n / (m - 1)) * means.reduce((s, x) => s + (x - grand) ** 2, 0) : 0;
  const w = chains.reduce((s, c, i) => s + c.reduce((a, x) => a + (x - means[i]) ** 2, 0) / (n - 1), 0) / m;
  return { n, w, varPlus: ((n - 1) / n) * w + b / n };
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
