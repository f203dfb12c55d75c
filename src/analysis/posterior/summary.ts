/**
 * What a posterior says, per constant (prior range, posterior quantiles, R̂, ESS) and per
 * target (the members' predicted event time or series error against the observation).
 */
import type { ModelFunction } from '../parallel/model-function.js';
import type { Factor } from '../sensitivity/factors.js';
import { q } from '../ensemble.js';
import { interpolate } from '../calibrate/fit.js';
import { targetLabel, type Target } from '../calibrate/targets.js';
import type { ChainDiagnostics } from './convergence.js';
import { eventTime } from './likelihood.js';

export interface Prior {
  readonly min: number;
  readonly max: number;
  readonly distribution: 'uniform' | 'loguniform' | 'triangular';
  readonly mode?: number;
}

export interface ParameterSummary extends ChainDiagnostics {
  readonly name: string;
  readonly prior: Prior;
  readonly mean: number;
  readonly sd: number;
  /** Posterior 5 %, 50 % and 95 % quantiles over every draw kept. */
  readonly p05: number;
  readonly p50: number;
  readonly p95: number;
}

export interface TargetSummary {
  readonly target: string;
  readonly kind: Target['kind'];
  readonly variable: string;
  /** Events: the observed time and its tolerance. */
  readonly observed?: number;
  readonly tolerance?: number;
  /** Events: the members' event times; series: the members' RMSE (10 %, 50 %, 90 %). */
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  /** Members whose run did not complete (left out of the quantiles). */
  readonly failed: number;
}

/** kept[c][g][j]: chain c, kept generation g, parameter j (in parameter units). */
export function summarize(factors: readonly Factor[], kept: readonly (readonly number[][])[], diagnose: (chains: number[][]) => ChainDiagnostics): ParameterSummary[] {
  return factors.map((f, j) => {
    const chains = kept.map((c) => c.map((x) => x[j]));
    const all = chains.flat();
    const sorted = [...all].sort((a, b) => a - b);
    const mean = all.reduce((a, b) => a + b, 0) / all.length;
    const sd = Math.sqrt(all.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, all.length - 1));
    const prior: Prior = { min: f.lo, max: f.hi, distribution: f.distribution ?? 'uniform', ...(f.mode === undefined ? {} : { mode: f.mode }) };
    return { name: f.name, prior, mean, sd, p05: q(sorted, 0.05), p50: q(sorted, 0.5), p95: q(sorted, 0.95), ...diagnose(chains) };
  });
}

/** Runs every member once and summarises each target over the members. */
export function predictiveFit(fn: ModelFunction, targets: readonly Target[], members: readonly (readonly number[])[]): TargetSummary[] {
  const values = targets.map(() => [] as number[]);
  let failed = 0;
  for (const m of members) {
    const r = fn.run(m).result;
    if (!r) { failed++; continue; }
    targets.forEach((t, i) => {
      if (t.kind === 'event') { values[i].push(eventTime(t, r)); return; }
      const y = r.series(t.variable);
      const sse = t.time.reduce((s, ti, k) => s + (interpolate(r.time, y, ti) - t.values[k]) ** 2, 0);
      values[i].push(Math.sqrt(sse / t.time.length));
    });
  }
  return targets.map((t, i) => {
    const s = values[i].sort((a, b) => a - b);
    return {
      target: targetLabel(t), kind: t.kind, variable: t.variable,
      ...(t.kind === 'event' ? { observed: t.time, tolerance: t.tolerance } : {}),
      p10: q(s, 0.1), p50: q(s, 0.5), p90: q(s, 0.9), failed,
    };
  });
}
