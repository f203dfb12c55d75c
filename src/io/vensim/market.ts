/**
 * Vensim FIND MARKET PRICE(dq, dp, sq, sp), DEMAND AT PRICE(q, pp, price) and SUPPLY AT
 * PRICE(q, pp, price) (Vensim reference, "Allocation Functions"; semantics in
 * src/builtins/market.ts).
 *
 * FIND MARKET PRICE runs over the demanders and the suppliers: "dq must have as its last
 * subscript a range for the demanders and dp must have this followed by a pprofile range
 * as its last two subscripts … the arguments must be passed with the first element in the
 * Subscript Range rather than the name of the Subscript Range". So `dq[.., d1]` stands for
 * the whole range whose first element is d1 (the longest such range the variable is
 * defined over), and `dp[.., d1, ptype]` for the profiles of those demanders. DEMAND AT
 * PRICE and SUPPLY AT PRICE work element by element: `pp[supplier, ptype]` is the profile
 * of the supplier being computed.
 */
import { canonicalName } from '../../core/names.js';
import { call, num, type Expr } from '../../expr/ast.js';
import type { Sub, VExpr } from './ast.js';
import { NA_VALUE } from './builtins.js';
import { instanceName, varRef } from './resolve.js';
import type { Scope, VarInfo } from './scope.js';
import { translate } from './translate.js';
import { fail } from './vectors.js';

type Call = Extract<VExpr, { k: 'call' }>;
type Ref = Extract<VExpr, { k: 'ref' }>;

export const MARKET_FUNCTIONS: ReadonlySet<string> = new Set(['find_market_price', 'demand_at_price', 'supply_at_price']);

/** The 4-element profile range whose first element is `first` (ptype). */
function profileRange(first: string, sc: Scope): readonly string[] | undefined {
  return [...sc.index.dims.dims.values()].find((d) => d.elements[0] === first && d.elements.length === 4)?.elements;
}

/** Elements at subscript `at` of `ref`: a range, or the longest range starting at the element written there. */
export function rangeAt(v: VarInfo, ref: Ref, at: number, sc: Scope): readonly string[] | undefined {
  const id = canonicalName(ref.subs[at].name);
  const dims = sc.index.dims;
  if (dims.isDimension(id)) return dims.get(id)!.elements;
  const defined = (el: string) => [...v.instances.values()].some((i) => i.tuple[at] === el);
  return [...dims.dims.values()]
    .filter((d) => d.elements[0] === id && d.elements.every(defined))
    .sort((a, b) => b.elements.length - a.elements.length)[0]?.elements;
}

export const withSubs = (ref: Ref, at: number, names: readonly string[]): Sub[] =>
  [...ref.subs.slice(0, at), ...names.map((name) => ({ name, bang: false, pos: ref.pos }))];

/** Quantities (last subscript running over a range) and their profiles (then pprofile). */
function side(qArg: VExpr, pArg: VExpr, sc: Scope, what: string): Expr[][] | undefined {
  if (qArg.k !== 'ref' || pArg.k !== 'ref' || qArg.subs.length === 0 || pArg.subs.length < 2) {
    return fail(sc, qArg.pos, `FIND MARKET PRICE expects ${what} quantities such as q[${what}1] and profiles such as p[${what}1, ptype]`);
  }
  const qv = sc.index.vars.get(canonicalName(qArg.name));
  const pv = sc.index.vars.get(canonicalName(pArg.name));
  if (!qv || !pv) return fail(sc, (qv ? pArg : qArg).pos, `'${(qv ? pArg : qArg).name}' is not a variable of this model`);
  const qAt = qArg.subs.length - 1;
  const pAt = pArg.subs.length - 2;
  const members = rangeAt(qv, qArg, qAt, sc);
  const profile = profileRange(canonicalName(pArg.subs[pAt + 1].name), sc);
  if (!members) return fail(sc, qArg.pos, `the last subscript of '${qArg.name}' must be a range or its first element`);
  if (!profile) return fail(sc, pArg.pos, `the last subscript of '${pArg.name}' must be the first element of a 4-element profile range (ptype, ppriority, pwidth, pextra)`);
  const quantities: Expr[] = [];
  const profiles: Expr[] = [];
  for (const m of members) {
    const q = instanceName(qv, withSubs(qArg, qAt, [m]), qArg.pos, sc);
    if (q === undefined) return undefined;
    quantities.push(varRef(q));
    for (const p of profile) {
      const name = instanceName(pv, withSubs(pArg, pAt, [m, p]), pArg.pos, sc);
      if (name === undefined) return undefined;
      profiles.push(varRef(name));
    }
  }
  return [quantities, profiles];
}

/** The four profile entries of the element being computed: pp[.., ptype] → ptype … pextra. */
function ownProfile(arg: VExpr, sc: Scope, fn: string): Expr[] | undefined {
  const v = arg.k === 'ref' && arg.subs.length > 0 ? sc.index.vars.get(canonicalName(arg.name)) : undefined;
  const at = arg.k === 'ref' ? arg.subs.length - 1 : 0;
  const profile = arg.k === 'ref' && arg.subs.length ? profileRange(canonicalName(arg.subs[at].name), sc) : undefined;
  if (!v || arg.k !== 'ref' || !profile) return fail(sc, arg.pos, `${fn} expects a profile such as pp[element, ptype] whose last subscript is the first element of a 4-element profile range`);
  const out: Expr[] = [];
  for (const p of profile) {
    const name = instanceName(v, withSubs(arg, at, [p]), arg.pos, sc);
    if (name === undefined) return undefined;
    out.push(varRef(name));
  }
  return out;
}

export function translateMarket(id: string, e: Call, sc: Scope): Expr | undefined {
  if (id === 'find_market_price') {
    const demand = side(e.args[0], e.args[1], sc, 'demander');
    const supply = demand && side(e.args[2], e.args[3], sc, 'supplier');
    if (!demand || !supply) return undefined;
    return call('find_market_price', num(NA_VALUE), num(demand[0].length), ...demand[0], ...demand[1], ...supply[0], ...supply[1]);
  }
  const q = translate(e.args[0], sc);
  const profile = ownProfile(e.args[1], sc, e.fn);
  const price = translate(e.args[2], sc);
  if (!q || !profile || !price) return undefined;
  return call(id, q, ...profile, price);
}
