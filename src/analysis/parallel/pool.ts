/**
 * Spreads tasks over threads: the main thread and `workers − 1` worker threads. Each worker
 * receives the model function's spec as plain data and compiles the model itself; tasks go to
 * whichever thread is free, and every result lands in the slot of its task, so the output is
 * the same whatever the number of threads (each run depends only on its own parameter vector,
 * and every thread runs the same code). With one thread, or one task, no worker starts.
 *
 * Worker entry: `worker.js` beside this file (or `worker.ts` under tsx; see thread.ts).
 */
import { availableParallelism } from 'node:os';
import { ModelError } from '../../core/diagnostics.js';
import { prepareModelFunction, type ModelFunction, type ModelFunctionSpec } from './model-function.js';
import { runTask, taskWeight, type EvaluateResult, type RowProblem, type Task, type TaskResult } from './tasks.js';
import { ThreadPool } from './thread-pool.js';
import type { Executor } from './executor.js';

/** A number of worker threads, or 'auto': one per core when the work is worth it. */
export type WorkerCount = number | 'auto';

/**
 * Starting a worker loads the library and compiles the model (about a second, more on a busy
 * machine); 'auto' uses workers only when the work is estimated to take longer than this.
 */
export const AUTO_WORKERS_MIN_MS = 3000;

/** The number of workers for an estimated amount of work (milliseconds on one thread). */
export function chooseWorkers(requested: WorkerCount | undefined, estimatedMs: number): number {
  if (requested === undefined) return 1;
  if (requested !== 'auto') return Math.max(1, Math.floor(requested));
  return estimatedMs > AUTO_WORKERS_MIN_MS ? availableParallelism() : 1;
}

export interface PoolOptions {
  /**
   * Threads that compute, the main thread included (default 1: in-process only; 2 = the main
   * thread and one worker). 'auto' is resolved from the caller's estimate of the work.
   */
  readonly workers?: WorkerCount;
  /** Called after each task with runs done and runs in total. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Run every task on worker threads (`workers` of them), the main thread only dispatching:
   * for tests and benchmarks of the worker path. Results are the same either way.
   */
  readonly workerThreadsOnly?: boolean;
  /** An already prepared function for the in-process path (saves compiling twice). */
  readonly local?: ModelFunction;
  /**
   * Where tasks run instead of this machine's threads (e.g. a job queue across machines);
   * `workers` and `workerThreadsOnly` then do not apply. Results are the same either way.
   */
  readonly executor?: Executor;
  /** Threads kept up across calls (thread-pool.ts): used instead of starting threads for this batch. */
  readonly pool?: ThreadPool;
}

/** The default strategy: worker threads on this machine, as runTasks does without an executor. */
export function threadExecutor(o: Omit<PoolOptions, 'executor' | 'onProgress'> = {}): Executor {
  return { name: 'threads', run: (spec, tasks, e) => runTasks(spec, tasks, { ...o, onProgress: e?.onProgress }) };
}

export async function runTasks(spec: ModelFunctionSpec, tasks: readonly Task[], o: PoolOptions = {}): Promise<TaskResult[]> {
  if (o.executor) return o.executor.run(spec, tasks, { onProgress: o.onProgress });
  if (o.pool) return o.pool.run(tasks, { onProgress: o.onProgress, workerThreadsOnly: o.workerThreadsOnly });
  const requested = o.workers === 'auto' ? 1 : o.workers ?? 1;
  const workers = Math.max(1, Math.min(Math.floor(requested), tasks.length));
  const total = tasks.reduce((s, t) => s + taskWeight(t), 0);
  if (o.workerThreadsOnly && tasks.length) return runInWorkers(spec, tasks, workers + 1, o);
  if (workers <= 1) return runLocal(spec, tasks, total, o);
  return runInWorkers(spec, tasks, workers, o);
}

/**
 * Batches of parameter vectors → one value per vector, in order. With workers 'auto', the
 * first runs are timed in-process (at least 16, or 100 ms) and the rest go to one worker per
 * core only if they would take longer than AUTO_WORKERS_MIN_MS; the values do not depend on it.
 */
