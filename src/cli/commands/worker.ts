/**
 * `stockflow worker --queue URL`: computes ensemble batches that `sensitivity`, `calibrate`,
 * `compare --uncertainty` and `rank` put on a Redis queue when given --queue; run one or more on
 * any machine that has stockflow installed. Stops cleanly on SIGTERM/SIGINT.
 */
import { availableParallelism } from 'node:os';
import type { Argv, CommandModule } from 'yargs';
import { CliExit, usageError } from '../output.js';
import { parseQueueUrl } from '../queue/url.js';

interface WorkerArgs {
  queue: string;
  concurrency?: number;
  'lock-seconds': number;
  'health-seconds': number;
}

export const workerCommand: CommandModule<object, WorkerArgs> = {
  builder: (y: Argv) => y
    .option('queue', { type: 'string', demandOption: true, describe: 'redis://[user:password@]host:port[/db] (rediss:// for TLS)' })
    .option('concurrency', { type: 'number', describe: 'batches computed at once, one thread each (default: one per core)' })
    .option('lock-seconds', { type: 'number', default: 30, describe: 'job lock: a batch whose worker stops answering this long is given to another worker' })
    .option('health-seconds', { type: 'number', default: 30, describe: 'seconds between health lines on stderr' })
    .example('$0 worker --queue redis://localhost:6379', 'compute batches for a --queue study until stopped') as unknown as Argv<WorkerArgs>,
  handler: async (args) => {
    const concurrency = args.concurrency ?? availableParallelism();
    if (!Number.isInteger(concurrency) || concurrency < 1) throw usageError(`--concurrency expects a positive whole number (got ${args.concurrency})`);
    if (!(args['lock-seconds'] >= 1)) throw usageError(`--lock-seconds expects a number ≥ 1 (got ${args['lock-seconds']})`);
    if (!(args['health-seconds'] >= 5)) throw usageError(`--health-seconds expects a number ≥ 5 (got ${args['health-seconds']})`);
    const target = parseQueueUrl(args.queue);
    const { runWorker } = await import('../queue/worker-run.js'); // BullMQ loads only when used
    const code = await runWorker(target, { concurrency, lockMs: args['lock-seconds'] * 1000, healthMs: args['health-seconds'] * 1000 }, (line) => process.stderr.write(`${line}\n`));
    if (code !== 0) throw new CliExit(code);
    process.exit(0);
  },
};
