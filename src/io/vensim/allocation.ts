/**
 * Vensim allocation functions (Vensim reference, "Allocation functions").
 *
 * ALLOCATE BY PRIORITY(request[v], priority[v], size, width, supply) gives each requester a
 * rectangular priority curve of the given width: at a priority level P requester i gets
 * r_i·clamp((p_i − P)/width + ½, 0, 1), and P is the level at which the allocations add up
 * to the supply (everyone gets their request when the supply covers all of them). This is
 * the algorithm PySD describes for Vensim's function. The total is piecewise linear in P with
 * corners at p_i ± width/2, so P is found exactly: L is the highest corner whose total is
 * still ≥ supply, U the lowest whose total is below, and P interpolates between them. All of
 * it is a native expression (helper auxiliaries `<name> priority level` hold L, U and P).
 *
 * ALLOCATE AVAILABLE's priority profiles (normal, exponential, …) need an iterative solve and
 * become an engine call, whose curves and solve are described in src/builtins/allocation.ts:
 *   allocate_available(k, supply, r_1…r_n, t_1,p_1,w_1,x_1, …, t_n,p_n,w_n,x_n)
 *     → the allocation of requester k (1-based) with profiles (type, priority, width, extra).
 */
import { canonicalName } from '../../core/names.js';
import { bin, call, num, type Expr } from '../../expr/ast.js';
import { printExpr } from './print.js';
import type { VExpr } from './ast.js';
import { instanceName, varRef } from './resolve.js';
import type { Scope } from './scope.js';
import { translate } from './translate.js';
import { fail, vectorOf } from './vectors.js';

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
    if (e.args.length !== 5) return fail(sc, e.pos, `ALLOCATE BY PRIORITY takes 5 arguments, not ${e.args.length}`);
    const req = vectorOf(e.args[0], sc);
    const pri = vectorOf(e.args[1], sc);
    const width = translate(e.args[3], sc);
    const supply = translate(e.args[4], sc);
    if (!req || !pri || !width || !supply) return undefined;
    if (pri.items.length !== req.items.length) return fail(sc, e.pos, 'ALLOCATE BY PRIORITY needs as many priorities as requests');
    return byPriority(req.items, pri.items, req.k, width, supply, sc);
  }
  if (e.args.length !== 3) return fail(sc, e.pos, `ALLOCATE AVAILABLE takes 3 arguments, not ${e.args.length}`);
  const req = vectorOf(e.args[0], sc);
  const pp = req && profiles(e.args[1], req.items.length, sc);
  const avail = translate(e.args[2], sc);
  if (!req || !pp || !avail) return undefined;
  return call('allocate_available', num(req.k + 1), avail, ...req.items, ...pp);
}

const clamp01 = (z: Expr): Expr => call('min', call('max', z, num(0)), num(1));
const sumOf = (xs: Expr[]): Expr => xs.reduce((a, b) => bin('+', a, b));

function byPriority(r: Expr[], p: Expr[], k: number, w: Expr, supply: Expr, sc: Scope): Expr {
  const share = (i: number, level: Expr) => bin('*', r[i], clamp01(bin('+', bin('/', bin('-', p[i], level), w), num(0.5))));
  const total = (level: Expr) => sumOf(r.map((_, i) => share(i, level)));
  const half = bin('/', w, num(2));
  const corners = p.flatMap((pi) => [bin('-', pi, half), bin('+', pi, half)]);
  const helper = (label: string, e: Expr): Expr => {
    if (sc.probe) return e;
    const name = sc.index.freshName(`${sc.variable} priority level ${label}`);
    sc.index.addSynthetic({ k: 'var', v: { kind: 'aux', name, id: canonicalName(name), equation: printExpr(e), doc: `ALLOCATE BY PRIORITY helper (${label}) of ${sc.variable}.` } });
    return varRef(name);
  };
  // finite fallbacks (the lowest and highest corner) keep the helpers finite when the supply
  // is zero or covers every request; those cases are decided before the level is used
  const lowest = call('min', ...corners);
  const highest = call('max', ...corners);
  const lo = helper('low', call('max', lowest, ...corners.map((c) => ({ kind: 'if', cond: bin('>=', total(c), supply), then: c, else: lowest }) as Expr)));
  const hi = helper('high', call('min', highest, ...corners.map((c) => ({ kind: 'if', cond: bin('<', total(c), supply), then: c, else: highest }) as Expr)));
  const [tLo, tHi] = [total(lo), total(hi)];
  const level = helper('P', bin('+', lo, bin('*', bin('-', tLo, supply), call('xidz', bin('-', hi, lo), bin('-', tLo, tHi), num(0)))));
  return {
    kind: 'if', cond: bin('>=', supply, sumOf(r)), then: r[k],
    else: { kind: 'if', cond: bin('<=', supply, num(0)), then: num(0), else: share(k, level) },
  };
}