export async function evaluateRows(spec: ModelFunctionSpec, rows: readonly (readonly number[])[], o: PoolOptions = {}): Promise<{ values: Float64Array; problems: RowProblem[]; failures: number }> {
  if (o.workers !== 'auto' || o.executor) return evaluateChunks(spec, rows, 0, o, rows.length);
  const fn = o.local ?? prepareOrThrow(spec);
  const values = new Float64Array(rows.length);
  const problems: RowProblem[] = [];
  let failures = 0;
  const started = performance.now();
  let probed = 0;
  while (probed < rows.length && (probed < 16 || performance.now() - started < 100)) {
    const e = fn.evaluate(rows[probed]);
    values[probed] = e.value;
    if (e.problem) { failures++; if (problems.length < 5) problems.push({ row: probed, diagnostic: e.problem }); }
    probed++;
  }
  o.onProgress?.(probed, rows.length);
  const perRun = (performance.now() - started) / Math.max(1, probed);
  const workers = chooseWorkers('auto', perRun * (rows.length - probed));
  const onProgress = o.onProgress && ((done: number) => o.onProgress!(probed + done, rows.length));
  const rest = await evaluateChunks(spec, rows.slice(probed), probed, { ...o, local: fn, workers, onProgress }, rows.length);
  values.set(rest.values.subarray(probed), probed);
  return { values, problems: [...problems, ...rest.problems], failures: failures + rest.failures };
}

/** rows (starting at global index `offset`) in chunks over o.workers; values sized `total`. */
async function evaluateChunks(spec: ModelFunctionSpec, rows: readonly (readonly number[])[], offset: number, o: PoolOptions, total: number) {
  const k = spec.params.length;
  const size = o.executor?.batchSize?.(rows.length) ?? chunkSize(rows.length, typeof o.workers === 'number' ? o.workers : 1);
  const tasks: Task[] = [];
  for (let from = 0; from < rows.length; from += size) {
    const chunk = rows.slice(from, from + size);
    const flat = new Float64Array(chunk.length * k);
    chunk.forEach((r, i) => flat.set(r, i * k));
    tasks.push({ kind: 'evaluate', rows: flat, k });
  }
  const results = (await runTasks(spec, tasks, o)) as EvaluateResult[];
  const values = new Float64Array(total);
  const problems: RowProblem[] = [];
  let failures = 0;
  results.forEach((r, t) => {
    values.set(r.values, offset + t * size);
    failures += r.failures;
    for (const p of r.problems) problems.push({ row: offset + t * size + p.row, diagnostic: p.diagnostic });
  });
  return { values, problems, failures };
}

export function prepareOrThrow(spec: ModelFunctionSpec): ModelFunction {
  const prepared = prepareModelFunction(spec);
  if (!prepared.fn) throw new ModelError(prepared.diagnostics);
  return prepared.fn;
}

/** About eight tasks per worker (load balance), at most 256 runs per message. */
function chunkSize(n: number, workers: number): number {
  return Math.max(1, Math.min(256, Math.ceil(n / (Math.max(1, workers) * 8))));
}

async function runLocal(spec: ModelFunctionSpec, tasks: readonly Task[], total: number, o: PoolOptions): Promise<TaskResult[]> {
  const fn = o.local ?? prepareOrThrow(spec);
  const out: TaskResult[] = [];
  let done = 0;
  for (const t of tasks) {
    out.push(runTask(fn, t));
    done += taskWeight(t);
    if (o.onProgress) {
      o.onProgress(done, total);
      await new Promise((resolve) => setImmediate(resolve)); // let a progress bar draw
    }
  }
  return out;
}

/** The main thread and n − 1 worker threads for one batch (thread-pool.ts), closed after it. */
async function runInWorkers(spec: ModelFunctionSpec, tasks: readonly Task[], n: number, o: PoolOptions): Promise<TaskResult[]> {
  const pool = new ThreadPool(spec, n, o.local ?? prepareOrThrow(spec));
  try {
    return await pool.run(tasks, { onProgress: o.onProgress, workerThreadsOnly: o.workerThreadsOnly });
  } finally {
    await pool.close();
  }
}
