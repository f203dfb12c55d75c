/**
 * Expanding array arguments over their elements (XMILE 1.0 §3.7.1.3), for the array builtins
 * and the functions that take arrays (RANK, ALLOCATE, the Vensim vector functions).
 */
import type { Expr } from '../../expr/ast.js';
import type { XExpr } from './eqn-ast.js';
import { findElement, tuples, type Dimension } from './dims.js';
import { xid } from './names.js';
import { resolveVar, type Ctx } from './scope.js';
import { gfElements } from './gf-container.js';
import { rangeDimension, starDimension } from './ranges.js';
import { translate } from './translate.js';

/**
 * Array arguments (§3.7.1.3): every element the expression denotes. Dimensions selected
 * with `*` or a range (ranges.ts), named but not being expanded, or implied by a bare
 * array name are iterated; a graphical function gives its y-values (gf-container.ts).
 */
export function expandArray(x: XExpr, ctx: Ctx): Expr[] | undefined {
  return gfElements(x, ctx) ?? expandTogether([x], ctx)?.map(([e]) => e);
}

/**
 * Several expressions iterated together over every dimension any of them leaves free (as
 * VECTOR SELECT pairs its selections with its values): one tuple of translations per
 * combination of those dimensions' elements, in row-major order.
 */
export function expandTogether(xs: readonly XExpr[], ctx: Ctx): Expr[][] | undefined {
  const free = [...new Map(xs.flatMap((x) => freeDims(x, ctx)).map((d) => [d.id, d] as const)).values()];
  const out: Expr[][] = [];
  for (const t of tuples(free)) {
    const bind = new Map(ctx.bind);
    free.forEach((d, k) => bind.set(d.id, t[k]));
    const row: Expr[] = [];
    for (const x of xs) {
      const e = translate(x, { ...ctx, bind });
      if (!e) return undefined;
      row.push(e);
    }
    out.push(row);
  }
  return out;
}

/** The dimensions an array argument leaves free, in the order it names them (its elements run over them row-major). */
export function freeDims(x: XExpr, ctx: Ctx): Dimension[] {
  const found = new Map<string, Dimension>();
  const visit = (e: XExpr): void => {
    if (e.kind === 'call') return; // nested calls iterate their own arrays
    if (e.kind === 'name') {
      const v = ctx.params?.has(xid(e.name)) ? undefined : resolveVar(ctx.scope, e.name);
      if (v && !e.subs) v.dims.forEach((d) => { if (!ctx.bind.has(d.id)) found.set(d.id, d); });
      if (v && e.subs) {
        e.subs.forEach((s, k) => {
          if (s.kind === 'star' && v.dims[k]) {
            const d = starDimension(s, v.dims[k], ctx, false);
            if (d) found.set(d.id, d);
          }
          else if (s.kind === 'range' && v.dims[k]) {
            const r = rangeDimension(s, v.dims[k], ctx);
            if (r) found.set(r.id, r);
          } else if (s.kind === 'name' && !s.subs && v.dims[k] && findElement(v.dims[k], s.name) === undefined) {
            const d = ctx.env.dims.get(xid(s.name));
            if (d && !ctx.bind.has(d.id)) found.set(d.id, d);
          }
        });
      }
      return;
    }
    if (e.kind === 'unary') visit(e.arg);
    else if (e.kind === 'binary') { visit(e.left); visit(e.right); }
    else if (e.kind === 'if') { visit(e.cond); visit(e.then); visit(e.else); }
  };
  visit(x);
  return [...found.values()];
}
