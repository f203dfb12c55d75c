/**
 * Vensim's vector functions in XMILE equations, as Vensim's XMILE export (xmutil) leaves them:
 * `VECTOR SELECT(e[*, DimB], c[*], 0, VSSUM, VSERRNONE)` (each `!` subscript of the `.mdl`
 * written `*`), `VECTOR ELM MAP(d[DimA, B1], a[DimA])`, `VECTOR SORT ORDER(h[DimA], ASCENDING)`,
 * `VECTOR RANK`, `VECTOR_REORDER`, `VECTOR LOOKUP`; the names may also be written with
 * underscores. They compute what the `.mdl` reader's do (../vector-exprs.ts); only finding the
 * elements is XMILE's:
 * - RANK, SORT ORDER, REORDER: the vector runs along the last subscript of the array argument,
 *   the other subscripts follow the element being computed; the element ranked is the one the
 *   last subscript selects here (with `*`, the element of that dimension being computed).
 * - ELM MAP: counts from the start element through the whole array in row-major order; a `*`
 *   in the start (`source[*]`, as simlin writes it) starts at that dimension's first element.
 * - SELECT: `*` subscripts of the selection and value arrays are iterated together; the error
 *   action (fifth argument) only decides when Vensim stops with an error and is not used.
 * - LOOKUP: the y values are the elements along the last subscript from the one written (the
 *   first element, as Vensim asks) to the end of that dimension.
 * A direction, action, mode or offset known only during the run is chosen during the run.
 */
import { num, ref, type Expr } from '../../expr/ast.js';
import { canonicalName } from '../../core/names.js';
import { printNative } from './print-native.js';
import type { XExpr, XSub } from './eqn-ast.js';
import { tuples, type Dimension } from './dims.js';
import { rangeDimension, starDimension } from './ranges.js';
import { resolveVar, staticValue, type Ctx, type VarInfo } from './scope.js';
import { elementAt, subscriptIndex, translate } from './translate.js';
import { expandArray, expandTogether } from './expand.js';
import {
  lookupModeOk, sharedVector, vectorElmMap, vectorLookup, vectorRank, vectorReorder, vectorSelect, vectorSortOrder, type VectorArg,
} from '../vector-exprs.js';

type CallNode = Extract<XExpr, { kind: 'call' }>;
type NameNode = Extract<XExpr, { kind: 'name' }>;

export function vectorBuiltin(x: CallNode, id: string, ctx: Ctx): Expr | undefined {
  if (id === 'vector_select') return select(x, ctx);
  if (id === 'vector_elm_map') return elmMap(x, ctx);
  if (id === 'vector_lookup') return lookup(x, ctx);
  const axis = lastAxis(x, ctx);
  const second = translate(x.args[1], ctx);
  if (!axis || !second) return undefined;
  if (id === 'vector_reorder') return vectorReorder(axis, second);
  const fixed = staticValue(x.args[1], ctx);
  const ascending = fixed === undefined ? second : num(fixed !== 0 ? 1 : 0);
  return id === 'vector_rank' ? vectorRank(axis, ascending) : vectorSortOrder(axis, ascending);
}

/** Argument `at` as an array variable written with all its subscripts, or a report. */
export function arrayArg(x: CallNode, ctx: Ctx, at = 0): { arg: NameNode; v: VarInfo; subs: readonly XSub[] } | undefined {
  const arg = x.args[at];
  const v = arg.kind === 'name' && arg.subs?.length ? resolveVar(ctx.scope, arg.name) : undefined;
  if (v && arg.kind === 'name' && arg.subs && v.dims.length === arg.subs.length && !v.lookup) return { arg, v, subs: arg.subs };
  ctx.env.report('wrong-arguments', `argument ${at + 1} of ${x.fn.toUpperCase()} must be an array variable written with all its subscripts, such as x[DimA]`, arg.pos,
    v ? `'${v.name}' has ${v.dims.length} dimension(s)` : undefined);
  return undefined;
}

