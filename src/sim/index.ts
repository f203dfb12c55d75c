export { SimulationResult } from './result.js';
export { MAX_KEPT_VALUES, checkResultSize, type SaveSink, type SinkFactory } from './sink.js';
export { runCompiled, type RunOptions, type RunOutcome } from './run.js';
export { simulate, trySimulate, checkSimSpec, simSpecWith, withOverrides, type SimulateOptions, type Simulation } from './simulate.js';
export { getIntegrator, integratorNames, integrators } from './integrators/index.js';
export type { Integrator, OdeSystem, Stepper, IntegratorOptions } from './types.js';
