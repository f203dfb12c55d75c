/** Sensitivity of model outcomes: the SD glue, diagnostics, and determinism across workers. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fileURLToPath } from 'node:url';
import { loadModel } from '../../../src/io/load.js';
import { modelSensitivity, sensitivityJson, type SobolIndex } from '../../../src/analysis/sensitivity/index.js';
import { modelFrom } from '../../helpers.js';

const teacup = loadModel(fileURLToPath(new URL('../../../models/teacup.yaml', import.meta.url)));
const finalTemperature = { variable: 'Teacup Temperature', aggregate: 'final' as const };

async function sobolAt(stop: number) {
  const r = await modelSensitivity(teacup, { method: 'sobol', samples: 256, seed: 2, metric: finalTemperature, simulate: { stop } });
  assert.equal(r.diagnostics, []);
  return r.result!;
}

test('teacup: the characteristic time dominates the temperature early, the room temperature late', async () => {
  // T(t) = R + (180 − R)·exp(−t/τ): at 5 minutes the cooling has barely started and τ sets how
  // far it got; after 120 minutes every cup has reached the room, whatever τ.
  const early = await sobolAt(5);
  const late = await sobolAt(120);
  const st = (r: typeof early, name: string) => (r.indices[name] as SobolIndex).ST;
  assert.equal(early.ranking, ['Characteristic Time', 'Room Temperature']);
  assert.ok(st(early, 'Characteristic Time') > 0.9 && st(early, 'Room Temperature') < 0.1, JSON.stringify(early.indices));
  assert.equal(late.ranking, ['Room Temperature', 'Characteristic Time']);
  assert.ok(st(late, 'Room Temperature') > 0.85 && st(late, 'Characteristic Time') < 0.05, JSON.stringify(late.indices));
  assert.is(early.metric, 'Teacup Temperature:final');
  assert.is(early.runs, 256 * 4);
});

test('without --param, every constant with an uncertainty range is a factor, with its range', async () => {
  const r = await modelSensitivity(teacup, { method: 'oat', metric: finalTemperature });
  assert.equal(r.result!.factors.map((f) => [f.name, f.lo, f.hi]), [['Room Temperature', 60, 80], ['Characteristic Time', 5, 20]]);
  assert.ok(Math.abs(r.result!.nominal! - 70 - 110 * Math.exp(-3)) < 0.5, 'the nominal run is the model as written (Euler, dt 1/8)');
});

test('seeded runs give identical bytes in-process and on worker threads', async () => {
  const options = { method: 'morris', samples: 6, seed: 5, metric: { variable: 'Heat Loss to Room', aggregate: 'integral' as const },
    params: [{ name: 'Room Temperature', lo: 50, hi: 90 }, { name: 'Characteristic Time', lo: 2, hi: 30 }] };
  const one = await modelSensitivity(teacup, { ...options, workers: 1 });
  const seen: number[] = [];
  const two = await modelSensitivity(teacup, { ...options, workers: 2, workerThreadsOnly: true, onProgress: (done) => seen.push(done) });
  assert.equal(two.diagnostics, []);
  assert.is(sensitivityJson(two.result!), sensitivityJson(one.result!));
  assert.is(seen[seen.length - 1], 18, 'progress reaches the number of runs');
  const auto = await modelSensitivity(teacup, { ...options, workers: 'auto' });
  assert.is(sensitivityJson(auto.result!), sensitivityJson(one.result!), "'auto' times a few runs in-process, then decides: same bytes");
});

test('bad parameters are diagnostics, all at once', async () => {
  const model = modelFrom(`
sim: { start: 0, stop: 2, dt: 1 }
stocks:
  S: { initial: 1, inflows: [f] }
flows:
  f: { equation: g * S }
auxiliaries:
  g: { equation: "0.1" }
  h: { equation: "2 * g" }
`);
  const metric = { variable: 'S', aggregate: 'final' as const };
  const bad = await modelSensitivity(model, { method: 'oat', metric, params: [{ name: 'S', lo: 0, hi: 1 }, { name: 'gee', lo: 0, hi: 1 }] });
  assert.equal(bad.diagnostics.map((d) => d.code).sort(), ['not-a-parameter', 'unknown-variable']);
  const aux = await modelSensitivity(model, { method: 'oat', samples: 2, metric, params: [{ name: 'g', lo: 0, hi: 1 }, { name: 'h', lo: 0, hi: 1 }] });
  assert.equal(aux.diagnostics.map((d) => [d.code, d.severity, d.variable]), [['parameter-replaces-equation', 'warning', 'h']]);
  assert.equal((aux.result!.indices.g as { y: number[] }).y, [1, 4], 'S grows by (1+g)² over two steps');
  const noRange = await modelSensitivity(model, { method: 'oat', metric, params: [{ name: 'g' }] });
  assert.equal(noRange.diagnostics.map((d) => d.code), ['missing-range']);
  const badMetric = await modelSensitivity(model, { method: 'oat', metric: { variable: 'Q', aggregate: 'final' }, params: [{ name: 'g', lo: 0, hi: 1 }] });
  assert.equal(badMetric.diagnostics.map((d) => d.code), ['unknown-variable']);
});

test('runs that fail are reported with the parameter values of the first', async () => {
  const model = modelFrom(`
sim: { start: 0, stop: 2, dt: 1 }
auxiliaries:
  out: { equation: "1 / d" }
constants:
  d: { value: 1 }
`);
  const r = await modelSensitivity(model, { method: 'oat', samples: 3, metric: { variable: 'out', aggregate: 'final' }, params: [{ name: 'd', lo: -1, hi: 1 }] });
  assert.is(r.result, undefined);
  assert.equal(r.diagnostics.map((d) => d.code), ['runs-failed']);
  assert.match(r.diagnostics[0].message, /1 of 4 runs failed; the first \(d=0\)/);
});

test.run();