/** What a `*` or range subscript of `dim` runs over. */
function runsOver(s: XSub, dim: Dimension, ctx: Ctx): Dimension | undefined {
  if (s.kind === 'star') return starDimension(s, dim, ctx);
  return s.kind === 'range' ? rangeDimension(s, dim, ctx) : undefined;
}

/** A subscript's element index known before the run, or a report. */
function fixedIndex(s: XSub, dim: Dimension, ctx: Ctx, fn: string): number | undefined {
  const i = subscriptIndex(s, dim, ctx);
  if (typeof i === 'number' || i === undefined) return i;
  ctx.env.report('wrong-arguments', `the element ${fn.toUpperCase()} starts from must be known before the run`, s.pos);
  return undefined;
}

/** The elements along the last subscript of an argument (the first unless given), and the position of this element among them. */
export function lastAxis(x: CallNode, ctx: Ctx, argument = 0): VectorArg | undefined {
  const a = arrayArg(x, ctx, argument);
  if (!a) return undefined;
  const at = a.subs.length - 1;
  const last = a.subs[at];
  const dim = a.v.dims[at];
  const whole: XSub = last.kind === 'star' || last.kind === 'range' ? last : { kind: 'star', pos: last.pos };
  const axis = runsOver(whole, dim, ctx);
  if (!axis) return undefined;
  const k = whole === last ? ctx.bind.get(axis.id) ?? 0 : fixedIndex(last, dim, ctx, x.fn);
  if (k === undefined) return undefined;
  // the other elements of the array find the elements the first one found
  const key = headKey(a.subs.slice(0, at), a.v.dims, ctx);
  const array = `${ctx.scope.prefix}${a.v.id}\u0000${axis.id}`;
  const known = key !== undefined ? ctx.env.vectors?.get(`${array}\u0000${key}`) : undefined;
  if (known) return { k, items: () => known.items, source: known.source };
  const items = expandArray({ ...a.arg, subs: [...a.subs.slice(0, at), whole] }, ctx);
  if (!items) return undefined;
  if (items.length !== axis.elements.length) {
    ctx.env.report('wrong-arguments', `only the last subscript of '${a.v.name}' may run over a dimension in ${x.fn.toUpperCase()}; the others must name this element`, a.arg.pos);
    return undefined;
  }
  return shared(array, items, k, a.v.name, ctx, key);
}

/**
 * The element positions the subscripts before the last one select here, when all are known
 * before the run (names of elements or of dimensions being expanded), else undefined; problems
 * are left to the translation that follows to report.
 */
export function headKey(head: readonly XSub[], dims: readonly Dimension[], ctx: Ctx): string | undefined {
  const quiet: Ctx = { ...ctx, env: { ...ctx.env, report: () => undefined } };
  const out: number[] = [];
  for (let j = 0; j < head.length; j++) {
    if (head[j].kind !== 'name') return undefined;
    const i = subscriptIndex(head[j], dims[j], quiet);
    if (typeof i !== 'number') return undefined;
    out.push(i);
  }
  return out.join(',');
}

/**
 * Element k of `items`, shared with the other elements of the array (the key adds the first
 * element, which the other subscripts choose) through one vector_of variable (../vector-exprs.ts),
 * named after `of` and the `part` of it the items are, if only a part.
 */
export function shared(key: string, items: readonly Expr[], k: number, of: string, ctx: Ctx, head?: string, part?: string): VectorArg | undefined {
  const made = ctx.env.vectors;
  if (!made || !items.length) return { k, items: () => items };
  const first = items[0];
  const define = (equation: Expr) => {
    const base = `${ctx.scope.prefix}${of}${part ? ` ${part}` : ''} vector`;
    const taken = (name: string) => resolveVar(ctx.scope, name) !== undefined || [...made.values()].some((m) => m.source.kind === 'ref' && m.source.id === canonicalName(name));
    let name = base;
    for (let i = 2; taken(name); i++) name = `${base} ${i}`;
    ctx.env.define({ kind: 'aux', name, id: canonicalName(name), equation: printNative(equation), doc: `The elements of ${of} passed once to the VECTOR functions that read them.`, partOf: of });
    return ref(canonicalName(name), name);
  };
  return sharedVector(made, `${key}\u0000${head ?? `${first.kind === 'ref' ? first.id : printNative(first)}\u0000${items.length}`}`, k, () => items, define);
}

