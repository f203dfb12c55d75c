/**
 * Vector sites: Vensim's vector functions over a whole array, written so that each vector is
 * passed once per evaluation instead of once per element. The readers (io/vector-exprs.ts)
 * write the elements of an array once, as a variable `h = vector_of(x_1, …, x_n)` (its value is
 * n), and each element of the result as a reader of it:
 *   vector_rank_at(h, k, ascending)          = vector_rank(k, ascending, x_1, …, x_n)
 *   vector_sort_order_at(h, k, ascending)    = vector_sort_order(k, ascending, x_1, …, x_n)
 *   vector_reorder_at(h, order)              = vector_reorder(order, x_1, …, x_n)
 *   vector_elm_map_at(h, k, offset, missing) = vector_elm_map(k, offset, missing, x_1, …, x_n)
 *   allocate_by_priority_at(r, p, k, supply, width)
 *                                            = allocate_by_priority(k, supply, width, r_1 … r_n, p_1 … p_n)
 *   allocate_available_at(r, t, p, w, x, k, supply)
 *                                            = allocate_available(k, supply, r_1 … r_n, t_1, p_1, w_1, x_1, …, t_n, p_n, w_n, x_n)
 * so an array of n elements has n + 1 equations of O(n) arguments in all, not n of n each, and
 * what every element needs (a sort, an allocation's priority level) is computed once per
 * evaluation (vector-state.ts). `vector_of` must be the whole equation of an auxiliary or
 * flow, and the first arguments of a reader must name such variables (checkVectorSites).
 * Loop analysis scores the readers as the per-element functions they stand for (inlineVectorReads).
 */
import { error, type Diagnostic } from '../core/diagnostics.js';
import { call, mapExpr, walk, type Expr } from '../expr/ast.js';
import type { FunctionSpec } from './functions.js';
import type { ProgramNode } from './program.js';

/** A reader: how many leading arguments name vector_of variables, and the per-element function it stands for. */
interface Reader { readonly vectors: number; inline(rest: readonly Expr[], items: readonly (readonly Expr[])[]): Expr | undefined }

const READERS: Readonly<Record<string, Reader>> = {
  vector_rank_at: { vectors: 1, inline: ([k, asc], [x]) => call('vector_rank', k, asc, ...x) },
  vector_sort_order_at: { vectors: 1, inline: ([k, asc], [x]) => call('vector_sort_order', k, asc, ...x) },
  vector_reorder_at: { vectors: 1, inline: ([order], [x]) => call('vector_reorder', order, ...x) },
  vector_elm_map_at: { vectors: 1, inline: ([k, offset, missing], [x]) => call('vector_elm_map', k, offset, missing, ...x) },
  allocate_by_priority_at: {
    vectors: 2,
    inline: ([k, supply, width], [r, p]) => (r.length === p.length ? call('allocate_by_priority', k, supply, width, ...r, ...p) : undefined),
  },
  allocate_available_at: {
    vectors: 5,
    inline: ([k, supply], [r, ...columns]) => (columns.every((c) => c.length === r.length)
      ? call('allocate_available', k, supply, ...r, ...r.flatMap((_, i) => columns.map((c) => c[i]))) : undefined),
  },
};

const reader = (name: string, args: number, doc: string, fn: string): FunctionSpec => ({
  name, minArgs: args, maxArgs: args, units: name.startsWith('vector_rank') || name.startsWith('vector_sort') ? 'dimensionless' : 'none',
  vectorArgs: READERS[name].vectors, doc,
  emit: (a) => `R.${fn}(VS, ${a.join(', ')})`,
});

