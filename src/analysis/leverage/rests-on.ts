/**
 * What the order of a ranking rests on, measured on the ensemble the ranking ran over (a
 * calibrated posterior, or prior draws): for each pair of neighbours in the order whose effects
 * differ between draws, the gap g_d = e_upper,d − e_lower,d (in effect units) and the shares
 * of draws in which the upper one is better and in which the two tie (|g| ≤ 10⁻⁹); then which constants the gap
 * varies with across the members, by the given-data first-order share ε² of its variance and
 * Spearman's ρ (sensitivity/given-data.ts: no independence between the constants needed, so a
 * posterior's correlations are kept). Uses the paired runs the ranking already made: no new
 * runs. Pairs whose gap is the same in every draw (ties) rest on no constant and are skipped.
 */
import { givenDataIndices } from '../sensitivity/given-data.js';
import { effectOf } from '../metrics.js';
import type { Metric } from '../../model/types.js';
import type { OrderPair } from './types.js';

/** Pairs reported, from the top of the order. */
export const MAX_PAIRS = 4;
/** Effects closer than this are a tie (e is a share of the baseline or a time). */
const TIE = 1e-9;
/** Constants listed per pair, by ε². */
export const TOP_CONSTANTS = 4;

export interface RestsOnInput {
  readonly metric: Pick<Metric, 'better' | 'aggregate'>;
  /** Member rows (one value per factor), as run. */
  readonly rows: readonly (readonly number[])[];
  readonly factors: readonly string[];
  /** Baseline metric per member. */
  readonly base: readonly number[];
  /** The ranked interventions, in order, each with its metric per member. */
  readonly ranked: readonly { readonly id: string; readonly values: readonly number[] }[];
  readonly seed: number;
}

export function restsOn(i: RestsOnInput): OrderPair[] {
  const n = i.base.length;
  if (n < 20 || !i.factors.length) return []; // too few members for a first-order share
  const effects = i.ranked.map((r) => r.values.map((v, d) => effectOf(i.metric, v, i.base[d])));
  const out: OrderPair[] = [];
  for (let k = 0; k + 1 < i.ranked.length && out.length < MAX_PAIRS; k++) {
    const gap = effects[k].map((e, d) => e - effects[k + 1][d]);
    if (!gap.every(Number.isFinite) || gap.every((g) => g === gap[0])) continue;
    const better = gap.filter((g) => g > TIE).length / n;
    const tied = gap.filter((g) => Math.abs(g) <= TIE).length / n;
    const indices = givenDataIndices(i.rows, Float64Array.from(gap), 0, { resamples: 100, confidence: 0.95, seed: i.seed });
    const constants = i.factors.map((name, j) => ({ name, ...indices[j] }))
      .filter((c) => Number.isFinite(c.eta2)).sort((a, b) => b.eta2 - a.eta2).slice(0, TOP_CONSTANTS);
    const sorted = [...gap].sort((a, b) => a - b);
    out.push({ upper: i.ranked[k].id, lower: i.ranked[k + 1].id, pUpperBetter: better, pTied: tied, gapMedian: sorted[Math.floor(n / 2)], constants });
  }
  return out;
}
