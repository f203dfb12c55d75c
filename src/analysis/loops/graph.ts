/**
 * The causal (variable) graph of a lowered model, as loop analysis sees it (§1.6 step 1):
 * an edge x → z when z's equation reads x; x → stock when x appears in the stock's net
 * rate (its inflows and outflows, or the rate expression of a builtin's helper stock);
 * x → previous()/fixed-delay value when x appears in the delayed expression. Constants,
 * lookups and init() values never change during a run, so they carry no edges.
 */
import { helperOwner, type Program, type ProgramNode } from '../../builtins/program.js';
import { references, type Expr } from '../../expr/ast.js';
import { inlineVectorReads } from '../../builtins/vector-sites.js';
import { isCyclic, stronglyConnected, type Adjacency } from '../../graph/scc.js';
import type { LookupTable } from '../../model/types.js';

/** How links into a node are scored: ceteris-paribus (§1.2) or flow-to-stock (§1.3). */
export type ScoreKind = 'aux' | 'stock';

export interface CausalNode {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly kind: ProgramNode['kind'];
  /** Created by expanding a stateful builtin (smooth, delay …) rather than written by the modeller. */
  readonly helper: boolean;
  /** For helpers: the id of the model variable whose equation called the builtin. */
  readonly owner?: string;
  /** Holds state between steps: a stock, or a previous()/fixed-delay value. */
  readonly state: boolean;
  readonly scoreKind: ScoreKind;
  /** The function whose inputs are the node's causes: equation, net rate or delayed source. */
  readonly fn: Expr;
  /** Graphical function applied to `fn` (an auxiliary or flow with a lookup). */
  readonly table?: LookupTable;
}

export interface CausalGraph {
  readonly nodes: readonly CausalNode[];
  readonly byId: ReadonlyMap<string, number>;
  /** Successors: out[i] lists j for every link i → j. */
  readonly out: Adjacency;
  /** Strongly connected component of each node (−1 for nodes on no cycle). */
  readonly component: Int32Array;
  /** Nodes of each cyclic component (the cycle partitions, stocks and all). */
  readonly components: readonly (readonly number[])[];
}

const CARRIED = new Set(['stock', 'flow', 'aux', 'previous', 'pipeline', 'history', 'conveyor']);

export function causalGraph(program: Program): CausalGraph {
  const equationOf = (id: string) => program.byId.get(id)?.equation;
  const nodes: CausalNode[] = [];
  const byId = new Map<string, number>();
  for (const n of program.nodes) {
    if (!CARRIED.has(n.kind)) continue;
    const raw = n.kind === 'stock' ? n.rate : n.kind === 'previous' || n.kind === 'pipeline' || n.kind === 'history' || n.kind === 'conveyor' ? n.source : n.equation;
    if (!raw) continue;
    // a vector reader is scored as the per-element call it stands for, over the array's elements
    const fn = inlineVectorReads(raw, equationOf);
    byId.set(n.id, nodes.length);
    nodes.push({
      index: nodes.length, id: n.id, name: n.name, kind: n.kind, helper: n.helper, owner: n.helper ? helperOwner(n.id) : undefined,
      state: n.kind === 'stock' || n.kind === 'previous' || n.kind === 'pipeline' || n.kind === 'history' || n.kind === 'conveyor',
      scoreKind: n.kind === 'stock' ? 'stock' : 'aux', fn, table: n.kind === 'flow' || n.kind === 'aux' ? n.table : undefined,
    });
  }
  const out: number[][] = nodes.map(() => []);
  for (const z of nodes) {
    for (const id of references(z.fn)) {
      const x = byId.get(id);
      if (x !== undefined && !out[x].includes(z.index)) out[x].push(z.index);
    }
  }
  const component = new Int32Array(nodes.length).fill(-1);
  const components: number[][] = [];
  for (const comp of stronglyConnected(out)) {
    if (!isCyclic(comp, out)) continue;
    for (const i of comp) component[i] = components.length;
    components.push([...comp].sort((a, b) => a - b));
  }
  return { nodes, byId, out, component, components };
}

/** The links i → j with both ends in the same cyclic component: exactly the links on some loop. */
export function loopLinks(g: CausalGraph): [number, number][] {
  const links: [number, number][] = [];
  g.out.forEach((succ, i) => {
    for (const j of succ) if (g.component[i] >= 0 && g.component[i] === g.component[j]) links.push([i, j]);
  });
  return links;
}
