/**
 * stockflow's library API. The CLI and notebooks use exactly this.
 *
 *   import { loadModel, simulate } from 'stockflow';
 *   const model = loadModel('models/teacup.yaml');
 *   const result = simulate(model, { method: 'rk4', overrides: { 'Room Temperature': 60 } });
 *   result.series('Teacup Temperature');   // Float64Array
 *   result.data;                           // ndarray [time, column]
 */
export * from './core/index.js';
export type * from './model/types.js';
export type { Expr } from './expr/ast.js';
export { parseEquation } from './expr/parse.js';
export { modelFromNative } from './model/native.js';
export { modelSchema } from './model/schema.js';
export { analyseModel, buildModel, type Built, type CompiledModel, type Layout, type OutputColumn } from './compile/index.js';
export { checkUnits } from './compile/units.js';
export { checkModel } from './check.js';
export {
  SimulationResult, simulate, trySimulate, runCompiled, withOverrides, checkSimSpec,
  getIntegrator, integratorNames, MAX_KEPT_VALUES, type SaveSink, type SinkFactory, type SimulateOptions, type Simulation, type Integrator, type OdeSystem, type Stepper,
} from './sim/index.js';
export { loadModel, readModelFile, type LoadResult } from './io/load.js';
export type { ReadOptions } from './io/read-options.js';
export { dataAccess, DEFAULT_MAX_DATA_BYTES, type DataAccess, type DataAccessOptions } from './io/confine.js';
export { openOutput, writeOutput, sameFile, OutputError, type OutputFile, type OutputOptions } from './io/write.js';
export { readNative } from './io/native.js';
export { formatCsv } from './io/csv.js';
export { csvSink, jsonSink, type OutputSink, type TextOut } from './io/result-stream.js';
export { writeNative } from './io/native-write.js';
export { readXmile, writeXmile } from './io/xmile/index.js';
export { readVensim } from './io/vensim/index.js';
export * from './scenarios/index.js';
export * from './plot/index.js';
export { plotlyScript, writeHtml } from './io/html.js';
export * from './analysis/sensitivity/index.js';
export * from './analysis/calibrate/index.js';
export { readDataFile, parseData } from './io/data.js';
export * from './analysis/loops/index.js';
export * from './analysis/leverage/index.js';
