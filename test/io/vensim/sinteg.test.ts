/**
 * Vensim SINTEG and X IF MISSING read from inline .mdl texts (TIME STEP 0.5) and run; the
 * expected series are stepped by hand from the reference's descriptions (quoted in
 * src/io/vensim/sinteg.ts and builtins.ts).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { trySimulate } from '../../../src/sim/simulate.js';
import { close } from '../../helpers.js';
import { diags, mdl } from './helpers.js';

function series(equations: string, name: string, n = 6): number[] {
  const s = trySimulate(mdl(equations), {});
  if (!s.result) throw new Error(s.diagnostics.map((d) => d.message).join('; '));
  return Array.from(s.result.series(name)).slice(0, n);
}

test('SINTEG with every restriction :NA: is INTEG (reference example)', () => {
  const eqs = 'r = 3 - Time ~~|\ns = SINTEG(r, 1, :NA:, :NA:, :NA:, :NA:, :NA:) ~~|\ni = INTEG(r, 1) ~~|';
  const [s, i] = [series(eqs, 's', 21), series(eqs, 'i', 21)];
  s.forEach((x, k) => close(x, i[k], 1e-12, `step ${k}`));
});

test('SINTEG keeps the level within [min, max] and on multiples of quant', () => {
  // rate 1.5/Month, dt 0.5: 0.75 a step from 0, rounded to the nearest whole number
  // (1, 2, 2.75→3, 3.75→4, …) and never above 3.5 (then 4 → 3.5, 4.25 → 4 → 3.5)
  assert.equal(series('s = SINTEG(1.5, 0, 0, 3.5, 1, :NA:, :NA:) ~~|', 's'), [0, 1, 2, 3, 3.5, 3.5]);
  // never below min: a falling level stops at 0
  assert.equal(series('s = SINTEG(-2, 2, 0, :NA:, :NA:, :NA:, :NA:) ~~|', 's'), [2, 1, 0, 0, 0, 0]);
});

test('SINTEG snaps to spec within thresh (reference: 0 whenever it would be within ±0.01)', () => {
  // 1 − 0.3·0.5 a step: 1, 0.85, 0.7, 0.55, 0.4 → within 0.45 of 0 → 0, then −0.15 → 0
  const s = series('s = SINTEG(-0.3, 1, :NA:, :NA:, :NA:, 0, 0.45) ~~|', 's');
  [1, 0.85, 0.7, 0.55, 0, 0].forEach((x, k) => close(s[k], x, 1e-12, `step ${k}`));
});

test('SINTEG inside a larger expression, or with a variable limit, is a located error', () => {
  const a = diags('s = 1 + SINTEG(1, 0, :NA:, :NA:, :NA:, :NA:, :NA:) ~~|');
  assert.ok(a.some((d) => d.severity === 'error' && d.line === 2 && /whole right-hand side/.test(d.message)), JSON.stringify(a));
  const b = diags('m = 3 + Time ~~|\ns = SINTEG(1, 0, m, :NA:, :NA:, :NA:, :NA:) ~~|');
  assert.ok(b.some((d) => d.severity === 'error' && d.line === 3 && /numbers or :NA:/.test(d.message)), JSON.stringify(b));
});

test('X IF MISSING gives its second argument where the first is :NA:', () => {
  const y = series('x = IF THEN ELSE(Time >= 1, :NA:, Time) ~~|\ny = X IF MISSING(x, 42) ~~|', 'y', 4);
  assert.equal(y, [0, 0.5, 42, 42]);
});

test.run();
