/**
 * Dynamics beside simulation: the model as a dynamical system over its compiled derivative
 * function, its equilibria and their stability, continuation in a constant with folds and
 * Hopf points, and the smallest trigger that tips a stable state.
 */
export { dynamicalSystem, type DynamicalSystem, type SystemOptions } from './system.js';
export { findEquilibria, modelEquilibria, describe, classify, type Equilibrium, type EquilibriumSearch, type SearchOptions } from './equilibria.js';
export { eigenvalues, type Eigenvalue } from './eigen.js';
export { jacobian } from './newton.js';
export type { Range } from './box.js';
export { formatEquilibria, equilibriaJson, num, eigenText, textTable } from './text.js';
export { sweep, type Sweep, type SweepBifurcation, type SweepOptions, type SweepPoint } from './sweep.js';
export { diagramInput, formatSweep, multistableRanges, sweepJson, sweepValues } from './sweep-text.js';
export { applyTrigger, recoveryCurve, restingState, tippingThreshold, triggerAction, type Trigger, type TriggerOutcome, type TippingOptions } from './tipping.js';
export { follow } from './flow.js';
