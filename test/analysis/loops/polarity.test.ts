/** Link and loop polarity: symbolic derivatives, ceteris-paribus differences, sign changes. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { conventionalSign } from '../../../src/analysis/loops/sign.js';
import { parseEquation } from '../../../src/expr/parse.js';
import { analyse, fixture, loopOf } from './helpers.js';

const link = (l: { links: readonly { from: string; to: string; polarity: unknown }[] }, from: string, to: string) => {
  const found = l.links.find((k) => k.from === from && k.to === to);
  if (!found) throw new Error(`no link ${from} → ${to}`);
  return found.polarity;
};

test('a linear link has its polarity from structure: the derivative is a number', () => {
  const a = analyse(fixture('arms-race.yaml'));
  const b = loopOf(a, "A's Arms", 'A Changing');
  assert.equal(link(b, "A's Arms", 'A Changing'), { sign: -1, changes: false, method: 'structural' });
  assert.equal(link(b, 'A Changing', "A's Arms"), { sign: 1, changes: false, method: 'structural' });
});

test('a derivative that depends on variables is evaluated along the run', () => {
  const a = analyse(fixture('logistic.yaml'));
  const r = loopOf(a, 'Population', 'Net Birth Rate');
  // ∂(Fractional Growth Rate · Population)/∂Population = Fractional Growth Rate > 0 throughout.
  assert.equal(link(r, 'Population', 'Net Birth Rate'), { sign: 1, changes: false, method: 'symbolic' });
  assert.ok(r.polarityFromStructure);
  assert.not.ok(r.polarityChanges);
});

test('a loop whose link changes sign along the run is flagged, its polarity taken from the run', () => {
  const a = analyse(`
sim: { start: 0, stop: 60, dt: 0.25 }
stocks:
  Population: { initial: 10, inflows: [Growth] }
flows:
  Growth: { equation: "0.2 * Population * (1 - Population / 1000)" }
`);
  assert.is(a.loops.length, 1);
  const l = a.loops[0];
  const p = link(l, 'Population', 'Growth') as { sign: number; changes: boolean; method: string };
  assert.ok(p.changes, 'r(1 − 2P/K) changes sign at P = K/2');
  assert.is(p.method, 'symbolic');
  assert.not.ok(l.polarityFromStructure);
  assert.ok(l.polarityChanges, 'reinforcing below K/2, balancing above');
  const signs = new Set(Array.from(l.scores).filter((x) => x !== 0).map(Math.sign));
  assert.equal(signs, new Set([1, -1]));
});

test('links through conditionals, min/max and lookups get their sign from ceteris-paribus differences', () => {
  const a = analyse(`
sim: { start: 0, stop: 20, dt: 0.25 }
stocks:
  Backlog: { initial: 50, inflows: [Arrivals], outflows: [Service] }
flows:
  Arrivals: { equation: "10" }
  Service: { equation: "min(Backlog / 2, Capacity * Effect_of_Pressure(Backlog / 50))" }
constants:
  Capacity: { value: 12 }
lookups:
  Effect of Pressure: { points: [[0, 0.5], [1, 1], [2, 1.3]] }
`);
  const l = loopOf(a, 'Backlog', 'Service');
  assert.equal(link(l, 'Backlog', 'Service'), { sign: 1, changes: false, method: 'ceteris-paribus' });
  assert.is(l.polarity, 'balancing');
  assert.ok(l.polarityFromStructure);
});

test('a link that never acts gets the sign of its derivative under the positive-quantities convention', () => {
  const a = analyse(`
sim: { start: 0, stop: 10, dt: 1 }
stocks:
  Queue: { initial: 10, inflows: [Arrivals], outflows: [Leaving] }
flows:
  Arrivals: { equation: "1" }
  Leaving: { equation: "Queue * Gate * 0.1" }
auxiliaries:
  Gate: { equation: "step(1, 100)" }
`);
  const l = loopOf(a, 'Queue', 'Leaving');
  assert.equal(link(l, 'Queue', 'Leaving'), { sign: 1, changes: false, method: 'convention' });
  assert.is(l.polarity, 'balancing');
  assert.ok(Array.from(l.scores).every((x) => x === 0), 'the loop never acts');
});

test('conventional signs: named quantities are positive', () => {
  const sign = (t: string) => conventionalSign(parseEquation(t).expr!);
  assert.is(sign('-(a * b) / c'), -1);
  assert.is(sign('(0 - 1) * c * r'), -1);
  assert.is(sign('a - b'), undefined);
  assert.is(sign('exp(-a) + abs(b)'), 1);
  assert.is(sign('if a > 1 then 2 else 3'), 1);
  assert.is(sign('min(a, b)'), undefined);
});

test.run();
