/**
 * Vensim's vector functions over the elements of their arguments, shared by the `.mdl` reader
 * (vensim/vectors.ts) and the XMILE reader (xmile/vectors.ts), which only differ in how they
 * find those elements. They become engine calls that take the elements and compute while the
 * model runs (builtins/vectors.ts, builtins/vector-lookup.ts); an ELM MAP whose offset is
 * known before the run is the element it names. Sources: Vensim reference, VECTOR RANK, VECTOR
 * SORT ORDER, VECTOR REORDER, VECTOR ELM MAP, VECTOR SELECT, VECTOR LOOKUP.
 * - rank: 1-based rank of element k, ties by position; rank_k = 1 + Σ_j [v_j < v_k] + Σ_{j<k} [v_j = v_k]
 *   (descending: > instead of <).
 * - sort order: the 0-based position of the element ranked (k+1)-th.
 * - reorder: v at the 0-based position `order`.
 * - elm map: the element `offset` places after element k of the array taken as one list in
 *   storage order; :NA: outside the array.
 * - select over (selection, value) pairs: 0 Σ s·x, 1 Π s·x, 2 min s·x, 3 max s·x, 4 mean s·x,
 *   5 Π x^s, 6 Σ x, 7 Π x, 8 min x, 9 max x, 10 mean x, all over the nonzero selections;
 *   `missing` when none is nonzero. (Action 5 is x^s, as Vensim's own outputs show.)
 * - lookup: the engine's vector_lookup through the elements as y values (builtins/vector-lookup.ts).
 */
import { call, num, type Expr } from '../expr/ast.js';
import { NA_VALUE } from './vensim/builtins.js';

/**
 * An array argument along the axis a vector function runs over: this element's position k
 * (0-based) and the elements. `source`, when the reader could make one, is a variable
 * `vector_of(elements)` shared by every element of the result (builtins/vector-sites.ts), so
 * the elements are written once per array instead of once per element.
 */
export interface VectorArg {
  readonly k: number;
  items(): readonly Expr[];
  readonly source?: Expr;
}

/** The elements a read has found and the vector_of variables it made for them, by what identifies the elements. */
export type VectorSources = Map<string, { readonly items: readonly Expr[]; readonly source: Expr }>;

/**
 * Element k of the array whose elements `key` identifies: the first time, `items()` finds them
 * and `define` adds a variable with the equation vector_of(elements) and returns a reference
 * to it; every other element of the array reuses both. Without `define` (a trial translation
 * that may add no variable) the elements are found and returned alone.
 */
export function sharedVector(made: VectorSources, key: string, k: number, items: () => readonly Expr[] | undefined, define?: (equation: Expr) => Expr): VectorArg | undefined {
  const known = made.get(key);
  if (known) return { k, items: () => known.items, source: known.source };
  const found = items();
  if (!found) return undefined;
  if (!define) return { k, items: () => found };
  const made1 = { items: found, source: define(call('vector_of', ...found)) };
  made.set(key, made1);
  return { k, items: () => made1.items, source: made1.source };
}

/** VECTOR RANK: the 1-based rank of element k among the elements, ties broken by position; ascending unless `ascending` is 0. */
export function vectorRank(v: VectorArg, ascending: Expr): Expr {
  return v.source ? call('vector_rank_at', v.source, num(v.k + 1), ascending) : call('vector_rank', num(v.k + 1), ascending, ...v.items());
}

/** VECTOR SORT ORDER: the 0-based position of the element that ranks (k + 1)-th. */
export function vectorSortOrder(v: VectorArg, ascending: Expr): Expr {
  return v.source ? call('vector_sort_order_at', v.source, num(v.k + 1), ascending) : call('vector_sort_order', num(v.k + 1), ascending, ...v.items());
}

/** VECTOR REORDER: the element at the 0-based position `order`. */
export function vectorReorder(v: VectorArg, order: Expr): Expr {
  return v.source ? call('vector_reorder_at', v.source, order) : call('vector_reorder', order, ...v.items());
}

/**
 * VECTOR ELM MAP: the element `offset` places after element k of the elements (the whole array
 * in storage order); :NA: outside it. A `fixed` offset (known before the run) names the element.
 */
export function vectorElmMap(v: VectorArg, offset: Expr, fixed: number | undefined): Expr {
  if (fixed !== undefined) {
    const items = v.items();
    return Number.isInteger(fixed) && items[v.k + fixed] ? items[v.k + fixed] : num(NA_VALUE);
  }
  return v.source ? call('vector_elm_map_at', v.source, num(v.k + 1), offset, num(NA_VALUE)) : call('vector_elm_map', num(v.k + 1), offset, num(NA_VALUE), ...v.items());
}

/** ALLOCATE BY PRIORITY: the allocation of requester k of the requests, by the priorities (as many). */
export function allocateByPriority(req: VectorArg, pri: VectorArg, supply: Expr, width: Expr): Expr {
  return req.source && pri.source ? call('allocate_by_priority_at', req.source, pri.source, num(req.k + 1), supply, width)
    : call('allocate_by_priority', num(req.k + 1), supply, width, ...req.items(), ...pri.items());
}

/**
 * ALLOCATE AVAILABLE: the allocation of requester k of the requests by the profile columns
 * (type, priority, width, extra), one element per requester in each.
 */
export function allocateAvailable(req: VectorArg, columns: readonly VectorArg[], supply: Expr): Expr {
  if (req.source && columns.every((c) => c.source)) return call('allocate_available_at', req.source, ...columns.map((c) => c.source!), num(req.k + 1), supply);
  const cols = columns.map((c) => c.items());
  return call('allocate_available', num(req.k + 1), supply, ...req.items(), ...req.items().flatMap((_, i) => cols.map((c) => c[i])));
}

/** The numerical actions of VECTOR SELECT, 0 to 10. */
export const SELECT_ACTIONS = 11;

/**
 * VECTOR SELECT over (selection, value) pairs. `fixed` is the action when known before the
 * run (undefined when it is not one of 0…10: the caller reports it); otherwise the action is
 * chosen while the model runs, NaN for an action that is none of them.
 */
export function vectorSelect(pairs: readonly (readonly [Expr, Expr])[], missing: Expr, action: Expr, fixed?: number): Expr | undefined {
  if (fixed !== undefined && !(Number.isInteger(fixed) && fixed >= 0 && fixed < SELECT_ACTIONS)) return undefined;
  return call('vector_select', fixed === undefined ? action : num(fixed), missing, ...pairs.map(([sel]) => sel), ...pairs.map(([, x]) => x));
}

/** True when `mode` may be VECTOR LOOKUP's mode (0 to 9); a mode known only during the run passes. */
export const lookupModeOk = (mode: number | undefined): boolean => mode === undefined || (Number.isInteger(mode) && mode >= 0 && mode <= 9);

/** VECTOR LOOKUP(vec, x, xmin, xmax, mode) with the elements of vec as the y values. */
export function vectorLookup(ys: readonly Expr[], x: Expr, xmin: Expr, xmax: Expr, mode: Expr): Expr {
  return call('vector_lookup', x, xmin, xmax, mode, num(NA_VALUE), ...ys);
}
