/**
 * Vensim DEPRECIATE STRAIGHTLINE read from inline .mdl texts (TIME STEP 0.5) and run. The
 * expected numbers are worked out by hand from the Vensim reference page (quoted in
 * src/builtins/depreciate.ts): an investment is returned as 1/m of it in its own fiscal
 * period and each of the m − 1 that follow (m = dtime/fisc), the current period through
 * 1/m of the current rate; everything paid is returned exactly once.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { trySimulate } from '../../../src/sim/simulate.js';
import { close } from '../../helpers.js';
import { diags, mdl } from './helpers.js';

function series(equations: string, name: string): number[] {
  const s = trySimulate(mdl(equations), {});
  if (!s.result) throw new Error(s.diagnostics.map((d) => d.message).join('; '));
  return Array.from(s.result.series(name));
}

test('DEPRECIATE STRAIGHTLINE spreads one fiscal year\'s payment over dtime, by fiscal periods', () => {
  // 4 $/Month paid for the first half-month step: 2 $ in fiscal period [0, 1). m = 2/1 = 2.
  // Period 0: 1/2 of the current rate (2, then 0); period 1: 2 $ / 2 Months = 1; then 0.
  const out = series('str = IF THEN ELSE(Time < 0.25, 4, 0) ~~|\ndep = DEPRECIATE STRAIGHTLINE(str, 2, 1, 0) ~~|', 'dep');
  assert.equal(out.slice(0, 7), [2, 0, 1, 1, 0, 0, 0]);
  // all that was paid (2 $) is depreciated: Σ dep·dt
  close(out.reduce((a, b) => a + b * 0.5, 0), 2, 1e-12);
});

test('DEPRECIATE STRAIGHTLINE with fisc = TIME STEP returns dtime/fisc equal parts, one a period', () => {
  // 6 $/Month for one step = 3 $; m = 1.5/0.5 = 3 parts of 3 $/1.5 Month = 2 $/Month each.
  const out = series('str = IF THEN ELSE(Time < 0.25, 6, 0) ~~|\ndep = DEPRECIATE STRAIGHTLINE(str, 1.5, 0.5, 0) ~~|', 'dep');
  assert.equal(out.slice(0, 5), [2, 2, 2, 0, 0]);
});

test('DEPRECIATE STRAIGHTLINE with init: a stream that stays at init gives init throughout (reference)', () => {
  const out = series('str = 3 ~~|\ndep = DEPRECIATE STRAIGHTLINE(str, 4, 1, 3) ~~|', 'dep');
  out.forEach((x, i) => close(x, 3, 1e-12, `step ${i}`));
  // with no new investment, the init history runs out linearly over dtime: 3·(m−1−k)/m
  const fading = series('str = 0 ~~|\ndep = DEPRECIATE STRAIGHTLINE(str, 4, 1, 3) ~~|', 'dep');
  assert.equal(fading.filter((_, i) => i % 2 === 0).slice(0, 5), [2.25, 1.5, 0.75, 0, 0]);
});

test('DEPRECIATE STRAIGHTLINE with the wrong number of arguments is a located error', () => {
  const d = diags('dep = DEPRECIATE STRAIGHTLINE(1, 2) ~~|');
  assert.ok(d.some((x) => x.severity === 'error' && x.line === 2 && /DEPRECIATE STRAIGHTLINE/i.test(x.message)), JSON.stringify(d));
});

test.run();
