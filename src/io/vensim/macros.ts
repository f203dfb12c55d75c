/**
 * Vensim macros (`:MACRO: NAME(input, parameter) … :END OF MACRO:`, Vensim reference
 * "Macros") are expanded inline: every call gets its own copy of the macro's variables,
 * named `<caller> <MACRO> <variable>`, with the parameters replaced by the call's
 * (translated) arguments. The copy of the variable named like the macro is the result.
 * A macro with further outputs, `:MACRO: M(a, b : out1, out2)`, is called `M(x, y : v1, v2)`:
 * its variables out1, out2 become the caller's variables v1, v2 (referred to anywhere in the
 * model). Inside a macro, `Time$` and `TIME STEP$` name the calling model's variables.
 *
 * Macros have no subscripts inside, but a call may stand in a subscripted equation
 * (Vensim reference, "Macros": "you can use subscripted values when calling the macro"). A
 * subscripted equation is one equation per element (Vensim reference, "Subscripts": the
 * left-hand side's ranges are an implicit "for each"), so each element calls the macro with
 * its own copy; the outputs v1, v2 are then subscripted like the left-hand side, v1[e] coming
 * from element e's call, and are referred to as v1[range] or v1[element].
 */
import { error } from '../../core/diagnostics.js';
import { BUDGET_HINT, reserve } from '../../core/budget.js';
import { canonicalName } from '../../core/names.js';
import type { Expr } from '../../expr/ast.js';
import type { Definition, MacroDef, MacroOutput, VExpr } from './ast.js';
import { isBuiltinMacro } from './builtin-macros.js';
import { buildInstance } from './define.js';
import { varRef } from './resolve.js';
import { partOf, scalarName, where, type Instance, type ModelIndex, type Scope, type VarInfo } from './scope.js';
import type { Dimensions } from './subscripts.js';
import { arity, translateAll } from './translate.js';
import { WRONG_ARITY } from '../../builtins/arity.js';

/** Caller variables that macro calls have defined so far, per model. */
const producedByIndex = new WeakMap<ModelIndex, Set<string>>();
function producedOf(index: ModelIndex): Set<string> {
  let set = producedByIndex.get(index);
  if (!set) producedByIndex.set(index, (set = new Set()));
  return set;
}

/** Macro calls nested deeper than this are refused (a macro calling itself). */
const MAX_DEPTH = 20;

export function expandMacro(m: MacroDef, e: Extract<VExpr, { k: 'call' }>, sc: Scope): Expr | undefined {
  const { index } = sc;
  if (!arity(e, sc, m.params.length)) return undefined;
  const depth = sc.variable.split(` ${m.name} `).length;
  if (depth > MAX_DEPTH) {
    index.diags.push(error('macro-recursion', `macro ${m.name} calls itself`, where(sc, e.pos)));
    return undefined;
  }
  const args = translateAll(e.args, sc);
  if (!args || sc.probe) return undefined;
  const over = reserve(index.budget, m.definitions.length, `a call of macro ${m.name} (in ${sc.variable})`);
  if (over) index.diags.push(error('expansion-budget', over, where(sc, e.pos, { hint: BUDGET_HINT })));
  if (over || index.budget.exceeded) return undefined;
  const given = e.outputs ?? [];
  if (given.length !== m.outputs.length) {
    index.diags.push(error(WRONG_ARITY, `macro ${m.name} has ${m.outputs.length} further output${m.outputs.length === 1 ? '' : 's'}, and the call names ${given.length}`, where(sc, e.pos, { hint: m.outputs.length ? `name them after a colon: ${m.name}(… : ${m.outputs.join(', ')})` : 'remove the names after the colon' })));
    return undefined;
  }
  const params = new Map(m.params.map((p, i) => [canonicalName(p), args[i]]));
  const callerNames = given.map((o) => outputName(o, sc));
  const unplaced = given.find((_, i) => callerNames[i] === undefined);
  if (unplaced) {
    index.diags.push(error('unsupported-construct', `the output '${unplaced.name}' of macro ${m.name} is named in a call that is not the whole equation of a model variable`, where(sc, unplaced.pos, { hint: 'call a macro with outputs directly in a variable\'s equation, not inside another macro' })));
    return undefined;
  }
  const rename = new Map<string, string>(m.outputs.map((o, i) => [canonicalName(o), callerNames[i]!]));
  for (const d of m.definitions) {
    const id = canonicalName(d.name);
    if (!rename.has(id)) rename.set(id, index.freshName(`${sc.variable} ${m.name} ${d.name}`));
  }
  const output = rename.get(canonicalName(m.name));
  const missing = [m.name, ...m.outputs].find((o) => !m.definitions.some((d) => canonicalName(d.name) === canonicalName(o)));
  if (output === undefined || missing !== undefined) {
    index.diags.push(error('macro-without-output', `macro ${m.name} defines no variable named ${missing ?? m.name}`, { file: index.file, ...index.locate(m.pos) }));
    return undefined;
  }
  const produced = producedOf(index);
  const twice = given.findIndex((_, i) => produced.has(canonicalName(callerNames[i]!)));
  if (twice >= 0) {
    index.diags.push(error('duplicate-definition', `'${callerNames[twice]}' is defined by more than one macro call`, where(sc, given[twice].pos)));
    return undefined;
  }
  for (const n of callerNames) produced.add(canonicalName(n!));
  const builtin = isBuiltinMacro(m);
  // what the call makes beyond the caller's own outputs is internal to the caller's variable
  const owner = sc.partOf ?? sc.variable;
  const shown = new Set(callerNames.map((n) => canonicalName(n!)));
  const local = new Set([m.name, ...m.params, ...m.outputs, ...m.definitions.map((d) => d.name)].map(canonicalName));
  for (const macroDef of m.definitions) {
    // a built-in macro's variables are located at the call: the model has no text for them
    const pos = builtin ? e.pos : macroDef.pos;
    const def = { ...macroDef, pos, units: callIndependentUnits(macroDef.units, local) };
    const name = rename.get(canonicalName(def.name))!;
    const inner: Scope = { index, bindings: new Map(), variable: name, params, rename, partOf: owner };
    if (def.subs.length) {
      index.diags.push(error('unsupported-construct', 'subscripted variables inside macros are not supported', where(inner, def.pos)));
      continue;
    }
    const built = buildInstance({ tuple: [], def, bindings: new Map(), index: 0, name }, 1, inner);
    if (built) index.addSynthetic(shown.has(canonicalName(name)) ? built : partOf(built, owner));
  }
  return varRef(output);
}

