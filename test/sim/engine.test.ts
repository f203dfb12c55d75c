/**
 * The whole pipeline (YAML → lower → compile → integrate) against analytic solutions:
 * measured convergence orders, adaptive accuracy, stiffness and conservation.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { close, runYaml } from '../helpers.js';

const logistic = (method: string, dt: number) => runYaml(`
sim: { start: 0, stop: 10, dt: ${dt}, saveper: 10, method: ${method} }
stocks:
  Population: { initial: 10, inflows: [Growth] }
flows:
  Growth: { equation: Rate * Population * (1 - Population / Capacity) }
constants:
  Rate: { value: 0.8 }
  Capacity: { value: 1000 }
`).final('Population');

const exactLogistic = 1000 / (1 + (1000 / 10 - 1) * Math.exp(-0.8 * 10));

test('measured convergence order is 1, 2 and 4 for euler, rk2 and rk4 on logistic growth', () => {
  for (const [method, order, dts] of [['euler', 1, [0.01, 0.005, 0.0025]], ['rk2', 2, [0.1, 0.05, 0.025]], ['rk4', 4, [0.25, 0.125, 0.0625]]] as const) {
    const errors = dts.map((dt) => Math.abs(logistic(method, dt) - exactLogistic));
    for (let i = 1; i < errors.length; i++) {
      const observed = Math.log2(errors[i - 1] / errors[i]);
      assert.ok(Math.abs(observed - order) < 0.25, `${method}: observed order ${observed.toFixed(3)}, expected ${order}`);
    }
  }
});

const oscillator = (method: string, dt: number, extra = '') => runYaml(`
sim: { start: 0, stop: 10, dt: ${dt}, saveper: 0.5, method: ${method} ${extra} }
stocks:
  Position: { initial: 1, inflows: [Velocity Change] }
  Velocity: { initial: 0, inflows: [Acceleration] }
flows:
  Velocity Change: { equation: Velocity }
  Acceleration: { equation: -Omega ^ 2 * Position }
constants:
  Omega: { value: 2 }
`);

test('rk45 stays within its tolerance on the harmonic oscillator, at every save point', () => {
  const r = oscillator('rk45', 0.5, ', rtol: 1.0e-8, atol: 1.0e-10');
  const x = r.series('Position');
  r.time.forEach((t, i) => close(x[i], Math.cos(2 * t), 1e-6, `t=${t}`));
});

test('rosenbrock is stable and accurate on a stiff model where euler blows up', () => {
  const stiff = (method: string) => `
sim: { start: 0, stop: 2, dt: 0.1, method: ${method}, rtol: 1.0e-6, atol: 1.0e-9 }
stocks:
  y: { initial: 1, inflows: [change] }
flows:
  change: { equation: -1000 * (y - cos(time)) - sin(time) }
`;
  const r = runYaml(stiff('rosenbrock'));
  const y = r.series('y');
  r.time.forEach((t, i) => close(y[i], Math.cos(t), 1e-5, `t=${t}`));
  const e = runYaml(stiff('euler'), { allowNonFinite: true }).final('y');
  assert.ok(!Number.isFinite(e) || Math.abs(e) > 1e10, `euler should blow up, got ${e}`);
});

test('a closed two-stock system conserves its total to round-off with every method', () => {
  for (const method of ['euler', 'rk2', 'rk4', 'rk45', 'rosenbrock']) {
    const r = runYaml(`
sim: { start: 0, stop: 50, dt: 0.25, method: ${method} }
stocks:
  A: { initial: 700, outflows: [Transfer], inflows: [Return] }
  B: { initial: 300, inflows: [Transfer], outflows: [Return] }
flows:
  Transfer: { equation: 0.3 * A }
  Return: { equation: 0.1 * B }
`);
    const a = r.series('A');
    const b = r.series('B');
    a.forEach((x, i) => close(x + b[i], 1000, 1e-9, `${method} t=${r.time[i]}`));
  }
});

test('save times follow saveper, including the start and the stop', () => {
  const r = runYaml('sim: { start: 2, stop: 4, dt: 0.25, saveper: 0.5 }\nauxiliaries:\n  x: { equation: time }\n');
  assert.equal(Array.from(r.time), [2, 2.5, 3, 3.5, 4]);
  assert.equal(Array.from(r.series('x')), [2, 2.5, 3, 3.5, 4]);
});

test('non-negative stocks never drain below zero and uniflows never reverse', () => {
  const r = runYaml(`
sim: { start: 0, stop: 10, dt: 0.5 }
stocks:
  Tank: { initial: 3, outflows: [Drain, Spill], non_negative: true }
  Other: { initial: 0, inflows: [Back] }
flows:
  Drain: { equation: "2" }
  Spill: { equation: "1" }
  Back: { equation: "-1", non_negative: true }
`);
  assert.ok(Array.from(r.series('Tank')).every((x) => x >= -1e-12));
  assert.is(r.final('Tank'), 0);
  // 3 → 1.5 → 0: at t = 1 the tank holds 0, so both outflows stop.
  assert.equal(Array.from(r.series('Drain')).slice(0, 4), [2, 2, 0, 0]);
  assert.equal(Array.from(r.series('Spill')).slice(0, 4), [1, 1, 0, 0]);
  // Outflows are served in the order listed: with 1 unit per time left, Drain (2) takes it all.
  const r2 = runYaml('sim: { start: 0, stop: 1, dt: 1 }\nstocks:\n  T: { initial: 1, outflows: [D, S], non_negative: true }\nflows:\n  D: { equation: "2" }\n  S: { equation: "1" }\n');
  assert.equal([r2.series('D')[0], r2.series('S')[0]], [1, 0]);
  assert.equal(Array.from(r.series('Back')), new Array(21).fill(0));
});

test('a non-negative stock with a negative inflow stays at zero, and the inflow reports what it took', () => {
  const r = runYaml(`
sim: { start: 0, stop: 20, dt: 0.5 }
stocks:
  Tank: { initial: 10, inflows: [Change], non_negative: true }
  Other: { initial: 10, inflows: [Change] }
flows:
  Change: { equation: "if time > 10 then time else -time" }
`);
  const tank = Array.from(r.series('Tank'));
  assert.ok(tank.every((x) => x >= -1e-12), 'the stock never goes negative');
  assert.is(tank[10], 0);
  // From t = 10.5 the inflow turns positive and fills the tank again.
  assert.ok(r.final('Tank') > 0);
});

test('a flow with a graphical function is cut after the function', () => {
  const r = runYaml(`
sim: { start: 0, stop: 4, dt: 1 }
stocks:
  Tank: { initial: 1, outflows: [Drain], non_negative: true }
flows:
  Drain: { equation: time, lookup: { points: [[0, 5], [10, 5]] } }
`);
  assert.equal(Array.from(r.series('Drain')), [1, 0, 0, 0, 0]);
});

test.run();
