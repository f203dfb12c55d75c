/**
 * Vensim's vector functions as native expressions over the elements of their arguments, shared
 * by the `.mdl` reader (vensim/vectors.ts) and the XMILE reader (xmile/vectors.ts), which only
 * differ in how they find those elements. Sources: Vensim reference, VECTOR RANK, VECTOR SORT
 * ORDER, VECTOR REORDER, VECTOR ELM MAP, VECTOR SELECT, VECTOR LOOKUP.
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
import { bin, call, num, type Expr } from '../expr/ast.js';
import { NA_VALUE } from './vensim/builtins.js';

export const sumOf = (xs: readonly Expr[]): Expr => (xs.length ? xs.reduce((a, b) => bin('+', a, b)) : num(0));

const productOf = (xs: readonly Expr[]): Expr => (xs.length ? xs.reduce((a, b) => bin('*', a, b)) : num(1));

/** VECTOR RANK: the 1-based rank of element k among `items`, ties broken by position. */
export function vectorRank(items: readonly Expr[], k: number, ascending: boolean): Expr {
  const terms = items.flatMap((v, j) => {
    if (j === k) return [];
    const before = bin(ascending ? '<' : '>', v, items[k]);
    return j < k ? [bin('or', before, bin('==', v, items[k]))] : [before];
  });
  return bin('+', num(1), sumOf(terms));
}

/** VECTOR SORT ORDER: the 0-based position of the element that ranks (k + 1)-th. */
export function vectorSortOrder(items: readonly Expr[], k: number, ascending: boolean): Expr {
  return sumOf(items.map((_, i) => bin('*', num(i), bin('==', vectorRank(items, i, ascending), num(k + 1)))));
}

/** VECTOR REORDER: the element at the 0-based position `order`. */
export function vectorReorder(items: readonly Expr[], order: Expr): Expr {
  return sumOf(items.map((v, i) => bin('*', v, bin('==', order, num(i)))));
}

/**
 * VECTOR ELM MAP: the element `offset` places after element k of `items` (the whole array in
 * storage order); :NA: outside it. A `fixed` offset (known before the run) names the element.
 */
export function vectorElmMap(items: readonly Expr[], k: number, offset: Expr, fixed: number | undefined): Expr {
  if (fixed !== undefined) return Number.isInteger(fixed) && items[k + fixed] ? items[k + fixed] : num(NA_VALUE);
  return items.reduceRight<Expr>((other, item, i) => ({ kind: 'if', cond: bin('==', offset, num(i - k)), then: item, else: other }), num(NA_VALUE));
}

/** The numerical actions of VECTOR SELECT, 0 to 10. */
export const SELECT_ACTIONS = 11;

/**
 * VECTOR SELECT over (selection, value) pairs. `fixed` is the action when known before the
 * run (undefined when it is not one of 0…10: the caller reports it); otherwise the action is
 * chosen while the model runs, NaN for an action that is none of them.
 */
export function vectorSelect(pairs: readonly (readonly [Expr, Expr])[], missing: Expr, action: Expr, fixed?: number): Expr | undefined {
  const nz = (s: Expr): Expr => bin('!=', s, num(0));
  const when = (s: Expr, v: Expr, other: Expr): Expr => ({ kind: 'if', cond: nz(s), then: v, else: other });
  const count = sumOf(pairs.map(([s]) => nz(s)));
  const weighted = pairs.map(([s, x]) => bin('*', s, x));
  const actions: Expr[] = [
    sumOf(weighted),
    productOf(pairs.map(([s], i) => when(s, weighted[i], num(1)))),
    call('min', ...pairs.map(([s], i) => when(s, weighted[i], num(Infinity)))),
    call('max', ...pairs.map(([s], i) => when(s, weighted[i], num(-Infinity)))),
    bin('/', sumOf(weighted), count),
    productOf(pairs.map(([s, x]) => when(s, bin('^', x, s), num(1)))),
    sumOf(pairs.map(([s, x]) => when(s, x, num(0)))),
    productOf(pairs.map(([s, x]) => when(s, x, num(1)))),
    call('min', ...pairs.map(([s, x]) => when(s, x, num(Infinity)))),
    call('max', ...pairs.map(([s, x]) => when(s, x, num(-Infinity)))),
    bin('/', sumOf(pairs.map(([s, x]) => when(s, x, num(0)))), count),
  ];
  const chosen = fixed !== undefined
    ? actions[fixed]
    : actions.reduceRight<Expr>((other, a, i) => ({ kind: 'if', cond: bin('==', action, num(i)), then: a, else: other }), num(NaN));
  return chosen && { kind: 'if', cond: bin('==', count, num(0)), then: missing, else: chosen };
}

/** True when `mode` may be VECTOR LOOKUP's mode (0 to 9); a mode known only during the run passes. */
export const lookupModeOk = (mode: number | undefined): boolean => mode === undefined || (Number.isInteger(mode) && mode >= 0 && mode <= 9);

/** VECTOR LOOKUP(vec, x, xmin, xmax, mode) with the elements of vec as the y values. */
export function vectorLookup(ys: readonly Expr[], x: Expr, xmin: Expr, xmax: Expr, mode: Expr): Expr {
  return call('vector_lookup', x, xmin, xmax, mode, num(NA_VALUE), ...ys);
}

/** A rank or sort order whose direction is known only during the run: ascending unless it is 0. */
export function byDirection(direction: Expr, build: (ascending: boolean) => Expr): Expr {
  return { kind: 'if', cond: bin('!=', direction, num(0)), then: build(true), else: build(false) };
}
