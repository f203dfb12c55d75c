/**
 * Vensim allocation functions (Vensim reference, "Allocation functions").
 *
 * ALLOCATE BY PRIORITY(request[v], priority[v], size, width, supply) gives each requester a
 * rectangular priority curve of the given width and finds the priority level at which the
 * allocations add up to the supply, exactly; it becomes the engine call (size is not used)
 *   allocate_by_priority_at(r, p, k, supply, width), r = vector_of(r_1…r_n), p = vector_of(p_1…p_n)
 *     → the allocation of requester k (1-based), described in src/builtins/allocate-priority.ts;
 *     r and p are shared by all the requesters (src/builtins/vector-sites.ts).
 *
 * ALLOCATE AVAILABLE's priority profiles (normal, exponential, …) need an iterative solve and
 * become an engine call, whose curves and solve are described in src/builtins/allocation.ts:
 *   allocate_available(k, supply, r_1…r_n, t_1,p_1,w_1,x_1, …, t_n,p_n,w_n,x_n)
 *     → the allocation of requester k (1-based) with profiles (type, priority, width, extra).
 */
import { canonicalName } from '../../core/names.js';
import { call, num, type Expr } from '../../expr/ast.js';
import type { VExpr } from './ast.js';
import { instanceName, varRef } from './resolve.js';
import type { Scope } from './scope.js';
import { translate } from './translate.js';
import { fail, vectorOf } from './vectors.js';
import { allocateByPriority } from '../vector-exprs.js';

/** Profile entries of requester i: the elements of the range holding the profile element. */
function profiles(arg: VExpr, n: number, sc: Scope): Expr[] | undefined {
  if (arg.k !== 'ref' || arg.subs.length < 2) return fail(sc, arg.pos, 'expected priority profiles such as pp[requester, ptype]');
  const v = sc.index.vars.get(canonicalName(arg.name));
  const first = canonicalName(arg.subs[arg.subs.length - 1].name);
  const profile = [...sc.index.dims.dims.values()].find((d) => d.elements[0] === first && d.elements.length === 4);
  const requester = sc.index.dims.get(canonicalName(arg.subs[arg.subs.length - 2].name));
  if (!v || !profile || !requester || requester.elements.length !== n) return fail(sc, arg.pos, 'priority profiles must be pp[requester range, first profile element] over a 4-element profile range');
  const out: Expr[] = [];
  for (const r of requester.elements) {
    for (const p of profile.elements) {
      const subs = [...arg.subs.slice(0, -2), { name: r, bang: false, pos: arg.pos }, { name: p, bang: false, pos: arg.pos }];
      const name = instanceName(v, subs, arg.pos, sc);
      if (name === undefined) return undefined;
      out.push(varRef(name));
    }
  }
  return out;
}

export function translateAllocation(id: string, e: Extract<VExpr, { k: 'call' }>, sc: Scope): Expr | undefined {
  if (id === 'allocate_by_priority') {
    const req = vectorOf(e.args[0], sc);
    const pri = vectorOf(e.args[1], sc);
    const width = translate(e.args[3], sc);
    const supply = translate(e.args[4], sc);
    if (!req || !pri || !width || !supply) return undefined;
    if (pri.items().length !== req.items().length) return fail(sc, e.pos, 'ALLOCATE BY PRIORITY needs as many priorities as requests');
    return allocateByPriority(req, pri, supply, width);
  }
  const req = vectorOf(e.args[0], sc);
  const pp = req && profiles(e.args[1], req.items().length, sc);
  const avail = translate(e.args[2], sc);
  if (!req || !pp || !avail) return undefined;
  return call('allocate_available', num(req.k + 1), avail, ...req.items(), ...pp);
}
