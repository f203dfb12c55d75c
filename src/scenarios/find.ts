/**
 * Scenarios by id: what `stockflow run --scenario ID` and `stockflow compare --scenarios`
 * resolve. Unknown ids are diagnostics with a did-you-mean, like unknown variables.
 */
import { error, ModelError, type Diagnostic } from '../core/diagnostics.js';
import { didYouMean } from '../core/names.js';
import type { Model, Scenario } from '../model/types.js';
import { applyScenario, tryApplyScenario } from './apply.js';

/** A scenario and the model it produces. */
export interface Variant {
  readonly scenario: Scenario;
  readonly model: Model;
}

export interface Selected {
  readonly scenarios: Scenario[];
  readonly diagnostics: Diagnostic[];
}

/** The scenarios named by `ids` (in that order), or every scenario of the model for 'all'. */
export function selectScenarios(model: Model, ids: readonly string[] | 'all'): Selected {
  const all = model.scenarios ?? [];
  if (ids === 'all') return { scenarios: [...all], diagnostics: [] };
  const byId = new Map(all.map((s) => [s.id, s]));
  const scenarios: Scenario[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const id of ids) {
    const s = byId.get(id);
    if (s) scenarios.push(s);
    else diagnostics.push(unknownScenario(model, id));
  }
  return { scenarios, diagnostics };
}

/** One scenario by id; throws ModelError when the model has no such scenario. */
export function findScenario(model: Model, id: string): Scenario {
  const s = (model.scenarios ?? []).find((x) => x.id === id);
  if (!s) throw new ModelError([unknownScenario(model, id)]);
  return s;
}

/** The model with scenario `id` applied (for `stockflow run --scenario ID`). Throws ModelError. */
export function applyScenarioById(model: Model, id: string): Model {
  return applyScenario(model, findScenario(model, id));
}

function unknownScenario(model: Model, id: string): Diagnostic {
  const ids = (model.scenarios ?? []).map((s) => s.id);
  const guess = didYouMean(id, ids);
  const hint = guess ? `did you mean '${guess}'?` : ids.length ? `the model's scenarios: ${ids.join(', ')}` : 'this model defines no scenarios';
  return error('unknown-scenario', `no scenario '${id}' in the model`, { file: model.file, field: 'scenarios', hint });
}

/** The scenarios named by `ids` (or all), each applied to the model; every problem as a diagnostic. */
export function selectVariants(model: Model, ids: readonly string[] | 'all'): { variants: Variant[]; diagnostics: Diagnostic[] } {
  const picked = selectScenarios(model, ids);
  const diagnostics = [...picked.diagnostics];
  const variants: Variant[] = [];
  for (const scenario of picked.scenarios) {
    const applied = tryApplyScenario(model, scenario);
    if (applied.model) variants.push({ scenario, model: applied.model });
    diagnostics.push(...applied.diagnostics);
  }
  return { variants, diagnostics };
}
