/**
 * Model runs as a scalar function of a parameter vector, and a deterministic worker-thread
 * pool that spreads batches of such runs (or whole minimisations) over cores.
 */
export { prepareModelFunction, type Evaluation, type FitOutput, type LikelihoodOutput, type MetricOutput, type ModelOutput, type ModelFunction, type ModelFunctionSpec, type Prepared } from './model-function.js';
export { type Executor, type ExecuteOptions } from './executor.js';
export { AUTO_WORKERS_MIN_MS, chooseWorkers, evaluateRows, runTasks, threadExecutor, type PoolOptions, type WorkerCount } from './pool.js';
export { runTask, type EvaluateTask, type MinimizeTask, type RowProblem, type Task, type TaskResult } from './tasks.js';
