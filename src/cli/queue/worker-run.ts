/**
 * `stockflow worker`: a BullMQ worker on the ensembles queue. Batches compute in BullMQ's
 * sandbox (worker threads, `concurrency` of them) while this thread keeps the job locks
 * alive. A worker that dies (SIGKILL, power) stops renewing its locks; after `lockMs` another
 * worker's stalled-job check puts its job back in the queue, so no batch is lost, and a
 * batch's result depends only on the batch, so running it twice changes nothing.
 * SIGTERM/SIGINT: stop taking jobs, finish the ones running (or, past `drainMs`, release
 * them to other workers), exit 0. Health lines go to stderr.
 */
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { clientOptions, connectChecked, GIVE_UP_MS, QUEUE_NAME, QUEUE_PREFIX, withTimeout } from './connection.js';
import { redact, type QueueTarget } from './url.js';

export interface WorkerOptions {
  readonly concurrency: number;
  /** Job lock and stalled-check interval (BullMQ lockDuration/stalledInterval), ms. */
  readonly lockMs: number;
  /** Health line every this many ms. */
  readonly healthMs?: number;
  /** How long SIGTERM waits for running jobs before releasing them, ms. */
  readonly drainMs?: number;
}

/** Resolves with the exit code when the worker stops. */
export async function runWorker(target: QueueTarget, o: WorkerOptions, log: (line: string) => void): Promise<number> {
  (await connectChecked(target)).disconnect(); // a wrong password or no server: a clear error now
  const health = new Redis(clientOptions(target, Infinity));
  health.on('error', () => undefined); // the beat below reports a lost connection
  const id = `${hostname()}:${process.pid}`;
  const say = (text: string) => log(`stockflow worker ${id}: ${redact(text, target.secrets)}`);
  const processor = fileURLToPath(new URL(`./processor.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url));
  const worker = new Worker(QUEUE_NAME, processor, {
    connection: clientOptions(target), prefix: QUEUE_PREFIX, concurrency: o.concurrency, useWorkerThreads: true,
    lockDuration: o.lockMs, stalledInterval: o.lockMs, maxStalledCount: 5, name: id, drainDelay: 1,
  });
  let done = 0;
  let failed = 0;
  let lastError = '';
  worker.on('completed', () => { done++; });
  worker.on('failed', (job, e) => { failed++; say(`job ${job?.id ?? '?'} failed: ${e.message}`); });
  worker.on('error', (e) => { if (e.message !== lastError) say(`Redis: ${e.message}`); lastError = e.message; });
  say(`ready on ${target.shown}, queue ${QUEUE_NAME}, ${o.concurrency} thread(s), lock ${o.lockMs / 1000} s`);
  return new Promise<number>((resolve) => {
    let lostSince: number | undefined;
    let stopping = false;
    const stop = async (code: number, why: string) => {
      if (stopping) return;
      stopping = true;
      clearInterval(beat);
      say(why);
      try {
        await withTimeout(worker.close(), o.drainMs ?? 60_000, 'drain timeout');
      } catch {
        say('running jobs did not finish in time; releasing them to other workers');
        await worker.close(true).catch(() => undefined);
      }
      health.disconnect();
      say(`stopped after ${done} job(s), ${failed} failed`);
      resolve(code);
    };
    let ticks = 0;
    const beat = setInterval(() => {
      withTimeout(health.ping(), 4000, 'no answer').then(() => { lostSince = undefined; }, () => { lostSince ??= Date.now(); });
      if (lostSince !== undefined && Date.now() - lostSince > GIVE_UP_MS) void stop(1, `lost Redis at ${target.shown} for ${GIVE_UP_MS / 1000} s; stopping`);
      else if (++ticks % Math.max(1, Math.round((o.healthMs ?? 30_000) / 5000)) === 0) say(`${lostSince ? 'Redis unreachable' : 'ok'}, ${done} job(s) done, ${failed} failed, ${worker.isRunning() ? 'running' : 'idle'}`);
    }, 5000);
    process.once('SIGTERM', () => void stop(0, 'SIGTERM: finishing running jobs, taking no new ones'));
    process.once('SIGINT', () => void stop(0, 'SIGINT: finishing running jobs, taking no new ones'));
  });
}
