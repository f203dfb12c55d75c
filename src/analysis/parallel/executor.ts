/**
 * One execution layer for ensembles: an executor runs batches of ensemble members (tasks on
 * one model function, or the models of a paired ensemble) and returns one result per batch,
 * in order. Two strategies:
 * worker threads on this machine (the default, pool.ts) and a job queue across machines,
 * which the command line injects (a Redis/BullMQ client is an edge concern, like files, so
 * this layer never imports a network library). Whatever the strategy, each task's result
 * depends only on the task, so the same seed gives the same bytes.
 */
import type { ModelFunctionSpec } from './model-function.js';
import type { Task, TaskResult } from './tasks.js';
import type { PairedJob, PairedUnit } from '../leverage/paired-unit.js';

export interface ExecuteOptions {
  /** Called as tasks finish, with runs done and runs in total. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface Executor {
  /** A name for reports (e.g. `threads`, `queue`). */
  readonly name: string;
  /**
   * Runs per batch when a caller splits `runs` rows into tasks (a queue wants fewer, larger
   * jobs than threads do). Absent: the pool's own choice.
   */
  batchSize?(runs: number): number;
  /** Runs every task; results in the order of `tasks`. Throws ModelError for model problems. */
  run(spec: ModelFunctionSpec, tasks: readonly Task[], o?: ExecuteOptions): Promise<TaskResult[]>;
  /**
   * Paired ensembles (compare --uncertainty, rank): each unit is one model run over every
   * draw of the shared design; per unit, one metrics record per draw. Progress counts units.
   * Absent: the caller uses this machine's threads (leverage/paired-runs.ts).
   */
  runUnits?(job: PairedJob, units: readonly PairedUnit[], o?: ExecuteOptions): Promise<Record<string, number>[][]>;
}
