import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel } from '../../src/io/load.js';
import { readNative } from '../../src/io/native.js';
import { jsonSink, type OutputSink } from '../../src/io/result-stream.js';
import { ColumnSpill } from '../../src/io/column-spill.js';
import { clockOf, isoClock } from '../../src/model/clock.js';
import { simulate } from '../../src/sim/simulate.js';
import type { SimulationResult } from '../../src/sim/result.js';
import type { Model } from '../../src/model/types.js';
import { cli, ROOT, tempDir, tempFile } from '../cli/cli-helpers.js';

/** `run --json` as it was written before it streamed: the whole document built in memory. */
function inMemoryJson(result: SimulationResult, names: readonly string[], clock?: (t: number) => string): string {
  const times = clock ? Array.from(result.time, clock) : undefined;
  return `${JSON.stringify(times ? { time: Array.from(result.time), clock: times, ...result.toJSON(names) } : result.toJSON(names))}\n`;
}

function streamedJson(model: Model, names: readonly string[], clock: ((t: number) => string) | undefined, blockValues?: number, options = {}): string {
  const chunks: string[] = [];
  let sink: OutputSink | undefined;
  simulate(model, { ...options, sink: (columns) => (sink = jsonSink({ write: (c) => chunks.push(c) }, columns, names, clock, blockValues)) });
  sink!.end();
  return chunks.join('');
}

const clockModel = 'sim: { start: 0, stop: 48, dt: 0.25, time_unit: hour, time_origin: 2020-11-25T23:30-08:00 }\nstocks:\n  S: { initial: 1, outflows: [drain] }\nflows:\n  drain: { equation: "S / 10" }\n';

test('streamed JSON equals the in-memory document byte for byte, in one block or spilled in many (teacup, Kinesis with its clock, a clock model, non-finite values)', () => {
  const cases: [string, Model, object][] = [
    ['teacup', loadModel(join(ROOT, 'models/teacup.yaml')), {}],
    ['kinesis', loadModel(join(ROOT, 'models/kinesis-outage.yaml')), {}],
    ['clock', readNative(clockModel).model!, {}],
    ['non-finite', readNative('sim: { start: 0, stop: 3, dt: 1 }\nauxiliaries:\n  x: { equation: "1 / (2 - time)" }\n  y: { equation: "0 / 0" }\n').model!, { allowNonFinite: true }],
  ];
  for (const [label, model, options] of cases) {
    const memory = simulate(model, options);
    const c = clockOf(model.sim);
    const clock = c ? (t: number) => isoClock(c, t) : undefined;
    if (label !== 'teacup' && label !== 'non-finite') assert.ok(clock, `${label} has a clock`);
    const names = label === 'kinesis' ? memory.names.slice(0, 40) : memory.names;
    const expected = inMemoryJson(memory, names, clock);
    // 1: a block per row; 7 × width: blocks of a few rows and a partial one left in memory.
    for (const block of [undefined, 1, 7 * (names.length + 1) + 3]) {
      assert.is(streamedJson(model, names, clock, block, options), expected, `${label}, block ${block ?? 'default'}`);
    }
  }
});

test('a column spill hands back every column in row order across blocks and removes its file on close', () => {
  const before = readdirSync(tmpdir()).filter((f) => f.startsWith('.stockflow-columns.')).length;
  const spill = new ColumnSpill(3, 10); // 3 rows a block
  for (let r = 0; r < 11; r++) spill.add(r, Float64Array.of(r * 10, -r));
  assert.is(spill.rows, 11);
  const column = (c: number) => {
    const xs: number[] = [];
    spill.readColumn(c, (x) => xs.push(x));
    return xs;
  };
  assert.equal(column(0), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.equal(column(1), [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  assert.equal(column(2), [-0, -1, -2, -3, -4, -5, -6, -7, -8, -9, -10]);
  spill.close();
  spill.close();
  assert.is(readdirSync(tmpdir()).filter((f) => f.startsWith('.stockflow-columns.')).length, before);
});

test('run --json of a long run (1.5 million steps, past one 16 MiB block) parses with every row', () => {
  const model = tempFile('long.yaml', 'sim: { start: 0, stop: 1500000, dt: 1 }\nstocks:\n  p: { initial: 100, inflows: [births] }\nflows:\n  births: { equation: "p * 1e-7" }\n');
  const out = join(tempDir(), 'long.json');
  const r = cli('run', model, '--vars', 'p', '--json', out);
  assert.is(r.code, 0, r.stderr);
  const j = JSON.parse(readFileSync(out, 'utf8')) as Record<string, number[]>;
  assert.equal(Object.keys(j), ['time', 'p']);
  assert.is(j.time.length, 1_500_001);
  assert.is(j.p.length, 1_500_001);
  assert.is(j.time[1_500_000], 1_500_000);
  // p grows by 1e-7 a step (Euler): 100 · (1 + 1e-7)^1.5e6 = 100 · e^0.15 to within 1e-6.
  assert.ok(Math.abs(j.p[1_500_000] / (100 * Math.exp(0.15)) - 1) < 1e-6, String(j.p[1_500_000]));
});

test('a disk full while a spilled JSON run is written: cannot write, exit 2, no file left in place of the output', () => {
  if (!existsSync('/dev/full')) return;
  const model = tempFile('long2.yaml', 'sim: { start: 0, stop: 1200000, dt: 1 }\nstocks:\n  p: { initial: 1 }\n');
  const r = cli('run', model, '--json', '/dev/full');
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stderr, /stockflow: cannot write \/dev\/full: no space left on the device \(ENOSPC\)/);
  const dir = tempDir();
  const bad = cli('run', model, '--vars', 'nope', '--json', join(dir, 'x.json'));
  assert.is(bad.code, 1);
  assert.equal(readdirSync(dir), []);
});

test('a temporary folder that cannot be written is a located usage error naming it and TMPDIR, and no output appears', () => {
  const dir = tempDir();
  const model = tempFile('long3.yaml', 'sim: { start: 0, stop: 1200000, dt: 1 }\nstocks:\n  p: { initial: 1 }\n');
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'run', model, '--json', join(dir, 'o.json')], { encoding: 'utf8', env: { ...process.env, TMPDIR: join(dir, 'missing') } });
  assert.is(r.status, 2, r.stderr);
  assert.match(r.stderr, /cannot write .*missing \(where --json keeps the columns of a long run; set TMPDIR to use another folder\): its folder does not exist \(ENOENT\)/);
  assert.not.match(r.stderr, /internal error/);
  assert.equal(readdirSync(dir), []);
});

test.run();
