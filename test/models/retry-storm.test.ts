/**
 * The retry-storm model (models/retry-storm.yaml) shows what models/retry-storm.md says:
 * bistable at Metafor's load (lambda = 9.5), folds bounding the metastable band, a small
 * spike that tips it, and which interventions remove the bad state. Fold values are this
 * model's own (regression values from `stockflow sweep`, located to 1e-6); the assertions
 * allow 1e-4 so that a change to the continuation's step control does not fail them.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fileURLToPath } from 'node:url';
import { loadModel } from '../../src/index.js';
import { applyScenarioById } from '../../src/scenarios/index.js';
import { findEquilibria, modelEquilibria, multistableRanges, restingState, sweep, tippingThreshold, triggerAction, type Trigger } from '../../src/analysis/dynamics/index.js';
import { close } from '../helpers.js';

const model = loadModel(fileURLToPath(new URL('../../models/retry-storm.yaml', import.meta.url)));
const stableStates = (id?: string) => modelEquilibria(id ? applyScenarioById(model, id) : model).search!.equilibria.filter((e) => e.stable);

test('at lambda = 9.5 the server has a good state, a metastable bad state, and a saddle between', () => {
  const { equilibria } = modelEquilibria(model).search!;
  assert.equal(equilibria.map((e) => e.stable), [true, false, true]);
  const [good, , bad] = equilibria;
  close(good.stocks.Queue, 19, 0.1, 'the M/M/1 mean queue rho/(1-rho)');
  assert.ok(good.auxiliaries.Goodput > 9.49, 'the good state serves nearly every request in time');
  assert.ok(bad.stocks.Queue > 80 && bad.auxiliaries.Goodput < 0.01, 'the bad state serves almost nothing in time');
  assert.ok(bad.auxiliaries['Offered Load'] > 12, 'retries keep the offered load above capacity');
});

test('the metastable band in arrival rate lies between two folds, around Metafor\'s lambda = 9.5', () => {
  const s = sweep(model, { parameter: 'Arrival Rate', lo: 4, hi: 11 }).sweep!;
  assert.equal(s.folds.map((f) => Math.round(f.value * 1e4) / 1e4), [6.133, 9.5606]);
  const [band] = multistableRanges(s);
  close(band.from, 6.13300947, 1e-4);
  close(band.to, 9.56062019, 1e-4);
});

test('a spike of 0.62 extra requests/s for 10 s tips the server into the retry storm', () => {
  const built = modelEquilibria(model);
  const s = built.system!;
  const good = restingState(s, built.search!.equilibria.filter((e) => e.stable))!;
  const t: Trigger = { kind: 'pulse', target: 'Arrivals', duration: 10 };
  const th = tippingThreshold(s, good, t, triggerAction(s, t) as never, 0.5);
  close(th.amplitude!, 0.6204, 1e-3);
  assert.ok(th.above!.end[0] > 80, 'it stays in the bad state after the spike');
});

test('load shedding and deadline propagation remove the bad state; backoff, a retry budget and more capacity only move the fold', () => {
  for (const id of ['load-shedding', 'deadline-propagation']) assert.is(stableStates(id).length, 1, id);
  for (const id of ['backoff', 'retry-budget', 'more-capacity']) assert.is(stableStates(id).length, 2, id);
  const shed = findEquilibria(modelEquilibria(applyScenarioById(model, 'load-shedding'), { overrides: { 'Arrival Rate': 11 } }).system!).equilibria;
  assert.ok(shed.every((e) => e.auxiliaries['Timeout Fraction'] < 0.01), 'even overloaded, nothing admitted times out');
});

test.run();
