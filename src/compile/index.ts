/**
 * Model → compiled model: lower (parse, resolve, expand builtins), order, compile.
 */
import { type Diagnostic, hasErrors, locate } from '../core/diagnostics.js';
import { lowerModel } from '../builtins/lower.js';
import type { Program } from '../builtins/program.js';
import { orderProgram, type Ordering } from '../graph/order.js';
import type { Model, SimSpec } from '../model/types.js';
import { compileProgram, type CompiledModel } from './compile.js';

export type { CompiledModel } from './compile.js';
export type { Layout, OutputColumn } from './layout.js';

export interface Built {
  readonly program?: Program;
  readonly ordering?: Ordering;
  readonly compiled?: CompiledModel;
  readonly diagnostics: Diagnostic[];
}

/** Lowers and orders a model: everything `check` needs, without generating code. */
export function analyseModel(model: Model, sim: SimSpec = model.sim): Built {
  const lowered = lowerModel(model, sim);
  if (!lowered.program) return { diagnostics: locate(lowered.diagnostics, { file: model.file }) };
  const ordered = orderProgram(lowered.program, model.file);
  const diagnostics = locate([...lowered.diagnostics, ...ordered.diagnostics], { file: model.file });
  return { program: lowered.program, ordering: ordered.ordering, diagnostics };
}

/** Full pipeline to a runnable model, for the given sim spec (defaults to the model's). */
export function buildModel(model: Model, sim: SimSpec = model.sim): Built {
  const analysed = analyseModel(model, sim);
  if (!analysed.program || !analysed.ordering || hasErrors(analysed.diagnostics)) return analysed;
  return { ...analysed, compiled: compileProgram(analysed.program, analysed.ordering, sim) };
}
