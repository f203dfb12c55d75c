/**
 * Tipping triggers against closed forms. A short pulse of harvest tips the Allee population
 * from K = 100 once it removes the K − A = 80 between it and the unstable threshold A = 20
 * (for a pulse of duration D the growth during the pulse adds O(D): 1% here). The recovery
 * time from a small pulse in the logistic model is ln(100)/r, the time to decay to 1% of the
 * displacement at rate r (2% for the nonlinearity of a 1% displacement and the interpolation).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { applyTrigger, findEquilibria, recoveryCurve, tippingThreshold, triggerAction, type Trigger } from '../../../src/analysis/dynamics/index.js';
import { close } from '../../helpers.js';
import { system } from './fixtures.js';

test('a short harvest pulse tips the Allee population once it removes K − A', () => {
  const s = system('allee');
  const k = findEquilibria(s).equilibria[2];
  const t: Trigger = { kind: 'pulse', target: 'Harvest', duration: 0.01 };
  const th = tippingThreshold(s, k, t, triggerAction(s, t) as never, 100);
  close(th.amplitude! * t.duration, 80, 0.8);
  assert.ok(th.above!.end[0] < 1, 'tips to extinction');
  assert.ok(Math.abs(th.below!.end[0] - 100) < 0.1, 'just below it returns to K');
});

test('a step of a constant is a trigger too: raising the harvest for a while', () => {
  const s = system('allee');
  const k = findEquilibria(s).equilibria[2];
  const t: Trigger = { kind: 'step', target: 'Harvest Rate', duration: 2 };
  const th = tippingThreshold(s, k, t, triggerAction(s, t) as never, 10);
  assert.ok(th.amplitude! > 0 && th.amplitude! < 200, String(th.amplitude));
  assert.is(findEquilibria(s).equilibria.length, 3, 'the constant is restored after the trigger');
});

test('recovery time from a small pulse is ln(100)/r and grows as the Allee fold nears', () => {
  const s = system('logistic');
  const k = findEquilibria(s).equilibria[1];
  const t: Trigger = { kind: 'pulse', target: 'Net Growth', duration: 0.01 };
  const r = applyTrigger(s, k, t, triggerAction(s, t) as never, 100);
  assert.is(r.tipped, false);
  close(r.recovery!, Math.log(100) / 0.5, 0.02 * Math.log(100) / 0.5);
  const allee = system('allee');
  const top = findEquilibria(allee).equilibria[2];
  const h: Trigger = { kind: 'pulse', target: 'Harvest', duration: 0.1 };
  const curve = recoveryCurve(allee, top, h, 20, allee.constantSlot('Harvest Rate')!, [0, 20, 40, 50, 52, 55]);
  const times = curve.filter((c) => c.recovery !== undefined).map((c) => c.recovery!);
  assert.ok(times.length >= 4);
  for (let i = 1; i < times.length; i++) assert.ok(times[i] > times[i - 1], `recovery grows: ${times}`);
  assert.is(curve[curve.length - 1].stable, false, 'past the fold at 52.51 there is no upper state');
});

test('a trigger naming something else is refused', () => {
  const s = system('allee');
  assert.type(triggerAction(s, { kind: 'pulse', target: 'Harvest Rate', duration: 1 }), 'string');
  assert.type(triggerAction(s, { kind: 'step', target: 'Harvest', duration: 1 }), 'string');
});

test.run();
