/**
 * Vensim vector functions over expanded arrays, as native n-ary expressions. The vector
 * runs along the last subscript of the array argument (test-models `vector_order`):
 * - VECTOR RANK(v, dir): 1-based rank of this element, ties by position; dir 1 ascending,
 *   0 descending. rank_k = 1 + Σ_j [v_j < v_k] + Σ_{j<k} [v_j = v_k].
 * - VECTOR SORT ORDER(v, dir): the 0-based position of the element ranked k-th.
 * - VECTOR REORDER(v, order): v at the 0-based position order_k.
 * - VECTOR ELM MAP(v[start], offset) (Vensim reference, VECTOR ELM MAP): the element `offset`
 *   places after `start` in the array taken as one list in storage order (the last subscript
 *   varies fastest); :NA: when that falls outside the array.
 * - VECTOR SELECT(sel, x, missing, action, error) (Vensim reference, VECTOR SELECT) over
 *   every `!` range of both arrays: 0 Σ s·x, 1 Π s·x, 2 min s·x, 3 max s·x, 4 mean s·x,
 *   5 Π x^s, 6 Σ x, 7 Π x, 8 min x, 9 max x, 10 mean x, all over the nonzero selections;
 *   `missing` when none is nonzero. (Action 5 is x^s, as Vensim's own outputs show.)
 * - INVERT MATRIX(m, n) of constants is inverted when the model is read.
 * - ALLOCATE BY PRIORITY / ALLOCATE AVAILABLE become engine calls (see allocation.ts), and
 *   FIND MARKET PRICE, DEMAND AT PRICE, SUPPLY AT PRICE too (market.ts), and VECTOR LOOKUP
 *   (vector-lookup.ts).
 */
import { error } from '../../core/diagnostics.js';
import { canonicalName } from '../../core/names.js';
import { bin, call, num, type Expr } from '../../expr/ast.js';
import type { VExpr } from './ast.js';
import { translateAllocation } from './allocation.js';
import { expandOver, bangDims, bangBindings } from './arrays.js';
import { invertMatrix } from './matrix.js';
import { MARKET_FUNCTIONS, translateMarket } from './market.js';
import { translateVectorLookup } from './vector-lookup.js';
import { NA_VALUE } from './builtins.js';
import { instanceName, resolveTuple, varRef } from './resolve.js';
import { where, withBindings, type Scope } from './scope.js';
import { translate } from './translate.js';

export const VECTOR_FUNCTIONS: ReadonlySet<string> = new Set([
  'vector_select', 'vector_elm_map', 'vector_sort_order', 'vector_rank', 'vector_reorder', 'allocate_by_priority', 'allocate_available', 'invert_matrix',
  'find_market_price', 'demand_at_price', 'supply_at_price', 'vector_lookup',
]);

type Call = Extract<VExpr, { k: 'call' }>;

export function fail(sc: Scope, pos: number, message: string): undefined {
  sc.index.diags.push(error('bad-argument', message, where(sc, pos)));
  return undefined;
}

/** The elements of an array argument along its last subscript, and this element's position. */
export function vectorOf(arg: VExpr, sc: Scope): { items: Expr[]; k: number } | undefined {
  if (arg.k !== 'ref' || arg.subs.length === 0) return fail(sc, arg.pos, 'expected a subscripted variable such as x[range]');
  const v = sc.index.vars.get(canonicalName(arg.name));
  const last = arg.subs[arg.subs.length - 1];
  const dim = sc.index.dims.get(canonicalName(last.name));
  if (!v || !dim) return fail(sc, arg.pos, `'${arg.name}' must be a variable whose last subscript is a range`);
  const head = resolveTuple(arg.subs.slice(0, -1), sc);
  const here = last.bang ? [] : resolveTuple([last], sc);
  if (!head || !here) return undefined;
  const items: Expr[] = [];
  for (const el of dim.elements) {
    const name = instanceName(v, [...arg.subs.slice(0, -1), { name: el, bang: false, pos: last.pos }], arg.pos, withBindings(sc, new Map()));
    if (name === undefined) return undefined;
    items.push(varRef(name));
  }
  return { items, k: here.length ? dim.elements.indexOf(here[0]) : 0 };
}

const sum = (xs: Expr[]): Expr => (xs.length ? xs.reduce((a, b) => bin('+', a, b)) : num(0));

function rank(items: Expr[], k: number, ascending: boolean): Expr {
  const terms = items.flatMap((v, j) => {
    if (j === k) return [];
    const before = bin(ascending ? '<' : '>', v, items[k]);
    return j < k ? [bin('or', before, bin('==', v, items[k]))] : [before];
  });
  return bin('+', num(1), sum(terms));
}

function direction(arg: VExpr, sc: Scope): boolean | undefined {
  const d = translate(arg, sc);
  const value = d && sc.index.initialValue(d);
  if (value === undefined) return fail(sc, arg.pos, 'the sort direction must be a constant (1 ascending, 0 descending)');
  return value !== 0;
}

