/**
 * Loops through stateful builtins (analysis-methods.md §1.7): internal loops of smooth and
 * delay are dropped, loops through them are collapsed to the variables the modeller wrote,
 * pathways through one builtin become one loop, and previous() breaks no feedback.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { close } from '../../helpers.js';
import { analyse, loopOf } from './helpers.js';

const SUPPLY = `
name: Supply line
sim: { start: 0, stop: 40, dt: 0.25 }
stocks:
  Inventory: { initial: 100, inflows: [Production], outflows: [Shipments] }
flows:
  Production: { equation: "delay3(Production_Start, 4)" }
  Shipments: { equation: "20 + step(5, 5)" }
auxiliaries:
  Production Start: { equation: "max(0, 20 + (100 - Perceived_Inventory) / 2 + Inventory_Trend * 10)" }
  Perceived Inventory: { equation: "smooth3(Inventory, 1)" }
  Inventory Trend: { equation: "trend(Inventory, 2)" }
`;

test('loops through smooth3 and delay3 are collapsed; the builtins\' internal loops are dropped', () => {
  const a = analyse(SUPPLY);
  assert.is(a.loops.length, 2, a.loops.map((l) => l.variables.join(' → ')).join(' | '));
  const l = loopOf(a, 'Inventory', 'Perceived Inventory', 'Production Start', 'Production');
  assert.is(l.polarity, 'balancing');
  assert.equal(l.through, ['Perceived Inventory (smooth3)', 'Production (delay3)']);
  assert.is(l.stocks.length, 7, 'Inventory, 3 smooth stages, 3 delay stages');
  assert.equal(l.links.map((k) => `${k.from}→${k.to}:${k.polarity.sign}`), [
    'Inventory→Perceived Inventory:1', 'Perceived Inventory→Production Start:-1', 'Production Start→Production:1', 'Production→Inventory:1',
  ]);
  assert.is(a.partitions.length, 1);
});

test('the two pathways through trend() make one loop scored by the stronger pathway', () => {
  const a = analyse(SUPPLY);
  const l = loopOf(a, 'Inventory', 'Inventory Trend', 'Production Start', 'Production');
  assert.equal(l.through, ['Production (delay3)', 'Inventory Trend (trend)']);
  assert.not.ok(l.polarityFromStructure, 'the pathways have opposite signs');
});

test('a loop through previous() is a feedback loop scored as if the delay were instantaneous', () => {
  const a = analyse(`
sim: { start: 0, stop: 10, dt: 1 }
stocks:
  Savings: { initial: 100, inflows: [Interest] }
flows:
  Interest: { equation: "0.05 * Last_Savings" }
auxiliaries:
  Last Savings: { equation: "previous(Savings, 100)" }
`);
  const l = loopOf(a, 'Savings', 'Last Savings', 'Interest');
  assert.is(l.polarity, 'reinforcing');
  assert.equal(l.through, ['Last Savings (previous)']);
  for (let k = 2; k < a.time.length; k++) close(l.scores[k], 1, 1e-9, `isolated loop at ${a.time[k]}`);
});

test('a model without feedback has no loops and no dominance', () => {
  const a = analyse(`
sim: { start: 0, stop: 10, dt: 1 }
stocks:
  Tank: { initial: 0, inflows: [Fill] }
flows:
  Fill: { equation: "smooth(step(1, 2), 3)" }
`);
  assert.equal(a.loops, []);
  assert.equal(a.dominance, []);
});

test.run();
