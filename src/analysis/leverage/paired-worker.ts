/**
 * Worker-thread entry of the paired ensemble (paired-runs.ts): receives the design once in
 * `workerData`, then one model at a time (`{ id, unit }`), runs it over every draw with
 * runDraws and answers `{ kind: 'done', id, runs }` (one metrics record per draw), or
 * `{ kind: 'failed', id, diagnostics | message }`. Does nothing when imported on the main thread.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ModelError } from '../../core/diagnostics.js';
import { runUnit, type PairedJob, type PairedUnit } from './paired-unit.js';

if (!isMainThread && parentPort && (workerData as { kind?: string } | undefined)?.kind === 'leverage-paired-runs') {
  const port = parentPort;
  const job = (workerData as { job: PairedJob }).job;
  port.on('message', (m: { id: number; unit: PairedUnit }) => {
    try {
      port.postMessage({ kind: 'done', id: m.id, runs: runUnit(m.unit, job) });
    } catch (e) {
      if (e instanceof ModelError) port.postMessage({ kind: 'failed', id: m.id, diagnostics: e.diagnostics });
      else port.postMessage({ kind: 'failed', id: m.id, message: e instanceof Error ? e.message : String(e) });
    }
  });
  port.postMessage({ kind: 'ready' });
}