function select(e: Call, sc: Scope): Expr | undefined {
  if (e.args.length !== 5) return fail(sc, e.pos, `VECTOR SELECT takes 5 arguments, not ${e.args.length}`);
  const [selArg, xArg] = e.args;
  const combos = bangBindings([...new Set([...bangDims(selArg), ...bangDims(xArg)])], sc, e.pos);
  const missing = translate(e.args[2], sc);
  const action = translate(e.args[3], sc);
  if (!combos || !missing || !action) return undefined;
  const pairs: [Expr, Expr][] = [];
  for (const b of combos) {
    const s = translate(selArg, withBindings(sc, b));
    const x = translate(xArg, withBindings(sc, b));
    if (!s || !x) return undefined;
    pairs.push([s, x]);
  }
  const nz = (s: Expr): Expr => bin('!=', s, num(0));
  const when = (s: Expr, v: Expr, other: Expr): Expr => ({ kind: 'if', cond: nz(s), then: v, else: other });
  const count = sum(pairs.map(([s]) => nz(s)));
  const weighted = pairs.map(([s, x]) => bin('*', s, x));
  const prod = (xs: Expr[]) => xs.reduce((a, b) => bin('*', a, b));
  const actions: Expr[] = [
    sum(weighted),
    prod(pairs.map(([s], i) => when(s, weighted[i], num(1)))),
    call('min', ...pairs.map(([s], i) => when(s, weighted[i], num(Infinity)))),
    call('max', ...pairs.map(([s], i) => when(s, weighted[i], num(-Infinity)))),
    bin('/', sum(weighted), count),
    prod(pairs.map(([s, x]) => when(s, bin('^', x, s), num(1)))),
    sum(pairs.map(([s, x]) => when(s, x, num(0)))),
    prod(pairs.map(([s, x]) => when(s, x, num(1)))),
    call('min', ...pairs.map(([s, x]) => when(s, x, num(Infinity)))),
    call('max', ...pairs.map(([s, x]) => when(s, x, num(-Infinity)))),
    bin('/', sum(pairs.map(([s, x]) => when(s, x, num(0)))), count),
  ];
  const fixed = sc.index.initialValue(action);
  const chosen = fixed !== undefined && action.kind === 'num'
    ? actions[fixed] ?? fail(sc, e.args[3].pos, `VECTOR SELECT has no numerical action ${fixed} (0 to 10)`)
    : actions.reduceRight<Expr>((other, a, i) => ({ kind: 'if', cond: bin('==', action, num(i)), then: a, else: other }), num(NaN));
  return chosen && { kind: 'if', cond: bin('==', count, num(0)), then: missing, else: chosen };
}

/** VECTOR ELM MAP(v[start], offset): the array's elements in storage order, counted from start. */
function elmMap(e: Call, sc: Scope): Expr | undefined {
  const [arg, offsetArg] = e.args;
  if (arg.k !== 'ref' || arg.subs.length === 0) return fail(sc, arg.pos, 'VECTOR ELM MAP expects a subscripted variable such as x[start]');
  const v = sc.index.vars.get(canonicalName(arg.name));
  const start = resolveTuple(arg.subs, sc);
  const offset = translate(offsetArg, sc);
  if (!v || !start || !offset) return v ? undefined : fail(sc, arg.pos, `'${arg.name}' is not a variable of this model`);
  const dims = sc.index.dims;
  const order = (el: string) => dims.valueOf(el) ?? 0;
  const tuples = [...v.instances.values()].map((i) => i.tuple)
    .sort((a, b) => a.reduce((c, el, p) => c || order(el) - order(b[p]), 0));
  const k = tuples.findIndex((t) => t.join(',') === start.join(','));
  if (k < 0) return fail(sc, arg.pos, `'${arg.name}' has no element [${start.join(',')}]`);
  const items = tuples.map((t) => instanceName(v, t.map((name) => ({ name, bang: false, pos: arg.pos })), arg.pos, sc));
  if (items.some((x) => x === undefined)) return undefined;
  const fixed = sc.index.constantValue(offset);
  if (fixed !== undefined) return Number.isInteger(fixed) && items[k + fixed] ? varRef(items[k + fixed]!) : num(NA_VALUE);
  return items.reduceRight<Expr>((other, name, i) => ({ kind: 'if', cond: bin('==', offset, num(i - k)), then: varRef(name!), else: other }), num(NA_VALUE));
}

export function translateVector(id: string, e: Call, sc: Scope): Expr | undefined {
  if (id === 'vector_select') return select(e, sc);
  if (id === 'vector_elm_map') return e.args.length === 2 ? elmMap(e, sc) : fail(sc, e.pos, `VECTOR ELM MAP takes 2 arguments, not ${e.args.length}`);
  if (id === 'invert_matrix') return invertMatrix(e, sc);
  if (id === 'allocate_by_priority' || id === 'allocate_available') return translateAllocation(id, e, sc);
  if (MARKET_FUNCTIONS.has(id)) return translateMarket(id, e, sc);
  if (id === 'vector_lookup') return translateVectorLookup(e, sc);
  if (e.args.length !== 2) return fail(sc, e.pos, `${e.fn} takes 2 arguments, not ${e.args.length}`);
  const vec = vectorOf(e.args[0], sc);
  if (!vec) return undefined;
  const { items, k } = vec;
  if (id === 'vector_reorder') {
    const order = translate(e.args[1], sc);
    return order && sum(items.map((v, i) => bin('*', v, bin('==', order, num(i)))));
  }
  const asc = direction(e.args[1], sc);
  if (asc === undefined) return undefined;
  if (id === 'vector_rank') return rank(items, k, asc);
  // VECTOR SORT ORDER
  return sum(items.map((_, i) => bin('*', num(i), bin('==', rank(items, i, asc), num(k + 1)))));
}

export { expandOver };
