/**
 * Ensembles through Redis with real `stockflow worker` processes: a small Sobol study of the
 * Kinesis model gives the same JSON bytes as the local thread run, although the worker that
 * held the first job is SIGKILLed mid-run (its job goes to another worker after the 1 s lock);
 * a coordinator killed mid-run and restarted with --resume reuses the stored results; a wrong
 * password and an unreachable Redis are clear errors, fast; a paired ensemble (compare
 * --uncertainty) through the queue gives the local bytes too. Skipped, saying so, without Redis.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { loadModel } from '../../../src/io/load.js';
import { modelSensitivity, sensitivityJson } from '../../../src/analysis/sensitivity/index.js';
import { cli, ROOT, tempDir } from '../cli-helpers.js';
import { freePort, testRedis, type TestRedis } from './redis.js';

const MAIN = join(ROOT, 'dist/cli/main.js');
const PARAMS = ['Backfill Rate', 'Restart Decision Fraction', 'Unbuffered Metric Share'];
const STUDY = ['sensitivity', 'models/kinesis-outage.yaml', '--design', 'sobol', '--samples', '8', '--resamples', '10', ...PARAMS.flatMap((p) => ['--param', p])];
let redis: TestRedis | undefined;
let skip = '';
const children: ChildProcess[] = [];

interface Running { child: ChildProcess; done: Promise<{ code: number; stderr: string }> }

function start(args: string[]): Running {
  const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += d; });
  return { child, done: new Promise((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? (signal ? -1 : 0), stderr }))) };
}

const worker = () => start(['worker', '--queue', redis!.url, '--concurrency', '1', '--lock-seconds', '1']);

async function until(check: () => Promise<boolean>, what: string, ms = 120_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test.before(async () => {
  const r = await testRedis();
  if ('skip' in r) { skip = r.skip; console.log(`\n  SKIPPED queue tests: ${skip}\n`); } else redis = r;
});

test.after(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  redis?.stop();
});

/** The study run in this process on threads: the reference bytes. */
async function localJson(): Promise<string> {
  const model = loadModel(join(ROOT, 'models/kinesis-outage.yaml'));
  const m = model.metrics![0];
  const out = await modelSensitivity(model, {
    method: 'sobol', samples: 8, resamples: 10, seed: 1, levels: 4, confidence: 0.95, workers: 1,
    params: PARAMS.map((name) => ({ name })), metric: { variable: m.variable, aggregate: m.aggregate, threshold: m.threshold },
  });
  return sensitivityJson(out.result!);
}

let reference = '';
let survivors: Running[] = [];

test('a Sobol study through Redis equals the thread run byte for byte, with a worker SIGKILLed mid-job', async () => {
  if (!redis) return;
  const dir = tempDir();
  reference = await localJson();
  const client = new Redis(redis.url);
  try {
    const first = worker();
    const study = start([...STUDY, '--queue', redis.url, '--batch-runs', '4', '--json', join(dir, 'queue.json')]);
    await until(async () => (await client.llen('stockflow:ensembles:active')) > 0, 'the first worker to take a job');
    first.child.kill('SIGKILL');
    survivors = [worker(), worker()];
    const out = await study.done;
    assert.is(out.code, 0, out.stderr);
    assert.is(readFileSync(join(dir, 'queue.json'), 'utf8'), reference);
    assert.match(out.stderr, /queue: 40 runs in 10 jobs/);
    assert.match(out.stderr, /retries: [1-9]/, 'the killed worker\'s job was started again');
    assert.not.ok(out.stderr.includes(new URL(redis.url).password || '\0'), 'the password never appears');
  } finally {
    client.disconnect();
  }
});

test('a coordinator killed mid-run resumes with --resume, reusing the stored results', async () => {
  if (!redis) return;
  const dir = tempDir();
  const client = new Redis(redis.url);
  try {
    const args = [...STUDY, '--queue', redis.url, '--batch-runs', '4', '--json', join(dir, 'queue.json')];
    const first = start(args);
    await until(async () => (await client.zcard('stockflow:ensembles:completed')) >= 2, 'two finished jobs');
    first.child.kill('SIGKILL');
    await first.done;
    const out = await start([...args, '--resume']).done;
    assert.is(out.code, 0, out.stderr);
    assert.match(out.stderr, /[1-9]\d* runs reused from a stored study/);
    assert.is(readFileSync(join(dir, 'queue.json'), 'utf8'), reference || await localJson());
  } finally {
    client.disconnect();
  }
});

test('compare --uncertainty through the queue gives the local bytes; workers stop cleanly on SIGTERM', async () => {
  if (!redis) return;
  const dir = tempDir();
  const args = ['compare', 'models/kinesis-outage.yaml', '--uncertainty', '4', '--scenarios', 'cellular-frontend,larger-servers'];
  const local = cli(...args, '--json', join(dir, 'local.json'));
  assert.is(local.code, 0, local.stderr);
  const out = await start([...args, '--queue', redis.url, '--json', join(dir, 'queue.json')]).done;
  assert.is(out.code, 0, out.stderr);
  assert.match(out.stderr, /queue: 3 models in 3 jobs/);
  assert.is(readFileSync(join(dir, 'queue.json'), 'utf8'), readFileSync(join(dir, 'local.json'), 'utf8'));
  for (const w of survivors) w.child.kill('SIGTERM');
  for (const s of await Promise.all(survivors.map((w) => w.done))) {
    assert.is(s.code, 0, s.stderr);
    assert.match(s.stderr, /SIGTERM: finishing running jobs/);
    assert.not.ok(s.stderr.includes(new URL(redis.url).password || '\0'), 'the password never appears');
  }
});

test('a wrong password is a clear error that does not print the password', () => {
  if (!redis) return;
  const url = new URL(redis.url);
  url.password = 'not-the-password';
  const r = cli(...STUDY, '--queue', url.href);
  assert.is(r.code, 1);
  assert.match(r.stderr, /refused the user name or password/);
  assert.not.match(r.stderr, /not-the-password/);
  const w = cli('worker', '--queue', url.href);
  assert.is(w.code, 1);
  assert.match(w.stderr, /refused the user name or password/);
});

test('an unreachable Redis is a clear error within seconds', async () => {
  const port = await freePort();
  const started = Date.now();
  const r = cli(...STUDY, '--queue', `redis://u:secret@127.0.0.1:${port}`);
  assert.is(r.code, 1);
  assert.match(r.stderr, new RegExp(`cannot use Redis at redis://\\*\\*\\*@127\\.0\\.0\\.1:${port}/0: nothing listens there`));
  assert.not.match(r.stderr, /secret/);
  assert.ok(Date.now() - started < 30_000, 'no hang: the connection is refused at once (the rest is start-up)');
});

test.run();
