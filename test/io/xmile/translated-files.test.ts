/**
 * What files translated from Vensim to XMILE (by xmutil, Ventana's converter, whose output
 * Stella opens) carry beyond XMILE 1.0 §3.5: NPV(stream, rate, initial, factor), which
 * Stella also has; Vensim's MODULO, the remainder with the sign of the dividend (MODULO(−10,
 * 3) = −1, where XMILE MOD is floored and gives 2); and the mark xmutil leaves before a
 * function it could not translate, `{Untranslated function used}LOOKUP BACKWARD(g, 2)`; and
 * Vensim's SAVEPER as an `<isee:save_interval>` element of `<sim_specs>` (Stella writes the
 * attribute `isee:save_interval`).
 *
 * NPV by hand, stream 100 from the start, rate 0.1 per time unit, dt 1: the discount factor
 * is 1, 1/1.1, 1/1.21, …, and the value at time t is the sum of stream·factor up to and
 * including t: 100, 100 + 90.909 = 190.909, 190.909 + 82.645 = 273.554.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFails, readOk, run, xmileDoc } from './helpers.js';

test('NPV discounts a stream at a rate per time unit, from the start time', () => {
  const r = run(readOk(xmileDoc(`
  <aux name="stream"><eqn>100</eqn></aux>
  <aux name="v"><eqn>NPV(stream, 0.1)</eqn></aux>
  <aux name="w"><eqn>NPV(stream, 0.1, 10, 2)</eqn></aux>`)));
  const v = Array.from(r.series('v')).slice(0, 3);
  [100, 100 + 100 / 1.1, 100 + 100 / 1.1 + 100 / 1.21].forEach((x, k) => assert.ok(Math.abs(v[k] - x) < 1e-9, `${v[k]} vs ${x}`));
  // initial 10 added to the sum, all times factor 2
  assert.ok(Math.abs(r.series('w')[1] - 2 * (10 + 100 + 100 / 1.1)) < 1e-9);
});

test('MODULO keeps the sign of the dividend; MOD is floored', () => {
  const r = run(readOk(xmileDoc(`
  <aux name="m"><eqn>MODULO(-10, 3)</eqn></aux>
  <aux name="n"><eqn>MOD(-10, 3)</eqn></aux>
  <aux name="p"><eqn>MODULO(TIME, 3)</eqn></aux>`)));
  assert.is(r.series('m')[0], -1);
  assert.is(r.series('n')[0], 2);
  assert.equal(Array.from(r.series('p')), [0, 1, 2, 0, 1]);
});

test("xmutil's untranslated-function mark is a located error naming the function", () => {
  const d = readFails(xmileDoc(`
  <aux name="g"><eqn>0+0</eqn><gf><xpts>0,1,2</xpts><ypts>0,1,2</ypts></gf></aux>
  <aux name="back"><eqn>{Untranslated function used}LOOKUP BACKWARD(g, 2)</eqn></aux>`));
  const u = d.find((x) => x.code === 'untranslated-function');
  assert.ok(u && /'LOOKUP BACKWARD'/.test(u.message) && u.line && /\.mdl/.test(u.hint ?? ''), d.map((x) => `${x.code} ${x.message}`).join('\n'));
});

test('the mark before a function the reader knows is only a comment', () => {
  const r = run(readOk(xmileDoc('<aux name="x"><eqn>{Untranslated function used}ABS(-2)</eqn></aux>')));
  assert.is(r.series('x')[0], 2);
});

test("the save interval as xmutil writes it, an <isee:save_interval> element, sets the save period", () => {
  const sim = '<sim_specs method="Euler"><start>0</start><stop>4</stop><dt>0.5</dt><isee:save_interval>2</isee:save_interval><time_units>Day</time_units></sim_specs>';
  const m = readOk(xmileDoc('<aux name="x"><eqn>TIME</eqn></aux>', { sim }));
  assert.is(m.sim.saveper, 2);
  assert.is(m.sim.timeUnit, 'Day');
  assert.equal(Array.from(run(m).time), [0, 2, 4]);
});

test.run();
