/**
 * Worker-thread entry: prepares the model function from `workerData.spec` (compiling the model
 * in this thread), says `ready`, then answers each `{ id, task }` with `{ kind: 'done', id,
 * result }`. Started by pool.ts; does nothing when imported on the main thread.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { prepareModelFunction, type ModelFunctionSpec } from './model-function.js';
import { runTask, type Task } from './tasks.js';

if (!isMainThread && parentPort) {
  const port = parentPort;
  const prepared = prepareModelFunction((workerData as { spec: ModelFunctionSpec }).spec);
  const fn = prepared.fn;
  if (!fn) port.postMessage({ kind: 'failed', diagnostics: prepared.diagnostics });
  else {
    port.on('message', (m: { id: number; task: Task }) => port.postMessage({ kind: 'done', id: m.id, result: runTask(fn, m.task) }));
    port.postMessage({ kind: 'ready' });
  }
}
