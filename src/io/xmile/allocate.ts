/**
 * Stella's ALLOCATE(supply, dimension, requests, priorities, widths, curve types): the supply
 * shared among the elements of `dimension` by priority curves, as Vensim's ALLOCATE
 * AVAILABLE does with the profile (type, priority, width) of each element, except that
 * Stella's normal curve is the exact normal CDF (native `stella_allocate`, builtins/allocation.ts):
 * Stella's own run of SDEverywhere's `allocate.stmx` agrees with that to 1e-7, and differs
 * from Vensim's run of the same model (`allocate.mdl`) in the tails.
 *
 * The result is the allocation of the element of `dimension` being computed. Requests,
 * priorities, widths and types are each read over the dimension's elements: a whole array
 * (`demand`, `p[*, ppriority]`, `p[region, pwidth]` with `region` free) gives one value per
 * element, a scalar the same value for all of them. The type follows Vensim's numbering
 * (1 rectangular, 2 triangular, 3 normal, 4 exponential, 0 fixed quantity).
 *
 * Without the curve type (five arguments) every curve is rectangular: Vensim's ALLOCATE BY
 * PRIORITY(request, priority, size, width, supply), whose curves are rectangular (Vensim
 * reference; vensim/allocation.ts), is what Vensim's XMILE export (xmutil,
 * FunctionAllocateByPriority) writes as `ALLOCATE(supply, dimension, request[*], priority,
 * width)`, and what simlin reads that form as. So the five-argument form is ALLOCATE BY PRIORITY,
 * computed by the same allocation core as the six-argument form and ALLOCATE AVAILABLE.
 */
import { call, num, type Expr } from '../../expr/ast.js';
import type { XExpr } from './eqn-ast.js';
import { xid } from './names.js';
import type { Ctx } from './scope.js';
import { translate } from './translate.js';
import { expandArray } from './expand.js';

type CallNode = Extract<XExpr, { kind: 'call' }>;

/** The curve type of the five-argument form (Vensim's numbering). */
const RECTANGULAR = num(1);

export function allocateBuiltin(x: CallNode, ctx: Ctx): Expr | undefined {
  const [supplyArg, dimArg, ...perElement] = x.args;
  const dim = dimArg.kind === 'name' && !dimArg.subs ? ctx.env.dims.get(xid(dimArg.name)) : undefined;
  if (!dim) {
    ctx.env.report('wrong-arguments', 'the second argument of ALLOCATE must name the dimension of the requests', dimArg.pos);
    return undefined;
  }
  const k = ctx.bind.get(dim.id);
  if (k === undefined) {
    ctx.env.report('wrong-arguments', `ALLOCATE gives one allocation per element of '${dim.name}', so the variable must be arrayed over it`, x.pos);
    return undefined;
  }
  const supply = translate(supplyArg, ctx);
  const free = new Map(ctx.bind);
  free.delete(dim.id);
  const n = dim.elements.length;
  const lists: Expr[][] = [];
  for (const a of perElement) {
    const items = expandArray(a, { ...ctx, bind: free });
    if (!items) return undefined;
    if (items.length !== 1 && items.length !== n) {
      ctx.env.report('dimension-mismatch', `an argument of ALLOCATE has ${items.length} elements; '${dim.name}' has ${n}`, a.pos);
      return undefined;
    }
    lists.push(items.length === 1 ? Array(n).fill(items[0]) : items);
  }
  if (!supply) return undefined;
  const [requests, priorities, widths, types = Array<Expr>(n).fill(RECTANGULAR)] = lists;
  const profiles = requests.flatMap((_, i) => [types[i], priorities[i], widths[i], num(0)]);
  return call('stella_allocate', num(k + 1), supply, ...requests, ...profiles);
}
