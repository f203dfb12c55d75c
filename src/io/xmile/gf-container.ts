/**
 * A graphical function is also a container of its y-values (XMILE 1.0 §3.7.1.3: the array
 * builtins "MUST work on all container objects … MIN should be able to be applied to a
 * graphical function to find the minimum y-value", and `g[3]` is the y-value of the third
 * point). A graphical function called by name becomes a native lookup, whose points no
 * equation can read, so those y-values enter equations as the numbers written in the file.
 */
import { num, type Expr } from '../../expr/ast.js';
import type { XExpr } from './eqn-ast.js';
import { xid } from './names.js';
import { resolveVar, staticValue, type Ctx, type VarInfo } from './scope.js';

type NameNode = Extract<XExpr, { kind: 'name' }>;

/** The y-values of a bare graphical-function name used as an array argument, if it is one. */
export function gfElements(x: XExpr, ctx: Ctx): Expr[] | undefined {
  if (x.kind !== 'name' || x.subs || ctx.params?.has(xid(x.name))) return undefined;
  const v = resolveVar(ctx.scope, x.name);
  const ys = v?.lookup ? v.yValues?.() : undefined;
  return ys?.map((y) => num(y));
}

/** `g[k]`: the y-value of point k (1-based, known before the run) of graphical function g. */
export function gfPoint(v: VarInfo, x: NameNode, ctx: Ctx): Expr | undefined {
  const ys = v.yValues?.();
  if (!ys || !x.subs) return undefined;
  const s = x.subs[0];
  const k = x.subs.length === 1 && s.kind !== 'star' && s.kind !== 'range' ? staticValue(s, ctx) : undefined;
  if (k === undefined || !Number.isInteger(k) || k < 1 || k > ys.length) {
    ctx.env.report('invalid-subscript', `a point of graphical function '${v.name}' is read as ${v.name}[k] with one whole number k from 1 to ${ys.length}`, x.pos);
    return undefined;
  }
  return num(ys[k - 1]);
}
