/**
 * Link scores (analysis-methods.md §1.2–1.3) at every dt of a run.
 *
 * Time convention (interval-end): the score stored at step k describes the interval
 * [t(k−1), t(k)]. For an auxiliary or flow z = f(x, y …):
 *   LS(x→z) = |Δx z / Δz| · sign(Δx z / Δx),  Δx z = f(x(k), y(k−1) …) − z(k−1)
 * (every other input, and time, held at the previous step). For a flow (or any input of a
 * stock's net rate r) into stock S, the 2023 formula with the dt correction:
 *   LS(x→S) = |dt · Δx r / (ΔS(k+1) − ΔS(k))| · sign(Δx r / Δx)
 * whose denominator S(k+1) − 2S(k) + S(k−1) is the stock change the flows of step k cause
 * (= dt · Δr under Euler, which is also used at the last step, where S(k+1) does not
 * exist). Flows and auxiliaries are thus scored over the same interval, which is what makes
 * loop scores independent of netting flows (test: net-flow split property). For an inflow
 * Δx r = Δx, for an outflow −Δx, so their polarity is +1 / −1 as the method prescribes.
 * Edge cases: 0 when the input or the target does not change, 0 (safe divide) at an
 * inflection where the flows change but the net rate does not, 0 at the first step (no
 * history), and 0 for any non-finite result.
 */
import type { Evaluator } from '../../compile/expression.js';
import type { CausalGraph } from './graph.js';
import { row, type History } from './history.js';

/** §1.2: the ceteris-paribus link score; `partial` = f(x now, others before) − z before. */
export function auxLinkScore(dz: number, dx: number, partial: number): number {
  if (dz === 0 || dx === 0) return 0;
  return Math.abs(partial / dz) * Math.sign(partial / dx);
}

/**
 * §1.3, Schoenberg, Hayward & Eberlein 2023 with simlin's dt correction: `partial` is the
 * input's part of the change of the stock's net rate, `d2S` the stock's second difference.
 */
export function flowToStockLinkScore(dt: number, partial: number, dx: number, d2S: number): number {
  if (d2S === 0 || dx === 0) return 0;
  return Math.abs((dt * partial) / d2S) * Math.sign(partial / dx);
}

export interface LinkScores {
  readonly links: readonly (readonly [number, number])[];
  /** scores[i][k]: link i at step k (interval-end). */
  readonly scores: readonly Float64Array[];
  /** Nodes whose equation could not be re-evaluated (their incoming links score 0). */
  readonly unevaluated: readonly number[];
}

export function linkScores(g: CausalGraph, h: History, evals: readonly (Evaluator | undefined)[], links: readonly (readonly [number, number])[]): LinkScores {
  const n = h.time.length;
  const scores = links.map(() => new Float64Array(n));
  const byTarget = new Map<number, number[]>();
  links.forEach(([, to], i) => {
    if (!byTarget.has(to)) byTarget.set(to, []);
    byTarget.get(to)!.push(i);
  });
  const slot = (node: number) => h.layout.slotOf.get(g.nodes[node].id)!;
  const unevaluated = [...byTarget.keys()].filter((z) => !evals[z]);
  const dt = h.sim.dt;
  const work = new Float64Array(h.layout.nSlots);
  for (let k = 1; k < n; k++) {
    const prev = row(h, k - 1);
    const cur = row(h, k);
    const [tp, tc] = [h.time[k - 1], h.time[k]];
    work.set(prev);
    for (const [z, ids] of byTarget) {
      const f = evals[z];
      if (!f) continue;
      const before = f(tp, prev);
      const change = f(tc, cur) - before;
      const stock = g.nodes[z].scoreKind === 'stock';
      let d2S = 0;
      if (stock) {
        const s = slot(z);
        d2S = k + 1 < n ? row(h, k + 1)[s] - 2 * cur[s] + prev[s] : dt * change;
      }
      for (const i of ids) {
        const x = slot(links[i][0]);
        work[x] = cur[x];
        const partial = f(tp, work) - before;
        work[x] = prev[x];
        const dx = cur[x] - prev[x];
        const s = stock ? flowToStockLinkScore(dt, partial, dx, d2S) : auxLinkScore(change, dx, partial);
        scores[i][k] = Number.isFinite(s) ? s : 0;
      }
    }
  }
  return { links, scores, unevaluated };
}
