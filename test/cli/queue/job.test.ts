/**
 * The queue's data without Redis: URLs are checked and shown without credentials, results
 * travel bit for bit (NaN, ±Infinity, −0, Float64Array), and a worker refuses a job that is
 * not what a coordinator writes, or whose model breaks the model file's rules.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { loadModel } from '../../../src/io/load.js';
import { CliExit } from '../../../src/cli/output.js';
import { decode, encode, MAX_JOB_BYTES } from '../../../src/cli/queue/codec.js';
import processJob, { type JobReply } from '../../../src/cli/queue/processor.js';
import { jobText, readJob, studyOf } from '../../../src/cli/queue/study.js';
import { parseQueueUrl, redact } from '../../../src/cli/queue/url.js';
import { ROOT } from '../cli-helpers.js';

test('a queue URL keeps its credentials out of what is shown', () => {
  const t = parseQueueUrl('redis://ops:s3cr%2Ft@10.0.0.5:6380/2');
  assert.equal(t.connection, { host: '10.0.0.5', port: 6380, db: 2, username: 'ops', password: 's3cr/t' });
  assert.is(t.shown, 'redis://***@10.0.0.5:6380/2');
  assert.is(redact('connect to redis://ops:s3cr%2Ft@10.0.0.5 failed: s3cr/t', t.secrets), 'connect to redis://***@10.0.0.5 failed: ***');
  assert.equal(parseQueueUrl('rediss://h').connection, { host: 'h', port: 6379, db: 0, username: undefined, password: undefined, tls: {} });
  for (const bad of ['http://h:1', 'redis://h:1/x', 'redis://h:1/0?tls=1', 'not a url']) assert.throws(() => parseQueueUrl(bad), (e: unknown) => e instanceof CliExit && e.code === 2);
});

test('results come back from text with the same bits', () => {
  const values = new Float64Array([1.5, NaN, -0, Infinity, 1e-310]);
  const back = decode(encode({ values, x: [-Infinity, -0, 0.1] })) as { values: Float64Array; x: number[] };
  assert.ok(back.values instanceof Float64Array);
  assert.equal(Buffer.from(back.values.buffer), Buffer.from(values.buffer));
  assert.ok(back.x[0] === -Infinity && Object.is(back.x[1], -0) && back.x[2] === 0.1);
});

const model = loadModel(join(ROOT, 'models/teacup.yaml'));
const spec = { model, params: ['Room Temperature'], output: { kind: 'metric' as const, variable: 'Teacup Temperature', aggregate: 'final' as const } };
const task = { kind: 'evaluate' as const, rows: new Float64Array([60, 70]), k: 1 };

test('a job reads back as the same model function and batch; the study id is the same for the same study', () => {
  const study = studyOf(spec, [task]);
  assert.is(studyOf(spec, [task]).id, study.id);
  assert.is.not(studyOf(spec, [{ ...task, rows: new Float64Array([60, 71]) }]).id, study.id);
  const read = readJob(jobText(study.id, 0, study.spec, task));
  assert.ok(read.ok);
  if (read.ok && read.kind === 'task') {
    assert.equal(read.task, task);
    assert.equal(read.spec.params, spec.params);
    assert.equal(read.spec.model.variables.map((v) => v.id), model.variables.map((v) => v.id));
  }
});

test('a worker refuses jobs that are not plain, well-formed data', async () => {
  const study = studyOf(spec, [task]);
  const job = JSON.parse(jobText(study.id, 0, study.spec, task));
  const refuse = (data: unknown, why: RegExp) => {
    const r = readJob(typeof data === 'string' ? data : JSON.stringify(data));
    assert.not.ok(r.ok);
    if (!r.ok) assert.match(r.diagnostics.map((d) => d.message).join('\n'), why);
  };
  refuse('{', /not valid JSON/);
  refuse({ ...job, v: 2 }, /unknown format version/);
  refuse({ ...job, task: { kind: 'run-code', source: 'process.exit()' } }, /unknown kind of task/);
  refuse({ ...job, task: { ...job.task, k: 3 } }, /bad batch/);
  refuse({ ...job, spec: { ...job.spec, simulate: { overrides: { a: 'x' } } } }, /bad simulation options/);
  refuse({ ...job, spec: { ...job.spec, model: 'sim: [' } }, /./);
  assert.not.ok(readJob('x'.repeat(MAX_JOB_BYTES + 1)).ok);
  const hostile = job.spec.model.replace(/equation: .*/, 'equation: "constructor.constructor(\'return process\')()"');
  assert.is.not(hostile, job.spec.model);
  const reply = decode(await processJob({ data: JSON.stringify({ ...job, spec: { ...job.spec, model: hostile } }) })) as JobReply;
  assert.not.ok(reply.ok, 'the equation whitelist refuses it, as in a model file');
  if (!reply.ok) assert.ok(reply.diagnostics.length > 0);
  const fine = decode(await processJob({ data: JSON.stringify(job) })) as JobReply;
  assert.ok(fine.ok && !Array.isArray(fine.result) && fine.result.kind === 'evaluate' && fine.result.values.length === 2);
});

test.run();
