/**
 * A random draw given parameters it cannot draw from (builtins/random-checks.ts) as a
 * diagnostic naming the function, the parameter, its value, the variable and the time.
 */
import { error, type Diagnostic } from '../core/diagnostics.js';
import type { CompiledModel } from '../compile/compile.js';
import { helperOwner } from '../builtins/program.js';
import { BadDrawArgument } from '../builtins/random-checks.js';

/** The model variable (as written) that node `id` computes, or is a helper of. */
function variableOf(model: CompiledModel, id: string): string {
  const { columns } = model.layout;
  const own = helperOwner(id) ?? id;
  return columns.find((c) => c.id === own)?.name ?? columns.find((c) => c.id === id)?.name ?? own;
}

/** The diagnostic for a bad draw; undefined for other errors. */
export function drawDiagnostic(model: CompiledModel, e: unknown): Diagnostic | undefined {
  if (!(e instanceof BadDrawArgument)) return undefined;
  const id = model.siteOwners?.get(e.site);
  const variable = id === undefined ? undefined : variableOf(model, id);
  return error('bad-argument', `${e.fn} at time ${e.t}: ${e.problem}`, {
    ...(variable !== undefined ? { variable } : {}),
    hint: 'give the distribution parameters it can draw from throughout the run (docs/builtins.md, "Random draws with bad parameters")',
  });
}
