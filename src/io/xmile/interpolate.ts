/**
 * Stella's INTERPOLATE(points, x_1, …, x_N) (isee help, "Array builtins"): the value of an
 * N-dimensional array of points at inputs on the unit interval. The points run over the
 * dimensions the first argument leaves free, in order: a whole array, or the `*`s of a slice
 * (`points[2, *, *]` takes two inputs). Along a dimension of n entries, entry i sits at
 * (i − 1)/(n − 1); an input below 0 takes the first entry, above 1 the last, and in between the
 * two entries around it weighted by nearness (the help's example: of 5 entries, 0.3 lies
 * between the second, at 0.25, and the third, at 0.5, and takes 80% of the second and 20% of
 * the third). In one dimension that is a graphical function through the values, which the
 * engine's vector_lookup in mode 0 (end values held, xmin 0, xmax 1) is; N dimensions nest
 * one such lookup per dimension, which is multilinear interpolation. Each dimension needs at
 * least two entries, as the help says.
 */
import { num, type Expr } from '../../expr/ast.js';
import type { XExpr } from './eqn-ast.js';
import type { Ctx } from './scope.js';
import { translate } from './translate.js';
import { expandArray, freeDims } from './expand.js';
import { vectorLookup } from '../vector-exprs.js';

type CallNode = Extract<XExpr, { kind: 'call' }>;

export function interpolateBuiltin(x: CallNode, ctx: Ctx): Expr | undefined {
  const [pointsArg, ...inputArgs] = x.args;
  const dims = freeDims(pointsArg, ctx);
  if (dims.length === 0 || dims.length !== inputArgs.length) {
    ctx.env.report('wrong-arguments', `INTERPOLATE takes one input for each dimension of its points; the first argument runs over ${dims.length} dimension(s) and ${inputArgs.length} input(s) follow`, x.pos,
      dims.length ? `give ${dims.length} input(s) between 0 and 1` : 'give an array, or a slice of one such as points[2, *], as the first argument');
    return undefined;
  }
  const short = dims.find((d) => d.elements.length < 2);
  if (short) {
    ctx.env.report('wrong-arguments', `INTERPOLATE needs at least two entries along each dimension; '${short.name}' has ${short.elements.length}`, pointsArg.pos);
    return undefined;
  }
  const points = expandArray(pointsArg, ctx);
  const inputs = inputArgs.map((a) => translate(a, ctx));
  if (!points || inputs.some((e) => !e)) return undefined;
  // `base` is the row-major index of the entries fixed so far
  const along = (level: number, base: number): Expr => {
    if (level === dims.length) return points[base];
    const n = dims[level].elements.length;
    const ys = Array.from({ length: n }, (_, i) => along(level + 1, base * n + i));
    return vectorLookup(ys, inputs[level]!, num(0), num(1), num(0));
  };
  return along(0, 0);
}
