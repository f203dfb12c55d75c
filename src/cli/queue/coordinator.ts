/**
 * The queue strategy of the ensemble executor (analysis/parallel/executor.ts): each task
 * (a batch of runs of one model function, or one model of a paired ensemble over all its
 * draws) becomes one BullMQ job `<study>-<index>`, workers anywhere compute them, and results land
 * in their task's slot, so the merged result is the same bytes whatever the workers and the
 * order they finish in. With `resume`, results already stored for the same study (same
 * model, design and seed) are taken as they are; without it they are cleared first. The
 * study's jobs are removed once every result is in.
 * Every wait is bounded: a lost Redis, or no worker taking a job for `idleMs`, is an error.
 */
import { Job, Queue } from 'bullmq';
import { ModelError, type Diagnostic } from '../../core/diagnostics.js';
import type { ExecuteOptions, Executor } from '../../analysis/parallel/executor.js';
import type { TaskResult } from '../../analysis/parallel/tasks.js';
import { checkSize, decode, MAX_RESULT_BYTES } from './codec.js';
import { clientOptions, connectChecked, GIVE_UP_MS, QUEUE_NAME, QUEUE_PREFIX, queueFailure, withTimeout } from './connection.js';
import type { JobReply } from './processor.js';
import { taskStudy, unitStudy, type Study } from './study.js';
import { QueueTally } from './tally.js';
import type { QueueTarget } from './url.js';

export interface QueueExecutorOptions {
  readonly resume?: boolean;
  /** Runs per job; default: batchRuns(n) below. */
  readonly batchRuns?: number;
  /** Fail when no job finishes for this long and no worker is connected, ms. */
  readonly idleMs?: number;
  /** Time between looks at the jobs' states, ms. */
  readonly pollMs?: number;
}

/**
 * Runs per job by default: at most 256 (bench/queue.ts measured the per-job overhead at about
 * 16 Kinesis runs, so 256 keeps it near 5%), at least 16, and a small study still makes 32
 * jobs so that several workers share it.
 */
export function batchRuns(runs: number): number {
  return Math.min(256, Math.max(16, Math.ceil(runs / 32)));
}
const ATTEMPTS = 3;

export interface QueueExecutor extends Executor {
  /** Checks that Redis answers (and the credentials), before any work starts. */
  connect(): Promise<void>;
  /** Per study run so far: runs, runs/s, each worker's share, retries and reused results. */
  summary(): string | undefined;
  close(): Promise<void>;
}

export function queueExecutor(target: QueueTarget, o: QueueExecutorOptions = {}): QueueExecutor {
  let queue: Queue | undefined;
  const tallies: QueueTally[] = [];
  const open = async () => {
    if (queue) return queue;
    (await connectChecked(target)).disconnect();
    queue = new Queue(QUEUE_NAME, { connection: clientOptions(target), prefix: QUEUE_PREFIX });
    queue.on('error', () => undefined); // calls below fail or time out, and say so
    return queue;
  };
  const runJobs = async (study: Study, e: ExecuteOptions = {}) => {
    const q = await open();
    const tally = new QueueTally(study.weights, study.unit);
    tallies.push(tally);
    try {
      return await runStudy(q, study, tally, o, e);
    } catch (err) {
      if (err instanceof ModelError) throw err;
      throw queueFailure(target, err, 'the queue at');
    }
  };
  return {
    name: 'queue',
    batchSize: (runs) => o.batchRuns ?? batchRuns(runs),
    run: (spec, tasks, e) => runJobs(taskStudy(spec, tasks), e) as Promise<TaskResult[]>,
    runUnits: (job, units, e) => runJobs(unitStudy(job, units), e) as Promise<Record<string, number>[][]>,
    connect: async () => { await open(); },
    summary: () => (tallies.length ? tallies.map((t) => t.summary()).join('\n') : undefined),
    async close() {
      if (!queue) return;
      await withTimeout(queue.close(), 3000, 'close').catch(() => queue!.disconnect());
      queue = undefined;
    },
  };
}

async function runStudy(q: Queue, study: Study, tally: QueueTally, o: QueueExecutorOptions, e: ExecuteOptions): Promise<unknown[]> {
  const ids = study.texts.map((_, i) => `${study.id}-${i}`);
  const results = new Array<unknown>(ids.length);
  const call = <T>(p: Promise<T>) => withTimeout(p, GIVE_UP_MS, `Redis did not answer for ${GIVE_UP_MS / 1000} s`);
  const existing = await call(Promise.all(ids.map((id) => Job.fromId(q, id))));
  const toAdd: number[] = [];
  await call(Promise.all(existing.map(async (job, i) => {
    const state = job && await job.getState();
    if (o.resume && job && state === 'completed') take(i, job, true);
    else if (o.resume && job && state !== 'failed') return; // waiting or running: wait for it
    else {
      if (job && (await q.remove(ids[i])) === 0) return; // locked by a running worker: wait for it
      toAdd.push(i);
    }
  })));
  await call(q.addBulk(toAdd.map((i) => ({ name: 'batch', data: study.texts[i], opts: { jobId: ids[i], attempts: ATTEMPTS, backoff: { type: 'fixed', delay: 500 }, removeOnComplete: false, removeOnFail: false } }))));
  e.onProgress?.(tally.done, tally.total);
  function take(i: number, job: Job, reused = false) {
    const reply = readReply(job.returnvalue, i);
    if (!reply.ok) throw new ModelError(reply.diagnostics as Diagnostic[]);
    if (!study.fits(reply.result, i)) throw new Error(`batch ${i} came back with a result of the wrong shape`);
    results[i] = reply.result;
    tally.settle(i, reply.worker, job.attemptsStarted ?? 1, reused);
  }
  let lastProgress = Date.now();
  while (tally.pending > 0) {
    await new Promise((resolve) => setTimeout(resolve, o.pollMs ?? 200));
    const pending = ids.flatMap((id, i) => (results[i] === undefined ? [i] : []));
    const states = await call(Promise.all(pending.map((i) => q.getJobState(ids[i]))));
    for (const [n, state] of states.entries()) {
      const i = pending[n];
      if (state !== 'completed' && state !== 'failed') continue;
      const job = await call(Job.fromId(q, ids[i]));
      if (!job) continue;
      if (state === 'failed') throw new Error(`batch ${i} failed on the workers ${job.attemptsMade} time(s): ${job.failedReason}`);
      take(i, job);
      lastProgress = Date.now();
      e.onProgress?.(tally.done, tally.total);
    }
    if (Date.now() - lastProgress > (o.idleMs ?? 60_000) && (await call(q.getWorkersCount().catch(() => 1))) === 0) {
      throw new Error(`no worker has finished a job for ${Math.round((o.idleMs ?? 60_000) / 1000)} s and none is connected; start one with \`stockflow worker --queue URL\``);
    }
  }
  await call(Promise.all(ids.map((id) => q.remove(id)))); // stored results are only for resuming an unfinished study
  return results;
}

function readReply(value: unknown, batch: number): JobReply {
  if (typeof value !== 'string') throw new Error(`batch ${batch} came back without a result`);
  checkSize(value, MAX_RESULT_BYTES, `the result of batch ${batch}`);
  const reply = decode(value) as JobReply;
  if (!reply || typeof reply !== 'object' || typeof reply.worker !== 'string') throw new Error(`batch ${batch} came back malformed`);
  return reply;
}
