/**
 * The job processor that `stockflow worker` runs in BullMQ's sandbox (one worker thread per
 * unit of concurrency, so the worker's main thread keeps renewing job locks while a batch
 * computes). A job is untrusted input: readJob re-reads the model through the model reader
 * and checks every field; a model problem comes back as diagnostics (the same on every
 * machine, so not retried), anything else fails the job and BullMQ retries it.
 * The prepared model function is kept per spec (by its hash), so a study compiles once per thread.
 */
import { hostname } from 'node:os';
import { prepareModelFunction, type ModelFunction } from '../../analysis/parallel/model-function.js';
import { runTask } from '../../analysis/parallel/tasks.js';
import { runUnit } from '../../analysis/leverage/paired-unit.js';
import { ModelError } from '../../core/diagnostics.js';
import { checkSize, encode, MAX_RESULT_BYTES } from './codec.js';
import { readJob } from './study.js';

/** What a job returns (as codec text). */
export type JobReply = { ok: true; worker: string; result: ReturnType<typeof runTask> | Record<string, number>[] } | { ok: false; worker: string; diagnostics: unknown[] };

const WORKER = `${hostname()}:${process.pid}`;
const KEEP = 4;
const prepared = new Map<string, ModelFunction | { diagnostics: unknown[] }>();

export default async function processJob(job: { data: unknown }): Promise<string> {
  const read = readJob(job.data);
  if (!read.ok) return encode({ ok: false, worker: WORKER, diagnostics: read.diagnostics } satisfies JobReply);
  if (read.kind === 'unit') {
    try {
      return checked(encode({ ok: true, worker: WORKER, result: runUnit(read.unit, read.job) } satisfies JobReply), read.batch);
    } catch (e) {
      if (e instanceof ModelError) return encode({ ok: false, worker: WORKER, diagnostics: [...e.diagnostics] } satisfies JobReply);
      throw e;
    }
  }
  let fn = prepared.get(read.key);
  if (!fn) {
    const p = prepareModelFunction(read.spec);
    fn = p.fn ?? { diagnostics: p.diagnostics };
    if (prepared.size >= KEEP) prepared.delete(prepared.keys().next().value!);
    prepared.set(read.key, fn);
  }
  if ('diagnostics' in fn) return encode({ ok: false, worker: WORKER, diagnostics: fn.diagnostics } satisfies JobReply);
  return checked(encode({ ok: true, worker: WORKER, result: runTask(fn, read.task) } satisfies JobReply), read.batch);
}

function checked(text: string, batch: number): string {
  checkSize(text, MAX_RESULT_BYTES, `the result of batch ${batch}`);
  return text;
}
