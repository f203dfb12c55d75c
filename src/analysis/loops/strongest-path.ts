/**
 * The strongest-path loop search of Eberlein & Schoenberg 2020 ("Finding the Loops that
 * Matter"), for models with too many loops to enumerate (§1.6 step 4). At each searched
 * time: sort every node's outgoing links by |link score|, then from every stock follow
 * links depth-first, multiplying scores, and cut a branch when it reaches a node with a
 * smaller running score than some earlier visit reached (`best`). Closing back at the start
 * stock records a loop. The paper's pseudo-code resets `best` once per time; like simlin
 * (ltm_finding.rs) we reset it per start stock, because otherwise one stock's search
 * prunes every other stock's own loops: on the three-party arms race the printed version
 * finds 3 of the 8 loops, the per-stock reset 7 (it misses the weaker B–C pair).
 *
 * It is a heuristic: it can miss strong loops and usually misses near-duplicates of the
 * loops it finds. Links with score 0 are not followed (a loop through them scores 0).
 */
import type { CausalGraph } from './graph.js';
import { canonicalKey } from './collapse.js';

/** At most this many searched times (spread evenly over the run). */
const MAX_SEARCHES = 2000;

export function strongestPathCircuits(
  g: CausalGraph, links: readonly (readonly [number, number])[], scores: readonly Float64Array[], maxLoops = Infinity,
): { circuits: number[][]; truncated: boolean } {
  const found = new Map<string, number[]>();
  const n = scores[0]?.length ?? 0;
  const stride = Math.max(1, Math.ceil(n / MAX_SEARCHES));
  const stocks = g.nodes.filter((v) => v.state && g.component[v.index] >= 0).map((v) => v.index);
  const best = new Float64Array(g.nodes.length);
  const visiting = new Uint8Array(g.nodes.length);
  const stack: number[] = [];
  let target = -1;
  let out: { to: number; score: number }[][] = [];

  const visit = (v: number, score: number): void => {
    if (found.size > maxLoops) return;
    if (visiting[v]) {
      if (v === target) {
        const key = canonicalKey(stack);
        if (!found.has(key)) found.set(key, [...stack]);
      }
      return;
    }
    if (score < best[v]) return;
    best[v] = score;
    visiting[v] = 1;
    stack.push(v);
    for (const link of out[v]) visit(link.to, score * link.score);
    visiting[v] = 0;
    stack.pop();
  };

  for (let k = 1; k < n; k += stride) {
    out = g.nodes.map(() => []);
    links.forEach(([from, to], i) => {
      const s = Math.abs(scores[i][k]);
      if (s > 0) out[from].push({ to, score: s });
    });
    for (const list of out) list.sort((a, b) => b.score - a.score);
    for (const s of stocks) {
      best.fill(0);
      target = s;
      visit(s, 1);
    }
  }
  const circuits = [...found.values()];
  return { circuits: circuits.slice(0, Number.isFinite(maxLoops) ? maxLoops : undefined), truncated: found.size > maxLoops };
}
