/**
 * Vensim NPVE (at the end) and DEPRECIATE STRAIGHTLINE read from inline .mdl texts (TIME STEP 0.5) and run. The
 * expected numbers are worked out by hand from the Vensim reference page (quoted in
 * src/builtins/depreciate.ts): an investment is returned as 1/m of it in its own fiscal
 * period and each of the m − 1 that follow (m = dtime/fisc), the current period through
 * 1/m of the current rate; everything paid is returned exactly once.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readVensim } from '../../../src/io/vensim/index.js';
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

// NPVE (Vensim reference, fn_npve.html): MYNPVE = (NPV ACCUM + stream·TIME STEP·df)·factor,
// NPV ACCUM = INTEG(stream·df, init val), df = INTEG(−df·rate/(1 + rate·TIME STEP),
// 1/(1 + rate·TIME STEP)). "The stream is valued at the end of the period … the same set of
// assumptions that Excel uses": with TIME STEP 1, NPVE at time t is Excel's NPV(rate, s, …, s)
// over t + 1 periods, Σ_{k=1..t+1} s/(1 + rate)^k.
function npve(equations: string, name: string, dt = 1): number[] {
  const control = `INITIAL TIME = 0 ~~|\nFINAL TIME = 3 ~~|\nTIME STEP = ${dt} ~~|\nSAVEPER = TIME STEP ~~|`;
  const { model, diagnostics } = readVensim(`{UTF-8}\n${equations}\n${control}`, 'npve.mdl');
  if (!model) throw new Error(diagnostics.map((d) => d.message).join('; '));
  return Array.from(trySimulate(model, {}).result!.series(name));
}

test('NPVE values the stream at the end of each period, as Excel\'s NPV does (reference)', () => {
  const excel = (t: number) => Array.from({ length: t + 1 }, (_, k) => 100 / 1.1 ** (k + 1)).reduce((a, b) => a + b, 0);
  const out = npve('cash flow = 100 ~~|\nrate = 0.1 ~~|\nv = NPVE(cash flow, rate, 0, 1) ~~|', 'v');
  out.forEach((x, t) => close(x, excel(t), 1e-9, `time ${t}`));
  close(out[1], 100 / 1.1 + 100 / 1.21, 1e-9);
});

test('NPVE with the reference\'s factor (1 + rate·TIME STEP)^((Time − INITIAL TIME)/TIME STEP) is the value at Time', () => {
  const eqs = 'cash flow = 100 ~~|\nrate = 0.1 ~~|\nv = NPVE(cash flow, rate, 0, (1 + rate * TIME STEP) ^ ((Time - INITIAL TIME) / TIME STEP)) ~~|';
  // at Time t: Σ_{k=0..t} 100·1.1^(t−k)/1.1 = 100·(1.1^(t+1) − 1)/(0.1·1.1)
  npve(eqs, 'v').forEach((x, t) => close(x, (100 * (1.1 ** (t + 1) - 1)) / 0.11, 1e-9, `time ${t}`));
});

test('NPVE with an initial value and TIME STEP 0.5: the first discount factor is 1/(1 + rate·dt)', () => {
  // df0 = 1/1.05; t = 0: (5 + 100·0.5/1.05)·2; t = 0.5: (5 + 50/1.05 + 50/1.05²)·2
  const out = npve('v = NPVE(100, 0.1, 5, 2) ~~|', 'v', 0.5);
  close(out[0], (5 + 50 / 1.05) * 2, 1e-9);
  close(out[1], (5 + 50 / 1.05 + 50 / 1.05 ** 2) * 2, 1e-9);
});

test('NPVE with the wrong number of arguments is a located error', () => {
  const d = diags('v = NPVE(1, 2, 3) ~~|').find((x) => x.severity === 'error');
  assert.is(d?.code, 'wrong-arity');
  assert.is(d?.line, 2);
});

test.run();
