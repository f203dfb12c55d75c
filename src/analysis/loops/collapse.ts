/**
 * Loops through stateful builtins (§1.7; Schoenberg & Eberlein 2020 on macros). Builtins
 * such as smooth3 or delay3 are expanded into helper stocks before analysis, so raw
 * circuits run through their internals. As Stella does for macros:
 * - circuits made only of helper nodes (the first-order drains inside a smooth or delay)
 *   are dropped: they are how the builtin works, not feedback the modeller wrote;
 * - circuits through a builtin are collapsed to the variables the modeller wrote; circuits
 *   that collapse to the same sequence (different pathways through one builtin, e.g. the
 *   two inside trend()) form one loop whose score at each dt is that of its strongest
 *   pathway — the composite link score.
 * Helper stocks still count as the loop's stocks (they set its cycle partition).
 */
import type { CausalGraph } from './graph.js';

export interface LoopGroup {
  /** Visible (modeller-written) node indices in loop order, starting at a stock if any. */
  readonly visible: readonly number[];
  /** The raw circuits (node indices) collapsing to `visible`. */
  readonly members: readonly (readonly number[])[];
  /** Cyclic component (cycle partition) of the loop. */
  readonly component: number;
}

export function collapseCircuits(g: CausalGraph, circuits: readonly (readonly number[])[]): LoopGroup[] {
  const groups = new Map<string, { visible: number[]; members: (readonly number[])[]; component: number }>();
  for (const c of circuits) {
    if (c.every((i) => g.nodes[i].helper)) continue;
    const visible = startAtStock(g, c).filter((i) => !g.nodes[i].helper);
    const key = canonicalKey(visible);
    const group = groups.get(key);
    if (group) group.members.push(c);
    else groups.set(key, { visible, members: [c], component: g.component[c[0]] });
  }
  return [...groups.values()];
}

/** Rotation of a circuit to a canonical key: the rotation starting at its smallest node. */
export function canonicalKey(nodes: readonly number[]): string {
  let m = 0;
  for (let i = 1; i < nodes.length; i++) if (nodes[i] < nodes[m]) m = i;
  return [...nodes.slice(m), ...nodes.slice(0, m)].join(',');
}

/**
 * Rotates a circuit to start at its first modeller-written stock (model order); without
 * one, at the first written node after a builtin's helpers (the builtin's output), else
 * at its smallest node.
 */
function startAtStock(g: CausalGraph, c: readonly number[]): number[] {
  const n = c.length;
  let best = -1;
  for (let i = 0; i < n; i++) {
    const node = g.nodes[c[i]];
    if (node.state && !node.helper && (best < 0 || c[i] < c[best])) best = i;
  }
  if (best < 0) {
    for (let i = 0; i < n; i++) {
      if (!g.nodes[c[i]].helper && g.nodes[c[(i - 1 + n) % n]].helper && (best < 0 || c[i] < c[best])) best = i;
    }
  }
  if (best < 0) for (let i = 0; i < n; i++) if (best < 0 || c[i] < c[best]) best = i;
  return [...c.slice(best), ...c.slice(0, best)];
}

/** Display labels of the builtins a circuit passes through: `Perceived (smooth3)`. */
export function builtinsOn(g: CausalGraph, c: readonly number[], nameOf: (id: string) => string): string[] {
  const out: string[] = [];
  for (const i of c) {
    const n = g.nodes[i];
    if (!n.helper || !n.owner) continue;
    const owner = nameOf(n.owner);
    const label = n.name.startsWith(owner) ? n.name.slice(owner.length).trim() : n.name;
    const kind = label.replace(/\s*#\d+$/, '').replace(/\s+(stage|outflow)(\s+\d+)?$/, '').replace(/\s+average$/, '');
    const text = `${owner} (${kind})`;
    if (!out.includes(text)) out.push(text);
  }
  return out;
}
