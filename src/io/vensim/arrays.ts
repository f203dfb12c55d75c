/**
 * Array reducers over expanded arrays. `SUM(x[a!, b])` adds x over every element of the
 * range marked `!` (Vensim reference, "SUM", "Subscripts: the ! operator"); PROD, VMIN and
 * VMAX likewise. After expansion each becomes an n-ary native expression.
 */
import { error } from '../../core/diagnostics.js';
import { canonicalName } from '../../core/names.js';
import { call, num, type Expr } from '../../expr/ast.js';
import type { Sub, VExpr } from './ast.js';
import { where, withBindings, type Scope } from './scope.js';
import { translate } from './translate.js';

export const REDUCERS: Readonly<Record<string, true>> = { sum: true, prod: true, vmin: true, vmax: true };

/** Ids of the ranges marked `!` in an expression, in order of appearance. */
export function bangDims(e: VExpr, out: string[] = []): string[] {
  const visitSubs = (subs: readonly Sub[]) => {
    for (const s of subs) if (s.bang && !out.includes(canonicalName(s.name))) out.push(canonicalName(s.name));
  };
  switch (e.k) {
    case 'ref': visitSubs(e.subs); break;
    case 'call':
      visitSubs(e.subs);
      // a nested reducer consumes its own `!` ranges
      if (!REDUCERS[canonicalName(e.fn)]) e.args.forEach((a) => bangDims(a, out));
      break;
    case 'unary': bangDims(e.arg, out); break;
    case 'binary': bangDims(e.left, out); bangDims(e.right, out); break;
    default: break;
  }
  return out;
}

/** Every combination of elements of the given ranges, as bindings `range!` → element. */
export function bangBindings(dimIds: readonly string[], sc: Scope, pos: number): Map<string, string>[] | undefined {
  let combos: Map<string, string>[] = [new Map()];
  for (const d of dimIds) {
    const dim = sc.index.dims.get(d);
    if (!dim) {
      sc.index.diags.push(error('unknown-subscript', `'${d}!' is not a subscript range`, where(sc, pos)));
      return undefined;
    }
    if (dim.elements.length === 0) {
      // Only a range that failed to expand is empty; reducing over it would build nothing.
      sc.index.diags.push(error('empty-subscript', `'${dim.name}!' ranges over no elements`, { ...where(sc, pos), hint: `give the subscript range '${dim.name}' at least one element` }));
      return undefined;
    }
    combos = combos.flatMap((c) => dim.elements.map((el) => new Map([...c, [`${d}!`, el]])));
  }
  return combos;
}

/** Translates `arg` once per element combination of its `!` ranges. */
export function expandOver(arg: VExpr, sc: Scope, pos: number): Expr[] | undefined {
  const combos = bangBindings(bangDims(arg), sc, pos);
  if (!combos) return undefined;
  const out: Expr[] = [];
  for (const b of combos) {
    const t = translate(arg, withBindings(sc, b));
    if (!t) return undefined;
    out.push(t);
  }
  return out;
}

export function reduce(kind: string, arg: VExpr, sc: Scope): Expr | undefined {
  const terms = expandOver(arg, sc, arg.pos);
  if (!terms) return undefined;
  if (terms.length === 0) return num(kind === 'prod' ? 1 : 0);
  switch (kind) {
    // One variadic call, not a chain of + or ·: SUM over 2,000 elements nested 2,000 deep and
    // was refused as too-deep. The call adds left to right, as the chain did.
    case 'sum': return terms.length === 1 ? terms[0] : call('sum', ...terms);
    case 'prod': return terms.length === 1 ? terms[0] : call('prod', ...terms);
    case 'vmin': return terms.length === 1 ? terms[0] : call('min', ...terms);
    default: return terms.length === 1 ? terms[0] : call('max', ...terms);
  }
}