/**
 * Units of a macro variable are written in terms of the macro's inputs (PINK NOISE's
 * `mean/correlation time`: Vensim reference, "Macros"), so they depend on the call; the copy
 * then declares none and the unit check infers them from its equation. Units naming only
 * real units are kept.
 */
function callIndependentUnits(units: string | undefined, local: ReadonlySet<string>): string | undefined {
  if (!units) return units;
  const names = units.split(/[*/^()]/).map(canonicalName).filter((n) => n && !/^[-+\d.e]+$/.test(n));
  return names.some((n) => local.has(n)) ? undefined : units;
}

/** The caller's variable (or its element, in a subscripted equation) that a call's output defines. */
function outputName(o: MacroOutput, sc: Scope): string | undefined {
  const v = sc.index.macroOutputs.get(canonicalName(o.name));
  if (!v) return undefined;
  return v.subscripted ? v.instances.get((sc.lhs ?? []).join(','))?.name : v.name;
}

/** A variable a macro call defines for the caller, and the equation that makes the call. */
export interface OutputCall {
  readonly name: string;
  readonly def: Definition;
}

/**
 * The variables that macro calls in `defs` define for the caller (`M(a : out)`), by id.
 * A name given twice, or also defined by an equation, is a located error.
 */
export function macroOutputs(defs: readonly Definition[], defined: (id: string) => boolean, report: (pos: number, message: string) => void): Map<string, OutputCall> {
  const out = new Map<string, OutputCall>();
  let def: Definition;
  const visit = (e: VExpr): void => {
    if (e.k === 'call') {
      for (const o of e.outputs ?? []) claim(o);
      e.args.forEach(visit);
    } else if (e.k === 'unary') visit(e.arg);
    else if (e.k === 'binary') { visit(e.left); visit(e.right); }
  };
  const claim = (o: MacroOutput) => {
    const id = canonicalName(o.name);
    if (out.has(id) || defined(id)) report(o.pos, `'${o.name}' is defined more than once (a macro output must be a new variable)`);
    else out.set(id, { name: o.name, def });
  };
  for (const d of defs) {
    def = d;
    if (d.body.k === 'expr' || d.body.k === 'lookupCall') visit(d.body.expr);
  }
  return out;
}

/**
 * The caller's variables for macro outputs: a call in a scalar equation defines a scalar, one
 * in a subscripted equation an array over the same elements as the equation's left-hand side
 * (`vars` holds the caller, already expanded).
 */
export function outputVariables(calls: ReadonlyMap<string, OutputCall>, vars: ReadonlyMap<string, VarInfo>, dims: Dimensions): Map<string, VarInfo> {
  const out = new Map<string, VarInfo>();
  for (const [id, { name, def }] of calls) {
    const subscripted = def.subs.length > 0;
    const v: VarInfo = { id, name, defs: [def], subscripted, instances: new Map(), lookup: false };
    const caller = vars.get(canonicalName(def.name));
    const elements = subscripted ? [...(caller?.instances.values() ?? [])].filter((i) => i.def.pos === def.pos) : [{ tuple: [], bindings: new Map(), index: 0 }];
    for (const e of elements) {
      const inst: Instance = { tuple: e.tuple, def, bindings: e.bindings, index: e.index, name: scalarName(v, e.tuple, dims) };
      v.instances.set(e.tuple.join(','), inst);
    }
    out.set(id, v);
  }
  return out;
}
