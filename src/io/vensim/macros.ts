/**
 * Vensim macros (`:MACRO: NAME(input, parameter) … :END OF MACRO:`, Vensim reference
 * "Macros") are expanded inline: every call gets its own copy of the macro's variables,
 * named `<caller> <MACRO> <variable>`, with the parameters replaced by the call's
 * (translated) arguments. The copy of the variable named like the macro is the result.
 */
import { error } from '../../core/diagnostics.js';
import { BUDGET_HINT, reserve } from '../../core/budget.js';
import { canonicalName } from '../../core/names.js';
import type { Expr } from '../../expr/ast.js';
import type { MacroDef, VExpr } from './ast.js';
import { buildInstance } from './define.js';
import { varRef } from './resolve.js';
import { where, type Scope } from './scope.js';
import { translateAll } from './translate.js';

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
  const params = new Map(m.params.map((p, i) => [canonicalName(p), args[i]]));
  const rename = new Map<string, string>();
  for (const d of m.definitions) {
    const id = canonicalName(d.name);
    if (!rename.has(id)) rename.set(id, index.freshName(`${sc.variable} ${m.name} ${d.name}`));
  }
  const output = rename.get(canonicalName(m.name));
  if (output === undefined) {
    index.diags.push(error('macro-without-output', `macro ${m.name} defines no variable named ${m.name}`, { file: index.file, ...index.locate(m.pos) }));
    return undefined;
  }
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
