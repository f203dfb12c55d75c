/** A pool of worker threads kept up across batches (calibrate --posterior uses one per run). */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readModelFile } from '../../../src/io/load.js';
import { prepareModelFunction, type ModelFunctionSpec } from '../../../src/analysis/parallel/model-function.js';
import { ThreadPool } from '../../../src/analysis/parallel/thread-pool.js';
import { runTask, type EvaluateResult, type Task } from '../../../src/analysis/parallel/tasks.js';

const model = readModelFile('test/fixtures/posterior/decay.yaml').model!;
const spec: ModelFunctionSpec = { model, params: ['Tau'], output: { kind: 'metric', variable: 'Load', aggregate: 'final' } };
const fn = prepareModelFunction(spec).fn!;
const batch = (taus: number[]): Task[] => taus.map((t) => ({ kind: 'evaluate', rows: Float64Array.of(t), k: 1 }));

test('the same workers answer batch after batch, each result in its task\'s slot, as computed in-process', async () => {
  const pool = new ThreadPool(spec, 3, fn);
  try {
    for (const taus of [[2, 3, 4, 5, 6], [7, 8], [2.5, 3.5, 4.5]]) {
      const tasks = batch(taus);
      const got = (await pool.run(tasks, { workerThreadsOnly: true })) as EvaluateResult[];
      const want = tasks.map((t) => runTask(fn, t)) as EvaluateResult[];
      assert.equal(got.map((r) => Array.from(r.values)), want.map((r) => Array.from(r.values)));
    }
    const mixed = (await pool.run(batch([3, 4, 5, 6]))) as EvaluateResult[]; // the main thread takes tasks too
    assert.equal(mixed.map((r) => r.values[0]), batch([3, 4, 5, 6]).map((t) => (runTask(fn, t) as EvaluateResult).values[0]));
    // S(30) = 90·exp(−30/τ): larger τ leaves more load
    assert.ok(mixed[0].values[0] < mixed[3].values[0]);
  } finally {
    await pool.close();
  }
});

test.run();
