/**
 * The paired ensemble on every core: the baseline and each intervention's model are units
 * of work, each run over the same Latin-hypercube draws (common random numbers). The main
 * thread and `workers − 1` worker threads take units from one queue; each result lands in
 * its unit's slot, and a unit's runs depend only on its model and the draws, so the numbers
 * are the same byte for byte whatever the number of threads.
 * The worker entry is paired-worker.ts (started through parallel/thread.ts).
 */
import type { Worker } from 'node:worker_threads';
import { ModelError, type Diagnostic } from '../../core/diagnostics.js';
import { startThread } from '../parallel/thread.js';
import { runUnit, type PairedJob, type PairedUnit } from './paired-unit.js';

export interface PairedRunOptions {
  /** Threads that compute, the main one included (1: in-process only). */
  readonly workers: number;
  /** Called after each unit with units done and units in total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Run every unit on `workers` worker threads, the main thread only dispatching (tests of the worker path). */
  readonly threadsOnly?: boolean;
}

type Reply = { kind: 'ready' } | { kind: 'done'; id: number; runs: Record<string, number>[] }
  | { kind: 'failed'; id: number; diagnostics?: Diagnostic[]; message?: string };

/** Per unit, one metrics record per draw. Throws ModelError when a run fails. */
export async function runPaired(units: readonly PairedUnit[], job: PairedJob, o: PairedRunOptions): Promise<Record<string, number>[][]> {
  const results = new Array<Record<string, number>[]>(units.length);
  const threads = Math.max(1, Math.min(Math.floor(o.workers), units.length)) + (o.threadsOnly ? 1 : 0);
  let next = 0;
  let finished = 0;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const settle = (id: number, runs: Record<string, number>[]) => {
    results[id] = runs;
    finished++;
    o.onProgress?.(finished, units.length);
    wake?.();
  };
  const fail = (e: unknown) => { failure ??= e; wake?.(); };
  const pool: Worker[] = [];
  const feed = (w: Worker) => {
    if (next < units.length && failure === undefined) { const id = next++; w.postMessage({ id, unit: units[id] }); }
  };
  try {
    for (let i = 1; i < threads; i++) {
      const w = startWorker(job);
      pool.push(w);
      w.on('message', (m: Reply) => {
        if (m.kind === 'ready') { feed(w); feed(w); } // one running, one queued: no wait on a busy main thread
        else if (m.kind === 'done') { settle(m.id, m.runs); feed(w); } else fail(m.diagnostics ? new ModelError(m.diagnostics) : new Error(m.message));
      });
      w.on('error', fail);
      w.on('exit', (code) => { if (finished < units.length) fail(new Error(`a worker thread stopped early (exit code ${code})`)); });
    }
    while (failure === undefined && finished < units.length) {
      if (next < units.length && !o.threadsOnly) {
        const id = next++;
        settle(id, runUnit(units[id], job));
        await new Promise((resolve) => setImmediate(resolve)); // let workers' messages in
      } else {
        await new Promise<void>((resolve) => { wake = resolve; });
        wake = undefined;
      }
    }
  } catch (e) {
    fail(e);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  if (failure !== undefined) throw failure;
  return results;
}

function startWorker(job: PairedJob): Worker {
  return startThread(import.meta.url, 'paired-worker', { kind: 'leverage-paired-runs', job });
}
