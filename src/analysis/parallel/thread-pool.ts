/**
 * Worker threads that stay up across batches: the main thread and `threads − 1` workers, each
 * worker compiling the model once when it starts. A sampler that evaluates one small batch per
 * generation (calibrate --posterior) keeps one pool for the whole run instead of starting
 * threads for every batch, which cost more than the batch itself. Tasks go to whichever thread
 * is free; each worker holds at most two, and the main thread takes one at a time, yielding
 * between them so that workers that are ready get theirs. Results land in their task's slot,
 * so they do not depend on the number of threads.
 */
import type { Worker } from 'node:worker_threads';
import { ModelError } from '../../core/diagnostics.js';
import type { ModelFunction, ModelFunctionSpec } from './model-function.js';
import { runTask, taskWeight, type Task, type TaskResult } from './tasks.js';
import { startThread } from './thread.js';

export interface PoolRunOptions {
  readonly onProgress?: (done: number, total: number) => void;
  /** Leave every task to the workers, the main thread only dispatching (tests, benchmarks). */
  readonly workerThreadsOnly?: boolean;
}

interface Batch {
  readonly tasks: readonly Task[];
  readonly results: TaskResult[];
  next: number;
  finished: number;
  done: number;
  readonly total: number;
  failure?: unknown;
  readonly o: PoolRunOptions;
}

export class ThreadPool {
  private readonly workers: Worker[] = [];
  private readonly ready = new Set<Worker>();
  private batch?: Batch;
  private broken?: unknown;
  private closing = false;
  private wake?: () => void;

  /** `threads` computing threads in all (the main one included): threads − 1 workers start. */
  constructor(spec: ModelFunctionSpec, threads: number, private readonly local: ModelFunction) {
    for (let i = 0; i < threads - 1; i++) this.start(spec);
  }

  /** Runs every task; results in the order of `tasks`. Throws what a worker reports. */
  async run(tasks: readonly Task[], o: PoolRunOptions = {}): Promise<TaskResult[]> {
    if (this.batch) throw new Error('ThreadPool.run: one batch at a time');
    const b: Batch = { tasks, results: new Array<TaskResult>(tasks.length), next: 0, finished: 0, done: 0, total: tasks.reduce((s, t) => s + taskWeight(t), 0), o };
    this.batch = b;
    try {
      for (const w of this.ready) { this.feed(w); this.feed(w); }
      while (this.failure(b) === undefined && b.finished < tasks.length) {
        if (b.next < tasks.length && !o.workerThreadsOnly) {
          const id = b.next++;
          this.settle(b, id, runTask(this.local, tasks[id]));
          await new Promise((resolve) => setImmediate(resolve)); // let workers' messages in
        } else {
          await new Promise<void>((resolve) => { this.wake = resolve; });
          this.wake = undefined;
        }
      }
    } finally {
      this.batch = undefined;
    }
    const failure = this.failure(b);
    if (failure !== undefined) throw failure;
    return b.results;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private failure(b: Batch): unknown {
    return b.failure ?? this.broken;
  }

  private start(spec: ModelFunctionSpec): void {
    const w = startThread(import.meta.url, 'worker', { spec });
    const inFlight = new Set<number>();
    this.workers.push(w);
    w.on('message', (m: { kind: string; id: number; result: TaskResult; diagnostics: never }) => {
      if (m.kind === 'ready') { this.ready.add(w); this.feed(w, inFlight); this.feed(w, inFlight); } else if (m.kind === 'failed') this.fail(new ModelError(m.diagnostics));
      else if (m.kind === 'done' && this.batch) { inFlight.delete(m.id); this.settle(this.batch, m.id, m.result); this.feed(w, inFlight); }
    });
    w.on('error', (e) => this.fail(e));
    w.on('exit', (code) => { if (!this.closing) this.fail(new Error(`a worker thread stopped early (exit code ${code})`)); });
    this.inFlight.set(w, inFlight);
  }

  private readonly inFlight = new Map<Worker, Set<number>>();

  private feed(w: Worker, held = this.inFlight.get(w)!): void {
    const b = this.batch;
    if (!b || b.next >= b.tasks.length || this.failure(b) !== undefined || held.size >= 2) return;
    const id = b.next++;
    held.add(id);
    w.postMessage({ id, task: b.tasks[id] });
  }

  private settle(b: Batch, id: number, r: TaskResult): void {
    b.results[id] = r;
    b.done += taskWeight(b.tasks[id]);
    b.finished++;
    b.o.onProgress?.(b.done, b.total);
    this.wake?.();
  }

  private fail(e: unknown): void {
    this.broken ??= e;
    this.wake?.();
  }
}
