/**
 * Effect sizes of §4.3(c) from paired draws: per draw m, e_m = (J_base,m − J_I,m) / |J_base,m|
 * (signed so that positive is better whatever the metric's direction; 0 when the baseline is
 * 0) for a quantity, and J_base,m − J_I,m in the metric's time unit for a time of event, reported as its median, P10 (the robust effect: 90 % of the draws do at least this
 * well) and P90, with P(e > 0) and the probability of being the best intervention in a draw
 * (ties share the draw). The absolute change variant − baseline is summarised beside it.
 */
import type { Metric } from '../../model/types.js';
import { q } from '../ensemble.js';
import { difference, effectOf, isBetter } from '../metrics.js';
import type { Spread } from './types.js';

export interface EffectSizes {
  readonly effect: Spread & { readonly pPositive: number; readonly pBest: number };
  readonly delta: Spread;
}

/** `variants[i][d]` is intervention i's metric value in draw d, `base[d]` the baseline's. */
export function effectSizes(metric: Metric, base: readonly number[], variants: readonly (readonly number[])[]): EffectSizes[] {
  const best = bestShares(metric, variants);
  return variants.map((v, i) => {
    const e = v.map((x, d) => effectOf(metric, x, base[d]));
    const delta = v.map((x, d) => difference(x, base[d]));
    const beats = v.filter((x, d) => isBetter(metric, x, base[d])).length;
    return {
      effect: { ...spread(e), pPositive: v.length ? beats / v.length : 0, pBest: best[i] },
      delta: spread(delta),
    };
  });
}

/** Median, P10 and P90 (Hyndman & Fan type 7). */
export function spread(xs: readonly number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  return { median: q(s, 0.5), p10: q(s, 0.1), p90: q(s, 0.9) };
}

/** Per intervention, the share of draws in which it is best (a tie of k shares 1/k). */
function bestShares(metric: Metric, variants: readonly (readonly number[])[]): number[] {
  const out = variants.map(() => 0);
  const draws = variants[0]?.length ?? 0;
  for (let d = 0; d < draws; d++) {
    let top = variants[0][d];
    for (const v of variants) if (isBetter(metric, v[d], top)) top = v[d];
    const winners = variants.map((v, i) => (isBetter(metric, top, v[d]) ? -1 : i)).filter((i) => i >= 0);
    for (const i of winners) out[i] += 1 / winners.length;
  }
  return out.map((x) => (draws ? x / draws : 0));
}
