/**
 * Vensim's ALLOCATE AVAILABLE(request[v], pp[v, ptype], supply) and ALLOCATE BY PRIORITY(
 * request[v], priority[v], size, width, supply) in XMILE, as Vensim's XMILE export leaves them
 * (`{Untranslated function used}ALLOCATE AVAILABLE(demand[region], priority_vector[region,
 * ptype], total_supply_available)`). They become the engine calls the `.mdl` reader writes:
 * allocate_available_at (Vensim's curves, builtins/allocation.ts, over the requests and the
 * four profile columns each written once as vector_of) and allocate_by_priority_at
 * (rectangular curves solved exactly, builtins/allocate-priority.ts). The requests run along
 * the last subscript of the first argument (vectors.ts), the profiles of ALLOCATE AVAILABLE are
 * the four elements (type, priority, width, extra) of the profile dimension written from its
 * first element, for each requester; ALLOCATE BY PRIORITY's priorities run along the last
 * subscript of its second argument, with one width (size is not used, as in the `.mdl` reader).
 */
import type { Expr } from '../../expr/ast.js';
import type { XExpr, XSub } from './eqn-ast.js';
import type { Ctx } from './scope.js';
import { translate } from './translate.js';
import { expandArray } from './expand.js';
import { arrayArg, headKey, lastAxis, shared } from './vectors.js';
import { allocateAvailable, allocateByPriority, type VectorArg } from '../vector-exprs.js';

type CallNode = Extract<XExpr, { kind: 'call' }>;

export function vensimAllocate(x: CallNode, id: string, ctx: Ctx): Expr | undefined {
  const req = lastAxis(x, ctx);
  if (!req) return undefined;
  const n = req.items().length;
  if (id === 'allocate_available') {
    const profiles = profileArg(x, req.k, n, ctx);
    const supply = translate(x.args[2], ctx);
    return profiles && supply && allocateAvailable(req, profiles, supply);
  }
  const pri = lastAxis(x, ctx, 1);
  const width = translate(x.args[3], ctx);
  const supply = translate(x.args[4], ctx);
  if (!pri || !width || !supply) return undefined;
  if (pri.items().length !== n) {
    ctx.env.report('dimension-mismatch', `ALLOCATE BY PRIORITY has ${n} requests but ${pri.items().length} priorities`, x.args[1].pos);
    return undefined;
  }
  return allocateByPriority(req, pri, supply, width);
}

/**
 * pp[v, ptype]: the four profile columns (type, priority, width, extra), each over the
 * requesters, shared by every requester as the requests are (vectors.ts lastAxis).
 */
function profileArg(x: CallNode, k: number, n: number, ctx: Ctx): VectorArg[] | undefined {
  const a = arrayArg(x, ctx, 1);
  if (!a) return undefined;
  const at = a.subs.length - 1;
  const profile = a.v.dims[at];
  const first = a.subs[at];
  const firstOk = first.kind === 'name' && !first.subs && profile.elements.length === 4 && profile.ids[0] === profile.ids[profile.elements.findIndex((e) => e.toLowerCase() === first.name.toLowerCase())];
  if (firstOk && at > 0) {
    const head = headKey(a.subs.slice(0, at - 1), a.v.dims, ctx);
    const keys = profile.ids.map((id) => `${ctx.scope.prefix}${a.v.id}\u0000profile\u0000${id}`);
    const known = head !== undefined ? keys.map((key) => ctx.env.vectors?.get(`${key}\u0000${head}`)) : [];
    if (known.length && known.every((c) => c)) return known.map((c) => ({ k, items: () => c!.items, source: c!.source }));
    const star = (s: XSub): XSub => ({ kind: 'star', pos: s.pos });
    const items = expandArray({ ...a.arg, subs: [...a.subs.slice(0, at - 1), star(a.subs[at - 1]), star(first)] }, ctx);
    if (items && items.length === 4 * n) {
      const columns = keys.map((key, j) => shared(key, items.filter((_, i) => i % 4 === j), k, a.v.name, ctx, head, profile.elements[j]));
      if (columns.every((c) => c)) return columns as VectorArg[];
    }
  }
  ctx.env.report('wrong-arguments', 'the priority profiles of ALLOCATE AVAILABLE must be written pp[requester, ptype]: ptype the first of a 4-element profile dimension, the requesters the same as the requests', a.arg.pos);
  return undefined;
}
