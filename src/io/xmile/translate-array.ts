/**
 * Array builtins of XMILE equations (XMILE 1.0 §3.7.1.3) over expanded arrays: MIN, MAX,
 * SUM, PROD, MEAN, SIZE (also of SELF and its slices), STDDEV and RANK, and the flat-index
 * call `a(k)` (§3.3.2). Arguments are expanded into their elements by `expandArray`
 * (slices with `*`, ranges, graphical functions as containers).
 */
import { bin, call, num, ref, type Expr } from '../../expr/ast.js';
import type { XExpr } from './eqn-ast.js';
import { canonicalName, xid } from './names.js';
import { elementName, tuples } from './dims.js';
import { rangeDimension, rangeProblem, starDimension } from './ranges.js';
import { resolveVar, staticValue, type Ctx, type VarInfo } from './scope.js';
import { translate } from './translate.js';
import { expandArray } from './expand.js';
import { selectByIndex } from './select.js';

type CallNode = Extract<XExpr, { kind: 'call' }>;

/**
 * `a(k)`: element k (1-based, row-major over all dimensions, §3.3.2) of array a. A k known
 * before the run names the element; any other k (e.g. `a(RANK(a, 1))`) selects it while
 * the model runs, truncated like INT, and gives 0 when out of range (§3.7.1).
 */
export function flatIndex(v: VarInfo, x: CallNode, ctx: Ctx): Expr | undefined {
  const all = tuples(v.dims);
  const element = (k: number): Expr => {
    const name = elementName(v.name, v.dims, all[k - 1]);
    return ref(canonicalName(name), name);
  };
  const k = staticValue(x.args[0], ctx);
  if (k !== undefined) {
    if (Number.isInteger(k) && k >= 1 && k <= all.length) return element(k);
    ctx.env.report('invalid-subscript', `a flat index into '${v.name}' must be a whole number from 1 to ${all.length}, not ${k}`, x.args[0].pos);
    return undefined;
  }
  const index = translate(x.args[0], ctx);
  return index && selectByIndex(index, all.length, element);
}

/** MIN/MAX/SUM/PROD/MEAN/SIZE/STDDEV over the elements of their (array) arguments. */
export function arrayBuiltin(x: CallNode, id: string, ctx: Ctx): Expr | undefined {
  const first = x.args[0];
  if (id === 'size' && first.kind === 'name' && xid(first.name) === 'self' && ctx.selfCount !== undefined) return selfSize(first, ctx);
  // Stella also takes a dimension's name: SIZE(DimA) is its element count.
  const dim = id === 'size' && first.kind === 'name' && !first.subs && !resolveVar(ctx.scope, first.name) ? ctx.env.dims.get(xid(first.name)) : undefined;
  if (dim) return num(dim.elements.length);
  const items: Expr[] = [];
  for (const a of x.args) {
    const part = expandArray(a, ctx);
    if (!part) return undefined;
    items.push(...part);
  }
  const n = items.length;
  const sum = n === 1 ? items[0] : call('sum', ...items);
  switch (id) {
    case 'min': case 'max': case 'prod': return n === 1 ? items[0] : call(id, ...items);
    case 'sum': return sum;
    case 'size': return num(n);
    case 'mean': return n === 1 ? items[0] : bin('/', sum, num(n));
    case 'stddev': {
      // Population standard deviation (divides by the element count).
      const mean = n === 1 ? items[0] : bin('/', sum, num(n));
      const sq = items.map((e) => bin('^', bin('-', e, mean), num(2)));
      return call('sqrt', bin('/', sq.length === 1 ? sq[0] : call('sum', ...sq), num(n)));
    }
    default: return undefined;
  }
}

/**
 * RANK(array, rank [, secondary array]) (§3.7.1.3): the flat row-major index of the element
 * of that rank in ascending order, ties broken by the secondary array, then by position
 * (builtins/rank.ts); both arrays are expanded over their elements like SUM's argument.
 */
export function rankBuiltin(x: CallNode, ctx: Ctx): Expr | undefined {
  const items = expandArray(x.args[0], ctx);
  const rank = bareSize(x.args[1], ctx) && items ? num(items.length) : translate(x.args[1], ctx);
  const ties = x.args[2] && expandArray(x.args[2], ctx);
  if (!items || !rank || (x.args[2] && !ties)) return undefined;
  if (!ties) return call('rank_index', rank, ...items);
  if (ties.length !== items.length) {
    ctx.env.report('dimension-mismatch', `RANK's secondary sort array has ${ties.length} element(s) but the ranked array has ${items.length}`, x.args[2].pos,
      'give RANK two arrays of the same size');
    return undefined;
  }
  return call('rank_index_by', rank, ...items, ...ties);
}

/** `RANK(A, SIZE)`, the standard's own example for the last rank: SIZE meaning SIZE(A). */
function bareSize(x: XExpr, ctx: Ctx): boolean {
  return x.kind === 'name' && !x.subs && !x.quoted && xid(x.name) === 'size' && !resolveVar(ctx.scope, x.name);
}

/** SIZE(SELF) and SIZE(SELF[1, *]) (§3.7.1.3): elements of this variable, or of a slice of it. */
function selfSize(self: Extract<XExpr, { kind: 'name' }>, ctx: Ctx): Expr | undefined {
  const dims = ctx.selfDims ?? [];
  if (!self.subs) return num(ctx.selfCount ?? 1);
  if (self.subs.length !== dims.length) {
    ctx.env.report('wrong-subscripts', `this variable has ${dims.length} dimension(s) but SELF has ${self.subs.length} subscript(s)`, self.pos);
    return undefined;
  }
  let n = 1;
  for (let k = 0; k < dims.length; k++) {
    const s = self.subs[k];
    if (s.kind === 'star') {
      const d = starDimension(s, dims[k], ctx);
      if (!d) return undefined;
      n *= d.elements.length;
    }
    else if (s.kind === 'range') {
      const r = rangeDimension(s, dims[k], ctx);
      if (!r) { ctx.env.report('invalid-subscript', rangeProblem(dims[k]), s.pos); return undefined; }
      n *= r.elements.length;
    }
  }
  return num(n);
}
