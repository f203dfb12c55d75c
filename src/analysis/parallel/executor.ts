/**
 * One execution layer for ensembles: an executor runs batches of ensemble members (tasks on
 * one model function) and returns one result per task, in task order. Two strategies:
 * worker threads on this machine (the default, pool.ts) and a job queue across machines,
 * which the command line injects (a Redis/BullMQ client is an edge concern, like files, so
 * this layer never imports a network library). Whatever the strategy, each task's result
 * depends only on the task, so the same seed gives the same bytes.
 */
import type { ModelFunctionSpec } from './model-function.js';
import type { Task, TaskResult } from './tasks.js';

export interface ExecuteOptions {
  /** Called as tasks finish, with runs done and runs in total. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface Executor {
  /** A name for reports (e.g. `threads`, `queue`). */
  readonly name: string;
  /**
   * Runs per batch when a caller splits rows into tasks (a queue wants fewer, larger jobs
   * than threads do). Undefined: the pool's own choice.
   */
  readonly batchRuns?: number;
  /** Runs every task; results in the order of `tasks`. Throws ModelError for model problems. */
  run(spec: ModelFunctionSpec, tasks: readonly Task[], o?: ExecuteOptions): Promise<TaskResult[]>;
}
