/**
 * Translates a parsed XMILE equation into the engine's `Expr` tree for one element of one
 * variable: names are resolved (XMILE 1.0 §3.2.2), subscripts are fixed to elements
 * (§3.7.1: an apply-to-all equation sees the element being defined through its dimension
 * names), operators are mapped (`=` → `==`, `<>` → `!=`, §3.3.1). Every problem is
 * reported through the environment with its offset; the result is then undefined.
 */
import { bin, call, num, ref, type BinaryOp, type Expr } from '../../expr/ast.js';
import { didYouMean } from '../../core/names.js';
import { XMILE_CONSTANTS } from './builtins.js';
import type { XBinOp, XExpr, XSub } from './eqn-ast.js';
import { elementName, findElement, type Dimension } from './dims.js';
import { canonicalName, xid } from './names.js';
import { resolveVar, staticValue, visibleNames, type Ctx, type VarInfo } from './scope.js';
import { gfPoint } from './gf-container.js';
import { rangeDimension, rangeProblem, starDimension } from './ranges.js';
import { translateCall } from './translate-call.js';
import { selectByIndex } from './select.js';

const OPS: Readonly<Record<XBinOp, BinaryOp>> = {
  '+': '+', '-': '-', '*': '*', '/': '/', '^': '^', mod: 'mod',
  '=': '==', '<>': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=',
  and: 'and', or: 'or', xor: 'xor',
};

export function translate(x: XExpr, ctx: Ctx): Expr | undefined {
  switch (x.kind) {
    case 'num': return num(x.value);
    case 'name': return translateName(x, ctx);
    case 'call': return translateCall(x, ctx);
    case 'unary': {
      const arg = translate(x.arg, ctx);
      return arg && { kind: 'unary', op: x.op, arg };
    }
    case 'binary': {
      const l = translate(x.left, ctx);
      const r = translate(x.right, ctx);
      return l && r && bin(OPS[x.op], l, r);
    }
    case 'if': {
      const c = translate(x.cond, ctx);
      const a = translate(x.then, ctx);
      const b = translate(x.else, ctx);
      return c && a && b && { kind: 'if', cond: c, then: a, else: b };
    }
    default: return undefined;
  }
}

type NameNode = Extract<XExpr, { kind: 'name' }>;

function translateName(x: NameNode, ctx: Ctx): Expr | undefined {
  const id = xid(x.name);
  const param = ctx.params?.get(id);
  if (param && !x.subs) return param;
  if (id === 'self' && !x.subs) {
    if (ctx.self) return ctx.self;
    ctx.env.report('invalid-self', 'SELF is only meaningful inside a variable\'s own equation', x.pos);
    return undefined;
  }
  const v = resolveVar(ctx.scope, x.name);
  if (v) {
    if (v.table) return elementRef(v, x.subs, ctx, x.pos);
    if (v.lookup && x.subs && v.yValues) return gfPoint(v, x, ctx);
    if (v.lookup) {
      ctx.env.report('lookup-as-value', `'${x.name}' is a graphical function used as a value; call it as ${x.name}(x)`, x.pos,
        'give the graphical function its own input, or call it with an argument');
      return undefined;
    }
    return elementRef(v, x.subs, ctx, x.pos);
  }
  if (!x.subs) {
    const constant = XMILE_CONSTANTS.get(id);
    if (constant) return ref(constant);
    const dim = ctx.env.dims.get(id);
    const bound = dim ? ctx.bind.get(dim.id) : undefined;
    if (bound !== undefined) return num(bound + 1);
    // `Location.Boston` outside brackets is the element's position (§3.7.1).
    const owner = ctx.env.dims.get(id.slice(0, Math.max(0, id.indexOf('.'))));
    const position = owner && findElement(owner, x.name);
    if (position !== undefined) return num(position + 1);
  }
  const guess = didYouMean(x.name, visibleNames(ctx.scope));
  ctx.env.report('unknown-variable', `'${x.name}' is not a variable of this model`, x.pos,
    guess ? `did you mean '${guess}'?` : 'define it, or check the spelling');
  return undefined;
}

/** A reference to one element of `v` (or `v` itself when scalar). */
export function elementRef(v: VarInfo, subs: readonly XSub[] | undefined, ctx: Ctx, pos: number): Expr | undefined {
  return elementOf(v, subs, ctx, pos, (idx) => elementAt(v, idx, ctx));
}

/** The element of `v` at 0-based indices `idx` (its initial equation where that applies). */
export function elementAt(v: VarInfo, idx: readonly number[], ctx: Ctx): Expr {
  const name = elementName(v.name, v.dims, idx);
  return (ctx.initial && v.initial?.(idx)) || ref(canonicalName(name), name);
}

/**
 * `gf(x)`, `LOOKUP(gf, x)` and `LOOKUP(gf[A1], x)` (§3.1.4): the lookup of graphical function
 * `v`, of the element the subscripts (or the element being expanded) select, applied to `arg`.
 */
