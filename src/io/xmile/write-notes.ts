/**
 * What other tools will not see in a written XMILE file: equations that call functions
 * XMILE 1.0 lacks (written in the stockflow namespace, which only stockflow reads) and a
 * sim spec that varies during the run (stockflow attributes that other tools ignore). The
 * file still reads back to the same simulation in stockflow; these are warnings for the
 * person sending it elsewhere.
 */
import { warning, type Diagnostic } from '../../core/diagnostics.js';
import type { Model } from '../../model/types.js';

/** Functions in the stockflow namespace, by the variables whose equations call them. */
export class VendorCalls {
  private readonly byFunction = new Map<string, string[]>();

  /** Records that `variable`'s equation calls `fn` in the stockflow namespace. */
  note(fn: string, variable: string): void {
    const users = this.byFunction.get(fn) ?? [];
    if (!users.includes(variable)) users.push(variable);
    this.byFunction.set(fn, users);
  }

  diagnostics(file?: string): Diagnostic[] {
    return [...this.byFunction].map(([fn, users]) => warning('xmile-vendor-function',
      `${fn}() has no XMILE 1.0 equivalent and is written as stockflow.${fn}(…), which other tools do not read (${users.length} variable${users.length === 1 ? '' : 's'}: ${users.slice(0, 3).join(', ')}${users.length > 3 ? ', …' : ''})`,
      { file, variable: users[0], hint: 'the file still runs in stockflow; for other tools, rewrite these equations with XMILE builtins' }));
  }
}

/** A warning when the sim spec varies during the run, which XMILE cannot say. */
export function varyingSpecNote(model: Model): Diagnostic[] {
  const varying = Object.entries(model.sim.varying ?? {}).filter(([, e]) => e !== undefined).map(([f]) => f);
  return varying.length ? [warning('xmile-varying-sim-spec', `the ${varying.join(', ')} change during the run; XMILE cannot say so, and other tools will run with the values at the start`, {
    file: model.file, field: 'sim.varying', hint: 'stockflow keeps the equations as stockflow:varying_* attributes of <sim_specs>',
  })] : [];
}
