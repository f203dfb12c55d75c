/**
 * Run-time problems of conveyor belts (builtins/conveyor.ts) as diagnostics naming the
 * conveyor: its belt belongs to the stock whose outflow and leakage flows read it.
 */
import { error, type Diagnostic } from '../core/diagnostics.js';
import type { CompiledModel } from '../compile/compile.js';
import { helperOwner } from '../builtins/program.js';
import { ConveyorTooLong, ConveyorTransit, MAX_SLATS } from '../builtins/conveyor.js';

/** The model variable a helper slot was expanded from (for a conveyor's belt, its stock). */
export function ownerName(model: CompiledModel, slot: number): string {
  const { columns, names } = model.layout;
  const id = helperOwner(columns.find((c) => c.slot === slot)?.id ?? '');
  return columns.find((c) => c.id === id)?.name ?? names[slot];
}

/** The diagnostic for a conveyor error thrown while initialising (t undefined) or at time t; undefined for other errors. */
export function conveyorDiagnostic(model: CompiledModel, e: unknown, t?: number): Diagnostic | undefined {
  if (e instanceof ConveyorTooLong) {
    const variable = ownerName(model, e.slot);
    return error('bad-delay', `conveyor '${variable}': its initial transit time ${e.len} is ${e.slats} time steps, too many to lay its initial contents on`, {
      variable, hint: `give it a transit time of at most ${MAX_SLATS} time steps, or start it empty`,
    });
  }
  if (e instanceof ConveyorTransit) {
    const variable = ownerName(model, e.slot);
    const when = t === undefined ? 'at the start' : `for the batch entering at time ${t}`;
    return error('bad-transit-time', `conveyor '${variable}': its transit time is ${e.len} ${when}; a batch needs a positive transit time`, {
      variable, hint: "make the transit time (XMILE's <len>, conveyor()'s third argument) positive throughout the run; a transit time shorter than DT is one DT",
    });
  }
  return undefined;
}
