/**
 * A call of a macro with its own variables (XMILE 1.0 §4.8): every call gets a fresh copy of
 * the macro's stocks, flows and auxiliaries, named `<macro>#<k>.<variable>`, so that each
 * call keeps its own state. Each parameter becomes an auxiliary of the copy holding the
 * call's argument (translated where the call stands), and the call's value is the macro's
 * `<eqn>` over the copy.
 */
import { ref, type Expr } from '../../expr/ast.js';
import type { Variable } from '../../model/types.js';
import { canonicalName, displayName, xid } from './names.js';
import { printNative } from './print-native.js';
import type { Ctx, Macro, MacroVar, Scope, TranslateEnv, VarInfo } from './scope.js';
import { translate } from './translate.js';

export function instantiateMacro(macro: Macro, args: readonly Expr[], env: TranslateEnv, depth: number, pos: number): Expr | undefined {
  if (!env.reserve(macro.params.length + macro.variables!.length, `a call of macro '${macro.name}'`, pos)) return undefined;
  const prefix = `${macro.name}#${env.instance()}.`;
  const params = new Map<string, Expr>();
  macro.params.forEach((p, i) => {
    const name = prefix + displayName(p);
    env.define({ kind: 'aux', name, id: canonicalName(name), equation: printNative(args[i]) });
    params.set(xid(p), ref(canonicalName(name), name));
  });
  // A macro variable named like a parameter (Stella writes them with access="input") is the parameter.
  const own = macro.variables!.filter((v) => !params.has(xid(v.name)));
  const vars = new Map<string, VarInfo>(own.map((v) => [xid(v.name), { id: xid(v.name), name: prefix + v.name, kind: v.kind, dims: [], lookup: false }]));
  const scope: Scope = { prefix, vars, modules: new Map() };
  const ctx: Ctx = { env, scope, bind: new Map(), params, macroDepth: depth };
  const link = (n: string): string | undefined => {
    const info = vars.get(xid(n));
    if (info?.kind === 'flow') return info.name;
    env.report('unknown-flow', `a stock of macro '${macro.name}' lists '${n}' as a flow, but the macro has no such flow`, pos);
    return undefined;
  };
  const translated = new Map<MacroVar, Expr>();
  for (const v of own) {
    const e = translate(v.eqn, ctx);
    if (!e) return undefined;
    const made = variable(v, prefix + v.name, printNative(e), link);
    if (!made) return undefined;
    env.define(made);
    translated.set(v, e);
  }
  for (const v of own) if (v.conveyor && !conveyorCopy(v, macro.variables!, translated, ctx, pos)) return undefined;
  return translate(macro.body!, ctx);
}

/** A conveyor among the copies: its outflow and leakage flows are set once all are emitted (conveyor.ts). */
function conveyorCopy(v: MacroVar, all: readonly MacroVar[], translated: ReadonlyMap<MacroVar, Expr>, ctx: Ctx, pos: number): boolean {
  const len = translate(v.conveyor!.len, ctx);
  if (!len) return false;
  const copy = (n: string) => all.find((w) => xid(w.name) === xid(n));
  const name = (n: string) => ctx.scope.prefix + copy(n)!.name;
  const leaks = v.outflows.filter((n) => copy(n)?.leak);
  const plain = v.outflows.filter((n) => !copy(n)?.leak);
  if (plain.length !== 1) {
    ctx.env.report('invalid-conveyor', `conveyor '${v.name}' of a macro has ${plain.length} outflows besides its leakage flows; a conveyor has exactly one`, pos);
    return false;
  }
  const fractions = new Map(leaks.map((n) => [name(n), translated.get(copy(n)!)!] as const));
  ctx.env.conveyor({
    inflows: v.inflows.map(name), initial: translated.get(v)!, len, exponential: v.conveyor!.exponential, outflow: name(plain[0]),
    leaks: leaks.map((n) => ({ flow: name(n), start: v.conveyor!.leakStart, end: v.conveyor!.leakEnd, integers: !!copy(n)?.leakIntegers })),
    stock: ctx.scope.prefix + v.name,
  }, fractions, pos);
  return true;
}

function variable(v: MacroVar, name: string, equation: string, link: (n: string) => string | undefined): Variable | undefined {
  const id = canonicalName(name);
  const nn = v.nonNegative ? { nonNegative: true } : {};
  switch (v.kind) {
    case 'stock': {
      const inflows = v.inflows.map(link);
      const outflows = v.outflows.map(link);
      if ([...inflows, ...outflows].some((f) => f === undefined)) return undefined;
      return { kind: 'stock', name, id, initial: equation, inflows: inflows as string[], outflows: outflows as string[], ...nn };
    }
    case 'flow': return { kind: 'flow', name, id, equation, ...nn };
    default: return { kind: 'aux', name, id, equation };
  }
}
