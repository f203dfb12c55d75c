/**
 * Vensim vector functions over the elements of expanded arrays. The vector runs along the last subscript of
 * the array argument (test-models `vector_order`); VECTOR ELM MAP counts from its start
 * element through the whole array in storage order (the last subscript varies fastest);
 * VECTOR SELECT reduces over every `!` range of both arrays. What each computes is in
 * ../vector-exprs.ts, shared with the XMILE reader.
 * - INVERT MATRIX(m, n) of constants is inverted when the model is read.
 * - ALLOCATE BY PRIORITY / ALLOCATE AVAILABLE become engine calls (see allocation.ts), and
 *   FIND MARKET PRICE, DEMAND AT PRICE, SUPPLY AT PRICE too (market.ts), and VECTOR LOOKUP
 *   (vector-lookup.ts).
 */
import { error } from '../../core/diagnostics.js';
import { canonicalName } from '../../core/names.js';
import { num, type Expr } from '../../expr/ast.js';
import type { VExpr } from './ast.js';
import { translateAllocation } from './allocation.js';
import { expandOver, bangDims, bangBindings } from './arrays.js';
import { invertMatrix } from './matrix.js';
import { MARKET_FUNCTIONS, translateMarket } from './market.js';
import { translateVectorLookup } from './vector-lookup.js';
import { SELECT_ACTIONS, sharedVector, vectorElmMap, vectorRank, vectorReorder, vectorSelect, vectorSortOrder, type VectorArg } from '../vector-exprs.js';
import { printExpr } from './print.js';
import { instanceName, resolveTuple, varRef } from './resolve.js';
import { where, withBindings, type Scope, type VarInfo } from './scope.js';
import { arity, translate } from './translate.js';

/** The vector functions and their argument counts (Vensim reference), checked here for all of them. */
const VECTOR_ARITY: Readonly<Record<string, number>> = {
  vector_select: 5, vector_elm_map: 2, vector_sort_order: 2, vector_rank: 2, vector_reorder: 2, allocate_by_priority: 5,
  allocate_available: 3, invert_matrix: 2, find_market_price: 4, demand_at_price: 3, supply_at_price: 3, vector_lookup: 5,
};

export const VECTOR_FUNCTIONS: ReadonlySet<string> = new Set(Object.keys(VECTOR_ARITY));

type Call = Extract<VExpr, { k: 'call' }>;

export function fail(sc: Scope, pos: number, message: string): undefined {
  sc.index.diags.push(error('bad-argument', message, where(sc, pos)));
  return undefined;
}

/**
 * An array argument along its last subscript and this element's position. The elements are
 * found once per array: every element of the result shares them and, outside a trial
 * translation, the vector_of variable that holds them (../vector-exprs.ts).
 */
export function vectorOf(arg: VExpr, sc: Scope): VectorArg | undefined {
  if (arg.k !== 'ref' || arg.subs.length === 0) return fail(sc, arg.pos, 'expected a subscripted variable such as x[range]');
  const v = sc.index.vars.get(canonicalName(arg.name));
  const last = arg.subs[arg.subs.length - 1];
  const dim = sc.index.dims.get(canonicalName(last.name));
  if (!v || !dim) return fail(sc, arg.pos, `'${arg.name}' must be a variable whose last subscript is a range`);
  const head = resolveTuple(arg.subs.slice(0, -1), sc);
  const here = last.bang ? [] : resolveTuple([last], sc);
  if (!head || !here) return undefined;
  const nameAt = (el: string) => instanceName(v, [...arg.subs.slice(0, -1), { name: el, bang: false, pos: last.pos }], arg.pos, withBindings(sc, new Map()));
  const first = nameAt(dim.elements[0]);
  if (first === undefined) return undefined;
  const items = () => {
    const out: Expr[] = [];
    for (const el of dim.elements) {
      const name = nameAt(el);
      if (name === undefined) return undefined;
      out.push(varRef(name));
    }
    return out;
  };
  const define = sc.probe ? undefined : (equation: Expr) => {
    const name = sc.index.freshName([v.name, ...head, 'vector'].join(' '));
    sc.index.addSynthetic({ k: 'var', v: { kind: 'aux', name, id: canonicalName(name), equation: printExpr(equation), doc: `The elements of ${v.name} along ${dim.name}, passed once to the VECTOR functions that read them.`, partOf: sc.partOf ?? sc.variable } });
    return varRef(name);
  };
  const k = here.length ? dim.elements.indexOf(here[0]) : 0;
  return sharedVector(sc.index.vectors, [canonicalName(last.name), first, dim.elements.length].join('\u0000'), k, items, define);
}

/** The sort direction, 1 ascending or 0 descending. */
function direction(arg: VExpr, sc: Scope): Expr | undefined {
  const d = translate(arg, sc);
  const value = d && sc.index.initialValue(d);
  if (value === undefined) return fail(sc, arg.pos, 'the sort direction must be a constant (1 ascending, 0 descending)');
  return num(value !== 0 ? 1 : 0);
}