export function lookupCall(v: VarInfo, subs: readonly XSub[] | undefined, arg: Expr, ctx: Ctx, pos: number): Expr | undefined {
  return elementOf(v, subs, ctx, pos, (idx) => {
    const name = elementName(v.table ?? v.name, v.dims, idx);
    return call('lookup', ref(canonicalName(name), name), arg);
  });
}

/** `leaf` of the element of `v` that `subs` (or the elements being expanded) select. */
function elementOf(v: VarInfo, subs: readonly XSub[] | undefined, ctx: Ctx, pos: number, leaf: (idx: readonly number[]) => Expr): Expr | undefined {
  if (v.dims.length === 0) {
    if (subs && subs.length) {
      ctx.env.report('not-an-array', `'${v.name}' has no dimensions but is subscripted`, pos);
      return undefined;
    }
    return leaf([]);
  }
  const idx: (number | Expr)[] = [];
  if (!subs) {
    for (const d of v.dims) {
      const i = ctx.bind.get(d.id);
      if (i === undefined) {
        ctx.env.report('array-without-subscript', `'${v.name}' is an array over '${d.name}' but is used here without a subscript`, pos,
          `write ${v.name}[${d.name}] inside an array function such as SUM, or give an element`);
        return undefined;
      }
      idx.push(i);
    }
  } else {
    if (subs.length !== v.dims.length) {
      ctx.env.report('wrong-subscripts', `'${v.name}' has ${v.dims.length} dimension(s) but ${subs.length} subscript(s) are given`, pos);
      return undefined;
    }
    for (let k = 0; k < subs.length; k++) {
      const i = subscriptIndex(subs[k], v.dims[k], ctx);
      if (i === undefined) return undefined;
      idx.push(i);
    }
  }
  return selectElement(v, idx, leaf);
}

/** The element at `idx`; an index computed during the run selects among the elements then (select.ts). */
function selectElement(v: VarInfo, idx: readonly (number | Expr)[], leaf: (idx: readonly number[]) => Expr): Expr {
  const k = idx.findIndex((i) => typeof i !== 'number');
  if (k < 0) return leaf(idx as number[]);
  return selectByIndex(idx[k] as Expr, v.dims[k].elements.length, (j) => selectElement(v, idx.map((i, m) => (m === k ? j - 1 : i)), leaf));
}

/** The 0-based index a subscript of `dim` selects here, or the expression that selects it during the run. */
export function subscriptIndex(s: XSub, dim: Dimension, ctx: Ctx): number | Expr | undefined {
  if (s.kind === 'star') {
    const d = starDimension(s, dim, ctx);
    const i = d && ctx.bind.get(d.id);
    if (d && i === undefined) ctx.env.report('free-subscript', "'*' selects a whole dimension; use it inside an array function such as SUM", s.pos);
    return d && i !== undefined ? dim.ids.indexOf(d.ids[i]) : undefined;
  }
  if (s.kind === 'range') {
    const r = rangeDimension(s, dim, ctx);
    const i = r && ctx.bind.get(r.id);
    if (!r) ctx.env.report('invalid-subscript', rangeProblem(dim), s.pos);
    else if (i === undefined) ctx.env.report('free-subscript', 'a range selects several elements; use it inside an array function such as SUM', s.pos);
    return r && i !== undefined ? r.offset + i : undefined;
  }
  if (s.kind === 'name' && !s.subs) {
    const e = findElement(dim, s.name);
    if (e !== undefined) return e;
    const d = ctx.env.dims.get(xid(s.name));
    if (d) {
      const i = ctx.bind.get(d.id);
      if (i === undefined) {
        ctx.env.report('free-subscript', `dimension '${d.name}' is not being expanded here; use it inside an array function such as SUM`, s.pos);
        return undefined;
      }
      return mapIndex(d, i, dim, ctx, s.pos);
    }
  }
  const v = staticValue(s, ctx);
  if (v !== undefined && Number.isInteger(v) && v >= 1 && v <= dim.elements.length) return v - 1;
  // An index computed while the model runs: an expression, or a variable's value (§3.7.1).
  if (v === undefined && (s.kind !== 'name' || s.subs || resolveVar(ctx.scope, s.name) || XMILE_CONSTANTS.has(xid(s.name)))) return translate(s, ctx);
  ctx.env.report('invalid-subscript', v === undefined
    ? `the subscript '${s.kind === 'name' ? s.name : ''}' is neither an element of '${dim.name}' nor a variable`
    : `index ${v} is outside dimension '${dim.name}' (1…${dim.elements.length})`, s.pos);
  return undefined;
}

/** Maps element `i` of dimension `from` to `to`: same name, else same position (§3.7.1.2). */
function mapIndex(from: Dimension, i: number, to: Dimension, ctx: Ctx, pos: number): number | undefined {
  if (from.id === to.id) return i;
  const j = to.ids.indexOf(from.ids[i]);
  if (j >= 0) return j;
  if (from.elements.length === to.elements.length) return i;
  ctx.env.report('dimension-mismatch', `element '${from.elements[i]}' of '${from.name}' has no counterpart in '${to.name}'`, pos);
  return undefined;
}
