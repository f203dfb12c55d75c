/**
 * `--queue URL` and `--resume` for the ensemble commands: with --queue, batches of runs go to
 * `stockflow worker` processes through Redis instead of this machine's threads (same result,
 * byte for byte). `withQueue` opens the executor, runs the command's work, prints the summary
 * on stderr and always closes the connection.
 */
import type { Argv } from 'yargs';
import type { Executor } from '../../analysis/parallel/executor.js';
import { usageError } from '../output.js';
import { parseQueueUrl } from './url.js';

export interface QueueArgs {
  queue?: string;
  resume?: boolean;
  'batch-runs'?: number;
}

export function queueOptions<T>(y: Argv<T>): Argv<T> {
  return y
    .option('queue', { type: 'string', describe: 'run the ensemble on `stockflow worker` processes through Redis: redis://[user:password@]host:port[/db] (rediss:// for TLS); see docs/distributed.md' })
    .option('resume', { type: 'boolean', describe: 'with --queue: reuse the results a stopped run of the same study left in Redis' })
    .option('batch-runs', { type: 'number', describe: 'with --queue: runs per job (default: 1/32 of the runs, between 16 and 256)' });
}

/** Runs `work` with the queue executor (or none without --queue), then prints the summary. */
export async function withQueue<R>(args: QueueArgs, work: (executor: Executor | undefined) => Promise<R>): Promise<R> {
  if (args.queue === undefined) {
    if (args.resume || args['batch-runs'] !== undefined) throw usageError('--resume and --batch-runs need --queue');
    return work(undefined);
  }
  const batch = args['batch-runs'];
  if (batch !== undefined && (!Number.isInteger(batch) || batch < 1)) throw usageError(`--batch-runs expects a positive whole number (got ${batch})`);
  const target = parseQueueUrl(args.queue);
  const { queueExecutor } = await import('./coordinator.js'); // BullMQ loads only when used
  const executor = queueExecutor(target, { resume: args.resume, batchRuns: batch });
  try {
    await executor.connect();
    const out = await work(executor);
    const summary = executor.summary();
    if (summary) process.stderr.write(`${summary}\n`);
    return out;
  } finally {
    await executor.close();
  }
}
