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
 *   allocate_available_at(r, t, p, w, x, k, supply), r = vector_of(r_1…r_n), t = vector_of(t_1…t_n), …
 *     → allocate_available(k, supply, r_1…r_n, t_1,p_1,w_1,x_1, …, t_n,p_n,w_n,x_n), the
 *     allocation of requester k (1-based) with profiles (type, priority, width, extra); the
 *     requests and each profile column are shared by all the requesters, the price solved once.
 */
import { canonicalName } from '../../core/names.js';
import type { Expr } from '../../expr/ast.js';
import type { VExpr } from './ast.js';
import { printExpr } from './print.js';
import { instanceName, resolveTuple, varRef } from './resolve.js';
import type { Scope } from './scope.js';
import { translate } from './translate.js';
import { fail, vectorOf } from './vectors.js';
import { allocateAvailable, allocateByPriority, sharedVector, type VectorArg } from '../vector-exprs.js';

/**
 * The profile columns (type, priority, width, extra) of pp[requester, first profile element]:
 * each the elements of one profile element over the requesters, shared by every requester
 * through a vector_of variable as the requests are (vectors.ts vectorOf).
 */
function profiles(arg: VExpr, k: number, n: number, sc: Scope): VectorArg[] | undefined {
  if (arg.k !== 'ref' || arg.subs.length < 2) return fail(sc, arg.pos, 'expected priority profiles such as pp[requester, ptype]');
  const v = sc.index.vars.get(canonicalName(arg.name));
  const first = canonicalName(arg.subs[arg.subs.length - 1].name);
  const profile = [...sc.index.dims.dims.values()].find((d) => d.elements[0] === first && d.elements.length === 4);
  const requester = sc.index.dims.get(canonicalName(arg.subs[arg.subs.length - 2].name));
  if (!v || !profile || !requester || requester.elements.length !== n) return fail(sc, arg.pos, 'priority profiles must be pp[requester range, first profile element] over a 4-element profile range');
  const head = resolveTuple(arg.subs.slice(0, -2), sc);
  if (!head) return undefined;
  const out: VectorArg[] = [];
  for (const p of profile.elements) {
    const items = () => {
      const column: Expr[] = [];
      for (const r of requester.elements) {
        const subs = [...arg.subs.slice(0, -2), { name: r, bang: false, pos: arg.pos }, { name: p, bang: false, pos: arg.pos }];
        const name = instanceName(v, subs, arg.pos, sc);
        if (name === undefined) return undefined;
        column.push(varRef(name));
      }
      return column;
    };
    const define = sc.probe ? undefined : (equation: Expr) => {
      const name = sc.index.freshName([v.name, ...head, p, 'vector'].join(' '));
      sc.index.addSynthetic({ k: 'var', v: { kind: 'aux', name, id: canonicalName(name), equation: printExpr(equation), doc: `The ${p} profile element of ${v.name} along ${requester.name}, passed once to the ALLOCATE AVAILABLE calls that read it.`, partOf: sc.partOf ?? sc.variable } });
      return varRef(name);
    };
    const column = sharedVector(sc.index.vectors, ['profile', v.id, ...head, requester.name, p].join('\u0000'), k, items, define);
    if (!column) return undefined;
    out.push(column);
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
  const pp = req && profiles(e.args[1], req.k, req.items().length, sc);
  const avail = translate(e.args[2], sc);
  if (!req || !pp || !avail) return undefined;
  return allocateAvailable(req, pp, avail);
}