export const VECTOR_SITE_FUNCTIONS: readonly FunctionSpec[] = [
  { name: 'vector_of', minArgs: 1, maxArgs: Infinity, units: 'none', ownSlot: true,
    doc: 'vector_of(x_1, …, x_n): the elements of an array, passed once to the vector readers (vector_rank_at …); its value is n. It must be the whole equation of an auxiliary (vector-sites.ts)',
    emit: ([slot, ...items]) => `R.vectorOf(VS, ${slot}, [${items.join(', ')}])` },
  reader('vector_rank_at', 3, 'vector_rank_at(h, k, ascending): vector_rank(k, ascending, x_1, …, x_n) of h = vector_of(x_1, …, x_n), the array sorted once per evaluation (each step, each Runge–Kutta stage)', 'vectorRankAt'),
  reader('vector_sort_order_at', 3, 'vector_sort_order_at(h, k, ascending): vector_sort_order(k, ascending, x_1, …, x_n) of h = vector_of(x_1, …, x_n), the array sorted once per evaluation (each step, each Runge–Kutta stage)', 'vectorSortOrderAt'),
  reader('vector_reorder_at', 2, 'vector_reorder_at(h, order): vector_reorder(order, x_1, …, x_n) of h = vector_of(x_1, …, x_n)', 'vectorReorderAt'),
  reader('vector_elm_map_at', 4, 'vector_elm_map_at(h, k, offset, missing): vector_elm_map(k, offset, missing, x_1, …, x_n) of h = vector_of(x_1, …, x_n)', 'vectorElmMapAt'),
  reader('allocate_available_at', 7, 'allocate_available_at(r, t, p, w, x, k, supply): allocate_available(k, supply, r_1, …, r_n, t_1, p_1, w_1, x_1, …) of r = vector_of(r_1, …) and the profile columns t, p, w, x (type, priority, width, extra) = vector_of(…), the price solved once per evaluation (each step, each Runge–Kutta stage)', 'allocateAvailableAt'),
  reader('allocate_by_priority_at', 5, 'allocate_by_priority_at(r, p, k, supply, width): allocate_by_priority(k, supply, width, r_1, …, r_n, p_1, …, p_n) of r = vector_of(r_1, …) and p = vector_of(p_1, …), the level solved once per evaluation (each step, each Runge–Kutta stage)', 'allocateByPriorityAt'),
];

/** The elements of a vector_of variable, or undefined when `id` names none. */
type ItemsOf = (id: string) => readonly Expr[] | undefined;

const itemsIn = (e: Expr | undefined): readonly Expr[] | undefined => (e?.kind === 'call' && e.fn === 'vector_of' ? e.args : undefined);

/** The elements of each vector a reader call names, or undefined when one is not a vector_of variable. */
function vectorsOf(e: Extract<Expr, { kind: 'call' }>, itemsOf: ItemsOf): (readonly Expr[])[] | undefined {
  const out: (readonly Expr[])[] = [];
  for (const a of e.args.slice(0, READERS[e.fn].vectors)) {
    const items = a.kind === 'ref' ? itemsOf(a.id) : undefined;
    if (!items) return undefined;
    out.push(items);
  }
  return out;
}

/** `e` with every reader replaced by the per-element call it stands for (loop analysis scores those). */
export function inlineVectorReads(e: Expr, equationOf: (id: string) => Expr | undefined): Expr {
  const itemsOf: ItemsOf = (id) => itemsIn(equationOf(id));
  return mapExpr(e, (x) => {
    if (x.kind !== 'call' || !READERS[x.fn]) return x;
    const r = READERS[x.fn];
    const vectors = vectorsOf(x, itemsOf);
    return (vectors && r.inline(x.args.slice(r.vectors), vectors)) ?? x;
  });
}

/**
 * Reports vector_of anywhere but as the whole equation of an auxiliary or flow, and readers
 * whose vector arguments do not name such a variable (or name vectors of unequal length).
 */
export function checkVectorSites(nodes: readonly ProgramNode[], file: string | undefined): Diagnostic[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const itemsOf: ItemsOf = (id) => {
    const n = byId.get(id);
    return n && (n.kind === 'aux' || n.kind === 'flow') ? itemsIn(n.equation) : undefined;
  };
  const out: Diagnostic[] = [];
  for (const n of nodes) {
    const report = (message: string, hint: string) => out.push(error('bad-argument', message, { file, variable: n.name, hint }));
    const check = (top: Expr | undefined) => (e: Expr): void => {
      if (e.kind !== 'call') return;
      if (e.fn === 'vector_of' && !(e === top && (n.kind === 'aux' || n.kind === 'flow'))) {
        report('vector_of() must be the whole equation of an auxiliary', 'give the elements their own auxiliary, h = vector_of(x_1, …, x_n), and read it with vector_rank_at(h, …)');
      }
      const r = READERS[e.fn];
      const vectors = r && vectorsOf(e, itemsOf);
      if (r && (!vectors || vectors.some((v) => v.length !== vectors[0].length))) {
        report(`the first ${r.vectors === 1 ? 'argument' : `${r.vectors} arguments`} of ${e.fn}() must name ${r.vectors === 1 ? 'an auxiliary' : 'auxiliaries of equally many elements'} whose equation is vector_of(…)`,
          'write the elements once as h = vector_of(x_1, …, x_n) and pass h');
      }
    };
    if (n.equation) walk(n.equation, check(n.equation));
    for (const e of [n.rate, n.source, n.delay, ...(n.args ?? [])]) if (e) walk(e, check(undefined));
  }
  return out;
}
