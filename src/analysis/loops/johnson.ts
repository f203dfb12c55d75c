/**
 * Every elementary circuit of a digraph: Johnson (1975), SIAM J. Comput. 4(1):77-84,
 * O((V + E)(C + 1)). Iterative (no recursion, so deep graphs cannot overflow the stack) and
 * strongly-connected-component based like networkx's `simple_cycles`: take a component,
 * find every circuit through one of its nodes, remove that node, split the rest into
 * components again. Each circuit is found exactly once; two directions around the same
 * node set are two circuits. The SCCs come from graph/scc.ts (Tarjan).
 */
import { stronglyConnected, type Adjacency } from '../../graph/scc.js';

export interface Circuits {
  /** Node index sequences; the circuit closes from the last node back to the first. */
  readonly circuits: number[][];
  /** True when enumeration stopped because more than `limit` circuits exist. */
  readonly truncated: boolean;
}

/** Enumerates circuits; stops once more than `limit` are found (then `truncated`). */
export function elementaryCircuits(out: Adjacency, limit = Infinity): Circuits {
  const circuits: number[][] = [];
  const full = () => circuits.length > limit;
  for (let v = 0; v < out.length; v++) if (out[v].includes(v)) circuits.push([v]);
  const pending = componentsOf(out.map((_, i) => i), out, new Uint8Array(out.length).fill(1));
  const alive = new Uint8Array(out.length);
  while (pending.length && !full()) {
    const comp = pending.pop()!;
    alive.fill(0);
    for (const i of comp) alive[i] = 1;
    const start = comp[0];
    circuitsThrough(start, out, alive, circuits, full);
    alive[start] = 0;
    pending.push(...componentsOf(comp.slice(1), out, alive));
  }
  return { circuits: full() ? circuits.slice(0, limit + 1) : circuits, truncated: full() };
}

/** Johnson's CIRCUIT procedure for one start node inside the `alive` subgraph. */
function circuitsThrough(start: number, out: Adjacency, alive: Uint8Array, circuits: number[][], full: () => boolean): void {
  const blocked = new Set<number>([start]);
  const closed = new Set<number>();
  const b = new Map<number, Set<number>>();
  const path = [start];
  const next = (v: number) => out[v].filter((w) => alive[w] && w !== v);
  const stack: { v: number; todo: number[] }[] = [{ v: start, todo: next(start) }];
  while (stack.length) {
    if (full()) return;
    const top = stack[stack.length - 1];
    if (top.todo.length) {
      const w = top.todo.pop()!;
      if (w === start) {
        circuits.push([...path]);
        for (const p of path) closed.add(p);
      } else if (!blocked.has(w)) {
        path.push(w);
        stack.push({ v: w, todo: next(w) });
        closed.delete(w);
        blocked.add(w);
        continue;
      }
    }
    if (!top.todo.length) {
      if (closed.has(top.v)) unblock(top.v, blocked, b);
      else for (const w of next(top.v)) {
        if (!b.has(w)) b.set(w, new Set());
        b.get(w)!.add(top.v);
      }
      stack.pop();
      path.pop();
    }
  }
}

function unblock(v: number, blocked: Set<number>, b: Map<number, Set<number>>): void {
  const stack = [v];
  while (stack.length) {
    const u = stack.pop()!;
    if (!blocked.delete(u)) continue;
    const waiting = b.get(u);
    if (waiting) {
      stack.push(...waiting);
      waiting.clear();
    }
  }
}

/** Cyclic components (with more than one node) of the subgraph induced by `nodes`. */
function componentsOf(nodes: readonly number[], out: Adjacency, alive: Uint8Array): number[][] {
  const local = new Map(nodes.map((n, i) => [n, i]));
  const adj = nodes.map((n) => out[n].filter((w) => alive[w] && local.has(w) && w !== n).map((w) => local.get(w)!));
  return stronglyConnected(adj)
    .filter((c) => c.length > 1)
    .map((c) => c.map((i) => nodes[i]).sort((x, y) => x - y));
}
