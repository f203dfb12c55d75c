/**
 * Resolves names written in Vensim equations: variables (with subscripts resolved to
 * elements), control variables, dimension names used as values, and macro parameters.
 */
import { error } from '../../core/diagnostics.js';
import { canonicalName, didYouMean } from '../../core/names.js';
import { num, ref, type Expr } from '../../expr/ast.js';
import type { Sub, VExpr } from './ast.js';
import { scalarName, where, type Scope, type VarInfo } from './scope.js';
import { translate } from './translate.js';

/** Vensim control variables and their native reserved names. */
const CONTROL: Readonly<Record<string, string>> = {
  time: 'time', time_step: 'dt', initial_time: 'initial_time', final_time: 'final_time', saveper: 'saveper',
};

export function isControlName(id: string): boolean {
  return id in CONTROL;
}

/** A reference to a scalar variable by its output name. */
export function varRef(name: string): Expr {
  return ref(canonicalName(name), name);
}

export function resolveRef(e: Extract<VExpr, { k: 'ref' }>, sc: Scope): Expr | undefined {
  const id = canonicalName(e.name);
  const { index } = sc;
  // Inside a macro, `name$` is the calling model's variable (`Time$`, `TIME STEP$`), never a
  // parameter or a variable of the macro (Vensim reference, "Macros").
  if (id.endsWith('$') && sc.rename) return resolveRef({ ...e, name: e.name.replace(/\s*\$$/, '') }, { ...sc, params: undefined, rename: undefined });
  if (sc.params?.has(id) && e.subs.length === 0) return sc.params.get(id);
  if (sc.rename?.has(id) && e.subs.length === 0) return varRef(sc.rename.get(id)!);
  const v = index.vars.get(id) ?? index.macroOutputs.get(id);
  if (v) {
    const name = instanceName(v, e.subs, e.pos, sc);
    if (name === undefined) return undefined;
    if (sc.initial) {
      const inst = v.subscripted ? v.instances.get(resolveTuple(e.subs, sc)!.join(',')) : v.instances.get('');
      const body = inst?.def.body;
      if (inst && body?.k === 'expr' && body.expr.k === 'call' && canonicalName(body.expr.fn) === 'active_initial' && body.expr.args.length === 2) {
        return translate(body.expr.args[1], { ...sc, bindings: inst.bindings, variable: inst.name, lhs: inst.tuple });
      }
    }
    return varRef(name);
  }
  if (e.subs.length === 0) {
    if (CONTROL[id]) return ref(CONTROL[id], CONTROL[id]);
    const dims = index.dims;
    if (dims.isDimension(id)) {
      const el = sc.bindings.get(id) ?? sc.bindings.get(`${id}!`) ?? bindElement(id, sc);
      if (el !== undefined) return num(dims.valueOf(el, id)!);
      index.diags.push(error('unbound-subscript', `the subscript range '${e.name}' is used as a value, but the left-hand side does not bind it`, where(sc, e.pos)));
      return undefined;
    }
    if (dims.isElement(id)) return num(dims.valueOf(id)!);
  }
  const guess = didYouMean(id, index.vars.keys());
  index.diags.push(error('unknown-variable', `'${e.name}' is not defined`, where(sc, e.pos, {
    hint: guess ? `did you mean '${index.vars.get(guess)!.name}'?` : 'define it, or check its spelling',
  })));
  return undefined;
}

/** Output name of `v[subs]` in this scope, checking that the element is defined. */
export function instanceName(v: VarInfo, subs: readonly Sub[], pos: number, sc: Scope): string | undefined {
  const { index } = sc;
  if (!v.subscripted) {
    if (subs.length) index.diags.push(error('unexpected-subscript', `'${v.name}' has no subscripts`, where(sc, pos)));
    return subs.length ? undefined : v.name;
  }
  const written = v.defs[0]?.subs ?? [];
  if (written.length && subs.length !== written.length) {
    const example = `${v.name}[${written.map((s) => s.name).join(',')}]`;
    index.diags.push(error('wrong-subscript-count', subs.length
      ? `'${v.name}' has ${written.length} subscript(s), as in ${example}, but is written here with ${subs.length}`
      : `'${v.name}' is subscripted, as in ${example}, but is written here without subscripts`, where(sc, pos, {
      hint: `write it with one subscript per position, such as ${example} (a range of the left-hand side or an element), or sum it with SUM(${v.name}[${written.map((s) => `${s.name}!`).join(',')}])`,
    })));
    return undefined;
  }
  const tuple = resolveTuple(subs, sc);
  if (!tuple) return undefined;
  if (!v.instances.has(tuple.join(','))) {
    const shown = scalarName(v, tuple, index.dims);
    index.diags.push(error('undefined-element', `'${shown}' is not defined`, where(sc, pos, { hint: `'${v.name}' has no equation for this element` })));
    return undefined;
  }
  return scalarName(v, tuple, index.dims);
}

/** Element ids for the subscripts of a reference, or undefined (diagnostic emitted). */
export function resolveTuple(subs: readonly Sub[], sc: Scope): string[] | undefined {
  const out: string[] = [];
  for (const s of subs) {
    const el = resolveSub(s, sc);
    if (el === undefined) return undefined;
    out.push(el);
  }
  return out;
}

function resolveSub(s: Sub, sc: Scope): string | undefined {
  const id = canonicalName(s.name);
  const dims = sc.index.dims;
  if (s.bang) {
    const el = sc.bindings.get(`${id}!`);
    if (el === undefined) sc.index.diags.push(error('misplaced-bang', `'${s.name}!' is only allowed inside an array function such as SUM`, where(sc, s.pos)));
    return el;
  }
  if (dims.isDimension(id)) {
    const el = sc.bindings.get(id) ?? bindElement(id, sc);
    if (el === undefined) sc.index.diags.push(error('unbound-subscript', `the subscript range '${s.name}' is not on the left-hand side`, where(sc, s.pos, { hint: 'use a subscript of the left-hand side, an element, or mark it with ! inside SUM/PROD/VMIN/VMAX' })));
    return el;
  }
  if (dims.isElement(id)) return id;
  sc.index.diags.push(error('unknown-subscript', `'${s.name}' is neither a subscript range nor an element`, where(sc, s.pos)));
  return undefined;
}

/**
 * Binds a range that the left-hand side does not name: through a positional mapping
 * (`A: a1, a2 -> B`, Vensim "Subscript Mapping"), or a sub/super-range holding the bound
 * element (Vensim "Subranges").
 */
function bindElement(id: string, sc: Scope): string | undefined {
  const dims = sc.index.dims;
  const target = dims.get(id)!;
  for (const [d, el] of sc.bindings) {
    const found = d.endsWith('!') ? undefined : dims.mapped(id, d, el);
    if (found !== undefined) return found;
  }
  for (const [d, el] of sc.bindings) if (!d.endsWith('!') && target.elements.includes(el)) return el;
  return undefined;
}