function select(e: Call, sc: Scope): Expr | undefined {
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
  const fixed = action.kind === 'num' ? action.value : undefined;
  if (fixed !== undefined && !(Number.isInteger(fixed) && fixed >= 0 && fixed < SELECT_ACTIONS)) return fail(sc, e.args[3].pos, `VECTOR SELECT has no numerical action ${fixed} (0 to 10)`);
  const chosen = vectorSelect(pairs, missing, action, fixed);
  // the same selection for every element of the left-hand side: computed once, in a variable of its own
  if (!chosen || !sc.lhs?.length || sc.probe || sc.params || sc.rename || !e.args.every((a) => sameForEveryElement(a, sc))) return chosen;
  const key = `select\u0000${e.pos}`;
  const known = sc.index.vectors.get(key);
  if (known) return known.source;
  const base = sc.variable.replace(/\[.*$/, '');
  const name = sc.index.freshName(`${base} vector select`);
  sc.index.addSynthetic({ k: 'var', v: { kind: 'aux', name, id: canonicalName(name), equation: printExpr(chosen), doc: `VECTOR SELECT of ${base}, the same for each of its elements.`, partOf: sc.partOf ?? sc.variable } });
  sc.index.vectors.set(key, { items: [], source: varRef(name) });
  return varRef(name);
}

/** True when `e` names no range except under `!`, so it is the same for every element being translated. */
function sameForEveryElement(e: VExpr, sc: Scope): boolean {
  const isRange = (name: string) => sc.index.dims.get(canonicalName(name)) !== undefined;
  const subsOk = (subs: readonly { readonly name: string; readonly bang: boolean }[]) => subs.every((x) => x.bang || !isRange(x.name));
  switch (e.k) {
    case 'ref': return !isRange(e.name) && subsOk(e.subs);
    case 'call': return !sc.index.macros.has(canonicalName(e.fn)) && subsOk(e.subs) && e.args.every((a) => sameForEveryElement(a, sc));
    case 'unary': return sameForEveryElement(e.arg, sc);
    case 'binary': return sameForEveryElement(e.left, sc) && sameForEveryElement(e.right, sc);
    default: return true;
  }
}

/** VECTOR ELM MAP(v[start], offset): the array's elements in storage order, counted from start. */
function elmMap(e: Call, sc: Scope): Expr | undefined {
  const [arg, offsetArg] = e.args;
  if (arg.k !== 'ref' || arg.subs.length === 0) return fail(sc, arg.pos, 'VECTOR ELM MAP expects a subscripted variable such as x[start]');
  const v = sc.index.vars.get(canonicalName(arg.name));
  const start = resolveTuple(arg.subs, sc);
  const offset = translate(offsetArg, sc);
  if (!v || !start || !offset) return v ? undefined : fail(sc, arg.pos, `'${arg.name}' is not a variable of this model`);
  const { tuples, positions } = storageOrder(v, sc);
  const k = positions.get(start.join(',')) ?? -1;
  if (k < 0) return fail(sc, arg.pos, `'${arg.name}' has no element [${start.join(',')}]`);
  const items = () => {
    const names = tuples.map((t) => instanceName(v, t.map((name) => ({ name, bang: false, pos: arg.pos })), arg.pos, sc));
    return names.some((x) => x === undefined) ? undefined : names.map((x) => varRef(x!));
  };
  const define = sc.probe ? undefined : (equation: Expr) => {
    const name = sc.index.freshName(`${v.name} vector`);
    sc.index.addSynthetic({ k: 'var', v: { kind: 'aux', name, id: canonicalName(name), equation: printExpr(equation), doc: `The elements of ${v.name} in storage order, passed once to the VECTOR ELM MAP that reads them.`, partOf: sc.partOf ?? sc.variable } });
    return varRef(name);
  };
  const vec = sharedVector(sc.index.vectors, `elm\u0000${v.id}`, k, items, define);
  return vec && vectorElmMap(vec, offset, sc.index.constantValue(offset));
}

/** A variable's element tuples in storage order (the last subscript varies fastest) and their positions, sorted once per read. */
function storageOrder(v: VarInfo, sc: Scope): { tuples: readonly (readonly string[])[]; positions: ReadonlyMap<string, number> } {
  const kept = sc.index.storageOrders.get(v.id);
  if (kept) return kept;
  const dims = sc.index.dims;
  const order = (el: string) => dims.valueOf(el) ?? 0;
  const tuples = [...v.instances.values()].map((i) => i.tuple)
    .sort((a, b) => a.reduce((c, el, p) => c || order(el) - order(b[p]), 0));
  const made = { tuples, positions: new Map(tuples.map((t, i) => [t.join(','), i])) };
  sc.index.storageOrders.set(v.id, made);
  return made;
}

export function translateVector(id: string, e: Call, sc: Scope): Expr | undefined {
  if (!arity(e, sc, VECTOR_ARITY[id])) return undefined;
  if (id === 'vector_select') return select(e, sc);
  if (id === 'vector_elm_map') return elmMap(e, sc);
  if (id === 'invert_matrix') return invertMatrix(e, sc);
  if (id === 'allocate_by_priority' || id === 'allocate_available') return translateAllocation(id, e, sc);
  if (MARKET_FUNCTIONS.has(id)) return translateMarket(id, e, sc);
  if (id === 'vector_lookup') return translateVectorLookup(e, sc);
  const vec = vectorOf(e.args[0], sc);
  if (!vec) return undefined;
  if (id === 'vector_reorder') {
    const order = translate(e.args[1], sc);
    return order && vectorReorder(vec, order);
  }
  const asc = direction(e.args[1], sc);
  if (asc === undefined) return undefined;
  return id === 'vector_rank' ? vectorRank(vec, asc) : vectorSortOrder(vec, asc);
}

export { expandOver };
