/** Calibration: recovering known parameters of synthetic teacup runs, and the optimiser. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fileURLToPath } from 'node:url';
import { loadModel } from '../../../src/io/load.js';
import { simulate } from '../../../src/sim/simulate.js';
import { modelFrom } from '../../helpers.js';
import { calibrate, calibrationJson, interpolate, nelderMead, minimizeInBounds, type ReferenceData } from '../../../src/analysis/calibrate/index.js';

const teacup = loadModel(fileURLToPath(new URL('../../../models/teacup.yaml', import.meta.url)));
const truth = { 'Characteristic Time': 12.5, 'Room Temperature': 64 };
const run = simulate(teacup, { overrides: truth });
const bounds = [{ name: 'Characteristic Time', lo: 5, hi: 20 }, { name: 'Room Temperature', lo: 60, hi: 80 }];

test('Nelder–Mead finds the minimum of the Rosenbrock valley', () => {
  const m = nelderMead((x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2, [-1.2, 1], { maxEvaluations: 2000, xatol: 1e-8 });
  assert.ok(m.converged);
  assert.ok(Math.abs(m.x[0] - 1) < 1e-5 && Math.abs(m.x[1] - 1) < 1e-5, String(m.x));
});

test('bounded minimisation stays inside the box and reaches a minimum on its edge', () => {
  const seen: number[][] = [];
  const m = minimizeInBounds((x) => { seen.push([...x]); return (x[0] - 5) ** 2 + (x[1] - 0.3) ** 2; }, [{ lo: 0, hi: 2 }, { lo: 0, hi: 1 }], [0.5, 0.5]);
  assert.ok(seen.every(([a, b]) => a >= 0 && a <= 2 && b >= 0 && b <= 1));
  assert.ok(Math.abs(m.x[0] - 2) < 1e-6 && Math.abs(m.x[1] - 0.3) < 1e-6, String(m.x));
});

test('calibration recovers the constants of a synthetic teacup series', async () => {
  const every = [0, 2, 4, 7, 10, 15, 20, 30];
  const y = run.series('Teacup Temperature');
  const data: ReferenceData = { targets: [{ kind: 'series', variable: 'Teacup Temperature', time: every, values: every.map((t) => interpolate(run.time, y, t)), weight: 1 }] };
  const c = await calibrate(teacup, { data, params: bounds, seed: 3, starts: 3 });
  assert.equal(c.diagnostics, []);
  const r = c.result!;
  assert.ok(Math.abs(r.parameters['Characteristic Time'] - 12.5) < 1e-3, JSON.stringify(r.parameters));
  assert.ok(Math.abs(r.parameters['Room Temperature'] - 64) < 1e-3, JSON.stringify(r.parameters));
  assert.ok(r.fit[0].rmse < 1e-3);
  assert.ok(r.baseline!.objective > 1e3 * r.objective, "the model's own values fit worse");
  assert.is(r.starts.length, 4, "the model's own values, then 3 Latin-hypercube starts");
  assert.is(r.starts[0].from, 'model');
  assert.equal(r.atBounds, []);
});

test('a flow with a constant equation can be a parameter: it stays a flow the stock drains', async () => {
  const model = modelFrom('sim: { start: 0, stop: 10, dt: 1 }\nstocks:\n  Tank: { initial: 100, outflows: [Drain] }\nflows:\n  Drain: { equation: "3" }\n');
  const truth = simulate(model, { overrides: { Drain: 4.5 } });
  const every = [0, 5, 10];
  const data: ReferenceData = { targets: [{ kind: 'series', variable: 'Tank', time: every, values: every.map((t) => interpolate(truth.time, truth.series('Tank'), t)), weight: 1 }] };
  const c = await calibrate(model, { data, params: [{ name: 'Drain', lo: 0, hi: 10 }], seed: 1, starts: 2 });
  assert.equal(c.diagnostics, []);
  assert.ok(Math.abs(c.result!.parameters.Drain - 4.5) < 1e-4, JSON.stringify(c.result!.parameters));
});

test('calibration to event times recovers the characteristic time', async () => {
  const y = run.series('Teacup Temperature');
  const below = (thr: number) => { const i = y.findIndex((v) => v < thr); return run.time[i - 1] + (thr - y[i - 1]) / (y[i] - y[i - 1]); };
  const data: ReferenceData = { targets: [
    { kind: 'event', name: 'drinkable', variable: 'Teacup Temperature', aggregate: 'first_time_below', threshold: 140, time: below(140), weight: 1 },
    { kind: 'event', name: 'lukewarm', variable: 'Teacup Temperature', aggregate: 'first_time_below', threshold: 100, time: below(100), weight: 1 },
  ] };
  const c = await calibrate(teacup, { data, params: bounds, seed: 1, starts: 2, simulate: {} });
  const r = c.result!;
  assert.ok(Math.abs(r.parameters['Characteristic Time'] - 12.5) < 0.01, JSON.stringify(r.parameters));
  assert.ok(Math.abs(r.parameters['Room Temperature'] - 64) < 0.1, JSON.stringify(r.parameters));
  assert.equal(r.fit.map((f) => f.target), ['drinkable', 'lukewarm']);
});

test('an unidentifiable parameter shows as a wide near-best spread', async () => {
  // The final temperature alone cannot separate τ from the room temperature.
  const data: ReferenceData = { targets: [{ kind: 'series', variable: 'Teacup Temperature', time: [30], values: [run.final('Teacup Temperature')], weight: 1 }] };
  const r = (await calibrate(teacup, { data, params: bounds, seed: 2, starts: 6 })).result!;
  const [lo, hi] = r.nearBest.spread['Characteristic Time'];
  assert.ok(r.nearBest.starts >= 3 && hi - lo > 1, JSON.stringify(r.nearBest));
});

test('same seed, same bytes, in-process or on worker threads; problems are diagnostics', async () => {
  const data: ReferenceData = { targets: [{ kind: 'series', variable: 'Teacup Temperature', time: [5, 10], values: [150, 130], weight: 1 }] };
  const a = await calibrate(teacup, { data, params: bounds, seed: 4, starts: 3 });
  const b = await calibrate(teacup, { data, params: bounds, seed: 4, starts: 3, workers: 2, workerThreadsOnly: true });
  assert.is(calibrationJson(b.result!), calibrationJson(a.result!));
  const bad = await calibrate(teacup, { data: { file: 'd.csv', targets: [{ kind: 'series', variable: 'Tea', time: [50], values: [1], weight: 1 }] }, params: bounds });
  assert.equal(bad.diagnostics.map((d) => [d.code, d.file]), [['unknown-variable', 'd.csv'], ['data-out-of-range', 'd.csv']]);
});

test.run();
