/**
 * Every check of a model in one call: sim spec, names and arities, algebraic loops, circular
 * initialisation, units, the scenarios (each applied and checked like the model, unknown
 * names located at their change), composite metrics that count one loss twice, a time step
 * too large for the fastest time constant and, when the model declares a trigger, scenarios
 * that set the run in motion before it (these two run the model).
 */
import type { Diagnostic } from './core/diagnostics.js';
import { analyseModel } from './compile/index.js';
import { checkUnits } from './compile/units.js';
import type { Model, Variable } from './model/types.js';
import { canonicalName } from './core/names.js';
import { tryApplyScenario } from './scenarios/apply.js';
import { checkSimSpec } from './sim/simulate.js';
import { checkTimeStep } from './sim/time-step.js';
import { checkComposites } from './analysis/composite.js';
import { triggerWarnings } from './analysis/trigger.js';

export interface CheckOptions {
  /** Also run the model (time step, trigger); default true. */
  readonly run?: boolean;
}

export function checkModel(model: Model, o: CheckOptions = {}): Diagnostic[] {
  const own = staticChecks(model);
  const scenarios = checkScenarios(model, own);
  const clean = !own.concat(scenarios).some((d) => d.severity === 'error');
  const dynamic = clean && o.run !== false ? [...checkTimeStep(model), ...triggerWarnings(model)] : [];
  return [...own, ...scenarios, ...checkComposites(model), ...dynamic];
}

function staticChecks(model: Model): Diagnostic[] {
  const analysed = analyseModel(model);
  const units = analysed.program ? checkUnits(model, analysed.program).map((d) => ({ file: model.file, ...d })) : [];
  return [...checkSimSpec(model.sim, model.file), ...analysed.diagnostics, ...units, ...(analysed.program ? [] : loopsBeyond(model, analysed.diagnostics))];
}

/**
 * When equations fail to parse or name unknown variables, the model cannot be ordered; the
 * loops among the other variables are independent errors, found by ordering the model again
 * with each broken variable made a neutral 0 (which breaks no loop it is not part of).
 */
function loopsBeyond(model: Model, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const broken = new Set(diagnostics.filter((d) => d.severity === 'error' && d.variable).map((d) => canonicalName(d.variable!)));
  if (!broken.size) return [];
  const variables = model.variables.map((v): Variable => {
    if (!broken.has(v.id)) return v;
    if (v.kind === 'stock') return { ...v, initial: '0' };
    return v.kind === 'flow' || v.kind === 'aux' ? { ...v, equation: '0', gf: undefined } : v;
  });
  const again = analyseModel({ ...model, variables });
  return again.diagnostics.filter((d) => d.code === 'algebraic-loop' || d.code === 'circular-initialisation');
}

/** Each scenario applied; the problems it brings that the model alone does not have, named by scenario. */
function checkScenarios(model: Model, own: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.code}|${d.variable ?? ''}|${d.message}`;
  const known = new Set(own.map(key));
  const out: Diagnostic[] = [];
  for (const s of model.scenarios ?? []) {
    const applied = tryApplyScenario(model, s);
    out.push(...applied.diagnostics);
    if (!applied.model) continue;
    const fresh = analyseModel(applied.model).diagnostics.filter((d) => d.severity === 'error' && !known.has(key(d)));
    out.push(...fresh.map((d) => ({ ...d, message: `scenario '${s.id}': ${d.message}` })));
  }
  return out;
}
