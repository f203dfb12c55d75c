/**
 * `npm run bench:queue`: ensemble throughput of the Kinesis model (runs/s, wall clock) on
 * this machine's threads against the Redis queue with 1 and 2 local `stockflow worker`
 * processes (one thread each), as ratios to the thread run with the same number of
 * computing threads; and the queue's overhead per job, from the same runs in jobs of 1 run
 * against jobs of 128. The batch size is then the smallest that keeps that overhead under 5%
 * of a job's time. Needs redis-server on PATH (started here on a free port with a password)
 * and a built CLI (npm run build). Each figure: the best of 3 rounds after a warm-up study,
 * the configurations compared measured in turn within each round.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadModel } from '../src/io/load.js';
import type { Constant } from '../src/model/types.js';
import { evaluateRows, type PoolOptions } from '../src/analysis/parallel/pool.js';
import { queueExecutor } from '../src/cli/queue/coordinator.js';
import { parseQueueUrl } from '../src/cli/queue/url.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.argv[2] ?? 512);
const ROUNDS = 3;
if (spawnSync('redis-server', ['--version']).status !== 0) { console.log('bench:queue: no redis-server on PATH; nothing measured'); process.exit(0); }

const model = loadModel(`${ROOT}models/kinesis-outage.yaml`);
const uncertain = model.variables.filter((v): v is Constant => v.kind === 'constant' && !!v.uncertainty).slice(0, 6);
const metric = model.metrics![0];
const spec = { model, params: uncertain.map((c) => c.name), output: { kind: 'metric' as const, variable: metric.variable, aggregate: metric.aggregate, threshold: metric.threshold } };
/** Rows spread over each range (a deterministic low-discrepancy walk); `salt` makes a new study. */
const rows = (n: number, salt: number) => Array.from({ length: n }, (_, i) => uncertain.map((c, j) => {
  const u = ((i + 1) * (0.6180339887 + j * 0.1414213562) + salt * 0.001) % 1;
  return c.uncertainty!.min + u * (c.uncertainty!.max - c.uncertainty!.min);
}));

const port = await new Promise<number>((resolve) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); }); });
const password = randomBytes(12).toString('hex');
const url = `redis://:${password}@127.0.0.1:${port}/0`;
const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--requirepass', password, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const workers: ChildProcess[] = [];
const startWorker = () => workers.push(spawn(process.execPath, [`${ROOT}dist/cli/main.js`, 'worker', '--queue', url, '--concurrency', '1'], { stdio: 'ignore' }));

let salt = 0;
/** Runs per second of one study of n rows (a new study each time: no stored results reused). */
async function rate(o: PoolOptions, n = RUNS): Promise<number> {
  const r = rows(n, ++salt);
  const t = performance.now();
  await evaluateRows(spec, r, o);
  return n / ((performance.now() - t) / 1000);
}

/** The best of ROUNDS rounds of each configuration, measured in turn so that load on the machine hits them alike. */
async function bestOf(configs: (() => Promise<number>)[]): Promise<number[]> {
  const best = configs.map(() => 0);
  for (let round = 0; round < ROUNDS; round++) for (const [i, c] of configs.entries()) best[i] = Math.max(best[i], await c());
  return best;
}

try {
  const target = parseQueueUrl(url);
  const queue = (batchRuns: number) => queueExecutor(target, { batchRuns, pollMs: 20 });
  const big = queue(128);
  const single = queue(1);
  await big.connect();
  await single.connect();
  startWorker();
  await rate({ executor: big }, 64); // warm-up: the worker loads the library
  const [threads1, queue1, jobs1] = await bestOf([() => rate({ workers: 1 }), () => rate({ executor: big }), () => rate({ executor: single }, 64)]);
  startWorker();
  await rate({ executor: big }, 256); // warm-up of the second worker
  const [threads2, queue2] = await bestOf([() => rate({ workers: 2 }), () => rate({ executor: big })]);
  await big.close();
  await single.close();
  const perRunMs = 1000 / queue1;
  const overheadMs = Math.max(0, 1000 / jobs1 - perRunMs);
  const batch = Math.max(1, Math.ceil((overheadMs / 0.05) / perRunMs));
  const f = (x: number) => x.toFixed(0).padStart(6);
  console.log(`Kinesis model, ${RUNS} runs per measurement, 6 parameters, metric ${metric.name}`);
  console.log(`threads   1: ${f(threads1)} runs/s   2: ${f(threads2)} runs/s`);
  console.log(`queue     1 worker: ${f(queue1)} runs/s (${(queue1 / threads1).toFixed(2)} of 1 thread)   2 workers: ${f(queue2)} runs/s (${(queue2 / threads2).toFixed(2)} of 2 threads)`);
  console.log(`per-job overhead: ${overheadMs.toFixed(1)} ms = ${(overheadMs / perRunMs).toFixed(1)} runs; under 5% of a job's time from ${batch} runs per job (default: 1/32 of a study, 16 to 256)`);
  console.log(`bench:queue: 2 workers/2 threads = ${(queue2 / threads2).toFixed(2)}`);
} finally {
  for (const w of workers) w.kill('SIGTERM');
  server.kill('SIGTERM');
}
