/**
 * Every static check of a model in one call: sim spec, names and arities, algebraic loops,
 * circular initialisation, units.
 */
import type { Diagnostic } from './core/diagnostics.js';
import { analyseModel } from './compile/index.js';
import { checkUnits } from './compile/units.js';
import type { Model } from './model/types.js';
import { checkSimSpec } from './sim/simulate.js';

export function checkModel(model: Model): Diagnostic[] {
  const analysed = analyseModel(model);
  const units = analysed.program ? checkUnits(model, analysed.program).map((d) => ({ file: model.file, ...d })) : [];
  return [...checkSimSpec(model.sim, model.file), ...analysed.diagnostics, ...units];
}
