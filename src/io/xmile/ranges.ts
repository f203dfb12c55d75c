/**
 * Range subscripts `A[1:3]` (XMILE 1.0 §3.7.1.2: "extracts the first three elements of A
 * (even if that dimension has named indices)"). Inside an array builtin a range is
 * iterated like a dimension of its own whose elements are that stretch of the real one;
 * the same range over the same dimension is one such dimension, so `SUM(a[1:2] * b[1:2])`
 * pairs the elements. Ranges outside array builtins (truncated or extended to fit, which
 * the standard leaves partly to the implementation) are reported, not guessed.
 */
import type { XExpr, XSub } from './eqn-ast.js';
import { findElement, type Dimension } from './dims.js';
import { staticValue, type Ctx } from './scope.js';
import { xid } from './names.js';

type RangeSub = Extract<XSub, { kind: 'range' }>;
type StarSub = Extract<XSub, { kind: 'star' }>;

/**
 * What `*` iterates: the whole dimension, or for `*:SubA` the subrange SubA, a dimension
 * whose elements are all elements of `dim` (reported and undefined when it is not one).
 */
export function starDimension(s: StarSub, dim: Dimension, ctx: Ctx, report = true): Dimension | undefined {
  if (!s.sub) return dim;
  const sub = ctx.env.dims.get(xid(s.sub));
  if (sub && sub.ids.every((id) => dim.ids.includes(id))) return sub;
  if (report) ctx.env.report('invalid-subscript', sub ? `'${sub.name}' is not a subrange of '${dim.name}': not all its elements are elements of '${dim.name}'`
    : `'*:${s.sub}' names no dimension`, s.pos, `'*:SubA' takes a dimension whose elements are all elements of '${dim.name}'`);
  return undefined;
}

/** A range as a dimension; `offset` is the 0-based index of its first element in `of`. */
export interface RangeDimension extends Dimension {
  readonly offset: number;
}

/** The range as a dimension, or undefined when its ends are not two ordered elements of `dim`. */
export function rangeDimension(s: RangeSub, dim: Dimension, ctx: Ctx): RangeDimension | undefined {
  const from = end(s.from, dim, ctx);
  const to = end(s.to, dim, ctx);
  if (from === undefined || to === undefined || from > to) return undefined;
  const tag = `[${from}:${to}]`;
  return {
    id: `${dim.id}${tag}`, name: `${dim.name}${tag}`, offset: from - 1,
    elements: dim.elements.slice(from - 1, to), ids: dim.ids.slice(from - 1, to),
  };
}

export function rangeProblem(dim: Dimension): string {
  return `a range must run from one element of '${dim.name}' to a later one (1…${dim.elements.length}), both known before the run`;
}

/** 1-based position of a range end: an element name of `dim` or a whole number. */
function end(x: XExpr, dim: Dimension, ctx: Ctx): number | undefined {
  if (x.kind === 'name' && !x.subs) {
    const e = findElement(dim, x.name);
    if (e !== undefined) return e + 1;
  }
  const v = staticValue(x, ctx);
  return v !== undefined && Number.isInteger(v) && v >= 1 && v <= dim.elements.length ? v : undefined;
}
