/**
 * The three ranking views of references/analysis-methods.md §4.3(d), over the robust effect
 * e = P10 of the paired relative effect and the depth d = (12 − level) / 11:
 *
 * 1. Pareto frontier (the default, no weights): an intervention is dominated when another is
 *    at least as deep and at least as effective, and strictly better on one of the two.
 *    Effects closer than `tolerance` count as equal, so a rounding-size difference does not
 *    decide between a deep and a shallow fix.
 * 2. Epsilon-lexicographic: robust effects fall in bands of width `band` counted down from
 *    the best one (band 0 is within `band` of the best); inside a band, deeper first.
 * 3. Weighted score (opt-in): e × (1 + β d). Depth weighting is a value judgement — Meadows
 *    called her order provisional, and what gets classified deep depends on method — so it is
 *    only computed when asked for. Interventions with e ≤ 0 rank below every positive one;
 *    levels 1–2 are not simulatable and stay unranked.
 *
 * Ties in every view fall back to the median effect, then the model's scenario order.
 */

export interface Rankable {
  readonly id: string;
  /** Robust effect (P10 of the relative effect). */
  readonly robust: number;
  readonly median: number;
  /** Depth in [0, 1], or null (no simulatable level: treated as depth 0 for dominance). */
  readonly depth: number | null;
}

export const DEFAULT_TOLERANCE = 0.005;
export const DEFAULT_BAND = 0.1;
export const DEFAULT_BETA = 0.5;

/** By robust effect, best first (the order of the table). */
export function byEffect<T extends Rankable>(xs: readonly T[]): T[] {
  return stable(xs, (a, b) => b.robust - a.robust || b.median - a.median || (b.depth ?? -1) - (a.depth ?? -1));
}

/** For each id, the id of an intervention that dominates it (the most effective one), or undefined. */
export function paretoDominators(xs: readonly Rankable[], tolerance = DEFAULT_TOLERANCE): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const d = (x: Rankable) => x.depth ?? 0;
  for (const a of xs) {
    const over = xs.filter((b) => b !== a && d(b) >= d(a) && b.robust >= a.robust - tolerance && (d(b) > d(a) || b.robust > a.robust + tolerance));
    out.set(a.id, over.length ? byEffect(over)[0].id : undefined);
  }
  return out;
}

/** Frontier ids, deepest first. */
export function frontier(xs: readonly Rankable[], tolerance = DEFAULT_TOLERANCE): string[] {
  const dom = paretoDominators(xs, tolerance);
  return stable(xs.filter((x) => dom.get(x.id) === undefined), (a, b) => (b.depth ?? 0) - (a.depth ?? 0) || b.robust - a.robust).map((x) => x.id);
}

/**
 * Band index of each id: floor((best robust effect − e) / band). A censored effect (±∞, a time
 * of event that never happens) equal to the best is in band 0; one infinitely far from the
 * best is in the band after every finite one.
 */
export function bands(xs: readonly Rankable[], band = DEFAULT_BAND): Map<string, number> {
  const best = Math.max(...xs.map((x) => x.robust));
  const gap = xs.map((x) => (x.robust === best ? 0 : Math.floor((best - x.robust) / band + 1e-9)));
  const last = Math.max(0, ...gap.filter(Number.isFinite));
  return new Map(xs.map((x, i) => [x.id, Number.isFinite(gap[i]) ? gap[i] : last + 1]));
}

export function lexicographic<T extends Rankable>(xs: readonly T[], band = DEFAULT_BAND): T[] {
  const b = bands(xs, band);
  return stable(xs, (x, y) => b.get(x.id)! - b.get(y.id)! || (y.depth ?? -1) - (x.depth ?? -1) || y.robust - x.robust || y.median - x.median);
}

/** Score e × (1 + β d); null for interventions without a simulatable level. */
export function weightedScore(x: Rankable, beta = DEFAULT_BETA): number | null {
  return x.depth === null ? null : x.robust * (1 + beta * x.depth);
}

/** Positive robust effects by score, then the rest by effect, then the unranked. */
export function weighted<T extends Rankable>(xs: readonly T[], beta = DEFAULT_BETA): T[] {
  const score = (x: T) => weightedScore(x, beta);
  const group = (x: T) => (score(x) === null ? 2 : x.robust > 0 ? 0 : 1);
  return stable(xs, (a, b) => group(a) - group(b) || (group(a) === 0 ? score(b)! - score(a)! : b.robust - a.robust) || b.median - a.median);
}

/** Array sort that keeps the input order for ties (the model's scenario order). */
function stable<T>(xs: readonly T[], cmp: (a: T, b: T) => number): T[] {
  return xs.map((x, i) => ({ x, i })).sort((a, b) => cmp(a.x, b.x) || a.i - b.i).map((p) => p.x);
}
