/**
 * Interventions on a model: apply a scenario's changes (pure: model, scenario → model) and
 * find scenarios by id. Each scenario carries its Meadows leverage level in the model file.
 */
export { applyScenario, tryApplyScenario, tryApplyChanges, type Applied } from './apply.js';
export { applyScenarioById, findScenario, selectScenarios, selectVariants, type Selected, type Variant } from './find.js';