function elmMap(x: CallNode, ctx: Ctx): Expr | undefined {
  const a = arrayArg(x, ctx);
  if (!a) return undefined;
  const start: number[] = [];
  for (let j = 0; j < a.subs.length; j++) {
    const s = a.subs[j];
    const dim = a.v.dims[j];
    const over = s.kind === 'star' ? runsOver(s, dim, ctx) : undefined;
    const i = over ? dim.ids.indexOf(over.ids[0]) : s.kind === 'star' ? undefined : fixedIndex(s, dim, ctx, x.fn);
    if (i === undefined) return undefined;
    start.push(i);
  }
  const all = tuples(a.v.dims);
  const k = all.findIndex((t) => t.every((e, j) => e === start[j]));
  const offset = translate(x.args[1], ctx);
  if (!offset) return undefined;
  const array = `elm\u0000${ctx.scope.prefix}${a.v.id}`;
  const known = ctx.env.vectors?.get(`${array}\u0000`);
  const vec = known ? { k, items: () => known.items, source: known.source } : shared(array, all.map((t) => elementAt(a.v, t, ctx)), k, a.v.name, ctx, '');
  return vec && vectorElmMap(vec, offset, staticValue(x.args[1], ctx));
}

function select(x: CallNode, ctx: Ctx): Expr | undefined {
  const rows = expandTogether([x.args[0], x.args[1]], ctx);
  const missing = translate(x.args[2], ctx);
  const action = translate(x.args[3], ctx);
  if (!rows || !missing || !action) return undefined;
  const fixed = staticValue(x.args[3], ctx);
  const chosen = vectorSelect(rows.map(([s, v]) => [s, v] as const), missing, action, fixed);
  if (!chosen) {
    ctx.env.report('wrong-arguments', `VECTOR SELECT has no numerical action ${fixed} (0 to 10)`, x.args[3].pos);
    return undefined;
  }
  return chosen;
}

function lookup(x: CallNode, ctx: Ctx): Expr | undefined {
  const a = arrayArg(x, ctx);
  if (!a) return undefined;
  const at = a.subs.length - 1;
  const last = a.subs[at];
  const dim = a.v.dims[at];
  const from = last.kind === 'star' ? 0 : fixedIndex(last, dim, ctx, x.fn);
  if (from === undefined) return undefined;
  const pos = last.pos;
  const tail: XSub = { kind: 'range', from: { kind: 'num', value: from + 1, pos }, to: { kind: 'num', value: dim.elements.length, pos }, pos };
  const ys = expandArray({ ...a.arg, subs: [...a.subs.slice(0, at), tail] }, ctx);
  const rest = x.args.slice(1).map((e) => translate(e, ctx));
  if (!ys || rest.some((e) => !e)) return undefined;
  const mode = staticValue(x.args[4], ctx);
  if (ys.length < 2 || !lookupModeOk(mode)) {
    ctx.env.report('wrong-arguments', ys.length < 2 ? `VECTOR LOOKUP needs at least two y values; '${a.v.name}' has ${ys.length} from the element written` : `VECTOR LOOKUP has no mode ${mode} (0 to 9)`,
      ys.length < 2 ? a.arg.pos : x.args[4].pos);
    return undefined;
  }
  const [xv, xmin, xmax, m] = rest as Expr[];
  return vectorLookup(ys, xv, xmin, xmax, m);
}
