import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel } from '../../src/io/load.js';
import { readNative } from '../../src/io/native.js';
import { formatCsv } from '../../src/io/csv.js';
import { csvSink, jsonSink } from '../../src/io/result-stream.js';
import { simulate, trySimulate } from '../../src/sim/simulate.js';
import { MAX_KEPT_VALUES } from '../../src/sim/sink.js';
import { cli, tempDir, ROOT } from '../cli/cli-helpers.js';

/** Runs a model once in memory and once streamed in small chunks; returns both texts. */
function both(model: ReturnType<typeof loadModel>, format: 'csv' | 'json', options = {}) {
  const memory = simulate(model, options);
  const chunks: string[] = [];
  let sink: ReturnType<typeof csvSink> | undefined;
  const streamed = simulate(model, { ...options, sink: (columns) => (sink = (format === 'csv' ? csvSink : jsonSink)({ write: (c) => chunks.push(c) }, columns, memory.names)) });
  sink!.end();
  const expected = format === 'csv' ? formatCsv(memory, memory.names) : `${JSON.stringify(memory.toJSON(memory.names))}\n`;
  return { expected, actual: chunks.join(''), streamed };
}

test('streamed CSV and JSON equal the in-memory output byte for byte (teacup, Kinesis)', () => {
  for (const file of ['models/teacup.yaml', 'models/kinesis-outage.yaml']) {
    for (const format of ['csv', 'json'] as const) {
      const { expected, actual, streamed } = both(loadModel(join(ROOT, file)), format);
      assert.ok(expected.length > 1000);
      assert.is(actual, expected, `${file} ${format}`);
      assert.is(streamed.time.length, 0, 'a streamed run keeps no rows');
      assert.ok(streamed.columns.length > 0, 'but knows its columns');
    }
  }
});

test('non-finite values stream as CSV text and JSON null, as in memory', () => {
  const model = readNative('sim: { start: 0, stop: 3, dt: 1 }\nauxiliaries:\n  x: { equation: "1 / (2 - time)" }\n  y: { equation: "0 / 0" }\n').model!;
  for (const format of ['csv', 'json'] as const) {
    const { expected, actual } = both(model, format, { allowNonFinite: true });
    assert.is(actual, expected);
    assert.match(actual, format === 'csv' ? /Infinity/ : /null/);
  }
});

test('a run too large to keep in memory is a located error before anything is allocated, naming the size and the fixes', () => {
  const model = readNative('sim: { start: 0, stop: 4.9e7, dt: 1 }\nstocks:\n  p: { initial: 100, inflows: [births] }\nflows:\n  births: { equation: "p * 1e-9" }\n', 'long.yaml').model!;
  const s = trySimulate(model);
  assert.is(s.result, undefined);
  assert.is(s.diagnostics.length, 1);
  const d = s.diagnostics[0];
  assert.is(d.code, 'results-too-large');
  assert.is(d.file, 'long.yaml');
  assert.match(d.message, /49,000,001 saved rows × 2 columns/);
  assert.match(d.hint!, /saveper/);
  assert.match(d.hint!, /--vars/);
  assert.match(d.hint!, /sink/);
  assert.ok(49_000_001 * 2 > MAX_KEPT_VALUES);
  // The same run with a sink streams (only the first rows are looked at here).
  assert.ok(trySimulate({ ...model, sim: { ...model.sim, stop: 1000 } }, { sink: () => ({ columns: [0], save: () => undefined }) }).result);
});

test('stockflow run --csv/--json/stdout write the streamed output; a failing run leaves no file', () => {
  const dir = tempDir();
  const model = join(ROOT, 'models/teacup.yaml');
  const memory = simulate(loadModel(model));
  assert.is(cli('run', model).stdout, formatCsv(memory));
  assert.is(cli('run', model, '--csv', join(dir, 'a.csv')).code, 0);
  assert.is(readFileSync(join(dir, 'a.csv'), 'utf8'), formatCsv(memory));
  assert.is(cli('run', model, '--json', join(dir, 'a.json')).code, 0);
  assert.is(readFileSync(join(dir, 'a.json'), 'utf8'), `${JSON.stringify(memory.toJSON())}\n`);
  const bad = cli('run', model, '--vars', 'nope', '--csv', join(dir, 'b.csv'));
  assert.is(bad.code, 1);
  assert.match(bad.stderr, /unknown variable 'nope'/);
  assert.not.ok(existsSync(join(dir, 'b.csv')));
});

test.run();
