/**
 * The work a model function does, as plain-data tasks: evaluate a batch of parameter vectors,
 * or run one local minimisation from a start. The same `runTask` serves worker threads and the
 * in-process path, so results do not depend on where a task ran.
 */
import type { Diagnostic } from '../../core/diagnostics.js';
import { minimizeInBounds, type Bounds } from '../calibrate/bounded.js';
import type { Minimum, NelderMeadOptions } from '../calibrate/nelder-mead.js';
import type { ModelFunction } from './model-function.js';

export interface EvaluateTask {
  readonly kind: 'evaluate';
  /** Row-major parameter vectors, `k` values each. */
  readonly rows: Float64Array;
  readonly k: number;
}

export interface MinimizeTask {
  readonly kind: 'minimize';
  /** Start in unit-cube coordinates of the bounds. */
  readonly start: readonly number[];
  readonly bounds: readonly Bounds[];
  readonly options: NelderMeadOptions;
}

export type Task = EvaluateTask | MinimizeTask;

export interface RowProblem {
  /** Row index within the task (the pool makes it global). */
  readonly row: number;
  readonly diagnostic: Diagnostic;
}

export interface EvaluateResult {
  readonly kind: 'evaluate';
  readonly values: Float64Array;
  /** Failed runs (at most a few are kept, with the count). */
  readonly problems: RowProblem[];
  readonly failures: number;
}

export interface MinimizeResult {
  readonly kind: 'minimize';
  readonly minimum: Minimum;
  /** Runs that failed during the search, and the first failure. */
  readonly failures: number;
  readonly problem?: Diagnostic;
}

export type TaskResult = EvaluateResult | MinimizeResult;

const KEEP_PROBLEMS = 5;

export function runTask(fn: ModelFunction, task: Task): TaskResult {
  if (task.kind === 'evaluate') {
    const n = task.k ? task.rows.length / task.k : 0;
    const values = new Float64Array(n);
    const problems: RowProblem[] = [];
    let failures = 0;
    for (let r = 0; r < n; r++) {
      const e = fn.evaluate(task.rows.subarray(r * task.k, (r + 1) * task.k));
      values[r] = e.value;
      if (e.problem) {
        failures++;
        if (problems.length < KEEP_PROBLEMS) problems.push({ row: r, diagnostic: e.problem });
      }
    }
    return { kind: 'evaluate', values, problems, failures };
  }
  let failures = 0;
  let problem: Diagnostic | undefined;
  const f = (x: readonly number[]) => {
    const e = fn.evaluate(x);
    if (e.problem) { failures++; problem ??= e.problem; }
    return e.value;
  };
  const minimum = minimizeInBounds(f, task.bounds, task.start, task.options);
  return { kind: 'minimize', minimum, failures, ...(problem ? { problem } : {}) };
}

/** How much progress a task represents (runs for a batch, one unit for a minimisation). */
export function taskWeight(task: Task): number {
  return task.kind === 'evaluate' ? (task.k ? task.rows.length / task.k : 0) : 1;
}
