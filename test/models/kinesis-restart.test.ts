/**
 * The restart phase of the Kinesis outage (models/kinesis-restart.yaml, and the outage model's
 * own restart pipeline with the other stocks held) shows what models/kinesis-outage.md,
 * "Tipping points in the restart", says. Every figure is checked against an independent
 * closed form: at a fixed restart rate r the pipeline's equilibrium is Booting = r·boot time
 * and r = g(Building), g(B) = B/c(B) + B·h(c(B)) the outflow of Building Servers (completions
 * and removals), c(B) = 0.4 (1 + (B/K)²) h, K = 0.069 × 4000, h(c) = 1/((e^(grace/c) − 1) c);
 * the folds are g's local extrema. Under the outage model's concurrency pacing the equilibrium
 * solves C·p = Building + 0.3 g(Building) (C = 1.15 K; dispatch 0.1 h, boot 0.2 h). The
 * tools locate folds to 1e-6 and polish states to 1e-10 of their scale; the checks allow 1e-6.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fileURLToPath } from 'node:url';
import { loadModel } from '../../src/index.js';
import { applyScenarioById } from '../../src/scenarios/index.js';
import { modelEquilibria, sweep, tippingThreshold, triggerAction, type Trigger } from '../../src/analysis/dynamics/index.js';
import { close } from '../helpers.js';

const restart = loadModel(fileURLToPath(new URL('../../models/kinesis-restart.yaml', import.meta.url)));
const outage = loadModel(fileURLToPath(new URL('../../models/kinesis-outage.yaml', import.meta.url)));

const K = 0.069 * 4000;
const g = (B: number, grace: number) => {
  const c = 0.4 * (1 + (B / K) ** 2);
  return B / c + B / (Math.expm1(grace / c) * c);
};
/** A root of a monotone function on [lo, hi] by bisection. */
function root(f: (x: number) => number, lo: number, hi: number): number {
  for (let k = 0; k < 200; k++) { const mid = (lo + hi) / 2; if (Math.sign(f(mid)) === Math.sign(f(lo))) lo = mid; else hi = mid; }
  return (lo + hi) / 2;
}
const slope = (B: number, grace: number) => (g(B * (1 + 1e-7), grace) - g(B * (1 - 1e-7), grace)) / (2e-7 * B);

test('at the outage model\'s constants (grace 1 h) the restart phase is not bistable at any rate from 50 to 3000 servers/h', () => {
  const s = sweep(restart, { parameter: 'Restart Rate', lo: 50, hi: 3000 }).sweep!;
  assert.is(s.folds.length, 0);
  assert.is(s.branches.length, 1);
  assert.ok(s.branches[0].every((p) => p.stable));
  const [e] = modelEquilibria(restart).search!.equilibria;
  close(e.stocks['Building Servers'], root((B) => g(B, 1) - 317, 0, 3000), 1e-6);
  close(e.stocks['Booting Servers'], 317 * 0.2, 1e-6);
});

test('with a 4 h health-check grace it is bistable between folds at g\'s extrema (316.95 and 347.58 servers/h)', () => {
  const s = sweep(restart, { parameter: 'Restart Rate', lo: 50, hi: 600, overrides: { 'Health Check Grace': 4 } }).sweep!;
  assert.is(s.folds.length, 2);
  const peak = root((B) => slope(B, 4), 100, K * 1.5), trough = root((B) => slope(B, 4), K * 1.5, 2000);
  close(s.folds[0].value, g(trough, 4), 1e-6 * g(trough, 4));
  close(s.folds[1].value, g(peak, 4), 1e-6 * g(peak, 4));
  close(s.folds[0].value, 316.949, 1e-3);
  close(s.folds[1].value, 347.585, 1e-3);
  const mid = modelEquilibria(restart, { overrides: { 'Health Check Grace': 4, 'Restart Rate': 330 } }).search!.equilibria;
  assert.equal(mid.map((e) => e.stable), [true, false, true]);
  for (const e of mid) close(g(e.stocks['Building Servers'], 4), 330, 1e-6);
});

test('inside the band a burst of restarts tips it into the congested state; at grace 1 h no burst does', () => {
  const trigger: Trigger = { kind: 'pulse', target: 'Restarts', duration: 0.5 };
  const tip = (overrides: Record<string, number>) => {
    const { system, search } = modelEquilibria(restart, { overrides });
    const from = search!.equilibria.find((e) => e.stable)!;
    return { th: tippingThreshold(system!, from, trigger, triggerAction(system!, trigger) as never, 10), eq: search!.equilibria };
  };
  const band = tip({ 'Health Check Grace': 4, 'Restart Rate': 330 });
  assert.ok(band.th.amplitude! > 480 && band.th.amplitude! < 500, `threshold ${band.th.amplitude}`);
  // Past the saddle, heading for the congested state (the run stops before it has fully settled).
  assert.ok(band.th.above!.end[1] > band.eq[1].stocks['Building Servers'] + 0.5 * (band.eq[2].stocks['Building Servers'] - band.eq[1].stocks['Building Servers']));
  const none = tip({});
  assert.is(none.th.amplitude, undefined);
  assert.ok(none.th.failedAt! > 1e9, 'only a burst so large the rates overflow ends the search');
});

test('a dedicated cache fleet (R5) removes the band; a faster cold start (R4) moves it up fourfold and creates it at grace 1 h', () => {
  const r5 = sweep(applyScenarioById(restart, 'dedicated-cache-fleet'), { parameter: 'Restart Rate', lo: 50, hi: 3000, overrides: { 'Health Check Grace': 4 } }).sweep!;
  assert.is(r5.folds.length, 0);
  // R4 divides every time by 4: the grace-4 folds times 4 at grace 1.
  const r4 = sweep(applyScenarioById(restart, 'faster-cold-start'), { parameter: 'Restart Rate', lo: 50, hi: 3000 }).sweep!;
  assert.equal(r4.folds.map((f) => Math.round(f.value * 100) / 100), [1267.8, 1390.34]);
});

test('the outage model\'s own pipeline, paced by concurrency, has one stable state at every pace (with --only / --freeze)', () => {
  const held = { only: ['Booting Servers', 'Building Servers'], freeze: { 'Broken Servers': 2000, 'Serving Servers': 0 } };
  for (const grace of [1, 4]) {
    const s = sweep(outage, { ...held, parameter: 'Restart Pace Factor', lo: 0.1, hi: 6, overrides: { 'Health Check Grace': grace } }).sweep!;
    assert.is(s.folds.length, 0, `grace ${grace}`);
    assert.ok(s.branches.length === 1 && s.branches[0].every((p) => p.stable));
  }
  const [e] = modelEquilibria(outage, held).search!.equilibria;
  const C = 1.15 * K;
  const B = root((b) => b + 0.3 * g(b, 1) - C, 0, C);
  close(e.stocks['Building Servers'], B, 1e-6);
  close(e.flows['Cache Completion'], B / (0.4 * (1 + (B / K) ** 2)), 1e-6);
  assert.is(e.switch, undefined);
  close(e.held['Broken Servers'].rate, -e.flows['Cache Completion'], 1e-6, 'the backlog shrinks by the goodput');
});

test.run();
