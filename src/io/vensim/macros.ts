/**
 * Vensim macros (`:MACRO: NAME(input, parameter) … :END OF MACRO:`, Vensim reference
 * "Macros") are expanded inline: every call gets its own copy of the macro's variables,
 * named `<caller> <MACRO> <variable>`, with the parameters replaced by the call's
 * (translated) arguments. The copy of the variable named like the macro is the result.
 * A macro with further outputs, `:MACRO: M(a, b : out1, out2)`, is called `M(x, y : v1, v2)`:
 * its variables out1, out2 become the caller's variables v1, v2 (referred to anywhere in the
 * model). Inside a macro, `Time$` and `TIME STEP$` name the calling model's variables.
 */
import { error } from '../../core/diagnostics.js';
import { BUDGET_HINT, reserve } from '../../core/budget.js';
import { canonicalName } from '../../core/names.js';
import type { Expr } from '../../expr/ast.js';
import type { Definition, MacroDef, MacroOutput, VExpr } from './ast.js';
import { buildInstance } from './define.js';
import { varRef } from './resolve.js';
import { where, type ModelIndex, type Scope } from './scope.js';
import { translateAll } from './translate.js';

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
  if (e.args.length !== m.params.length) {
    index.diags.push(error('wrong-arity', `macro ${m.name} takes ${m.params.length} arguments, not ${e.args.length}`, where(sc, e.pos)));
    return undefined;
  }
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
    index.diags.push(error('wrong-arity', `macro ${m.name} has ${m.outputs.length} further output${m.outputs.length === 1 ? '' : 's'}, and the call names ${given.length}`, where(sc, e.pos, { hint: m.outputs.length ? `name them after a colon: ${m.name}(… : ${m.outputs.join(', ')})` : 'remove the names after the colon' })));
    return undefined;
  }
  const params = new Map(m.params.map((p, i) => [canonicalName(p), args[i]]));
  const rename = new Map<string, string>(m.outputs.map((o, i) => [canonicalName(o), given[i].name]));
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
  const twice = given.find((o) => produced.has(canonicalName(o.name)));
  if (twice) {
    index.diags.push(error('duplicate-definition', `'${twice.name}' is defined by more than one macro call (a call with outputs cannot be in a subscripted equation)`, where(sc, twice.pos)));
    return undefined;
  }
  for (const o of given) produced.add(canonicalName(o.name));
  for (const def of m.definitions) {
    const name = rename.get(canonicalName(def.name))!;
    const inner: Scope = { index, bindings: new Map(), variable: name, params, rename };
    if (def.subs.length) {
      index.diags.push(error('unsupported-construct', 'subscripted variables inside macros are not supported', where(inner, def.pos)));
      continue;
    }
    const built = buildInstance({ tuple: [], def, bindings: new Map(), index: 0, name }, 1, inner);
    if (built) index.addSynthetic(built);
  }
  return varRef(output);
}

/**
 * The variables that macro calls in `defs` define for the caller (`M(a : out)`): id → name.
 * A name given twice, or also defined by an equation, is a located error.
 */
export function macroOutputs(defs: readonly Definition[], defined: (id: string) => boolean, report: (pos: number, message: string) => void): Map<string, string> {
  const out = new Map<string, string>();
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
    else out.set(id, o.name);
  };
  for (const d of defs) if (d.body.k === 'expr' || d.body.k === 'lookupCall') visit(d.body.expr);
  return out;
}
