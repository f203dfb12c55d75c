/**
 * Vensim VECTOR LOOKUP(vec[first element], x, xmin, xmax, mode) read from an inline .mdl and
 * run, in all ten modes of the reference page. The vector 0, 10, 20, 10 over xmin 0 to xmax 6
 * puts its points at x = 0, 2, 4, 6; every expected value is worked out by hand from those.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { trySimulate } from '../../../src/sim/simulate.js';
import { diags, mdl } from './helpers.js';

const NA = -(2 ** 109);

function values(calls: [string, number][]): number[] {
  const eqs = ['s: (s1-s4) ~~|', 'vec[s] = 0, 10, 20, 10 ~~|',
    ...calls.map(([x, mode], i) => `v${i} = VECTOR LOOKUP(vec[s1], ${x}, 0, 6, ${mode}) ~~|`)].join('\n');
  const r = trySimulate(mdl(eqs), {});
  if (!r.result) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return calls.map((_, i) => r.result!.series(`v${i}`)[0]);
}

test('modes 0, 2, 3, 4: lookup, backward, extrapolate, forward', () => {
  assert.equal(values([['2.5', 0], ['7', 0], ['-1', 0], ['3', 2], ['3', 4], ['7', 3], ['-1', 3]]), [12.5, 10, 0, 10, 20, 5, -5]);
});

test('modes 1 and 7: area from xmin, held or extrapolated beyond the points', () => {
  // 0..2: 10, 2..3: (10 + 15)/2 = 12.5; 0..6: 10 + 30 + 30 = 70, then 10 a unit held;
  // extrapolated: the last segment's slope −5 continues (70 + 10 − 2.5), and below xmin the
  // line 5x gives −∫ from −1 to 0 of 5x = 2.5
  assert.equal(values([['3', 1], ['7', 1], ['7', 7], ['-1', 7]]), [22.5, 80, 77.5, 2.5]);
});

test('modes 5 and 8: invert, with :NA: or the continued end segments outside the y values', () => {
  assert.equal(values([['15', 5], ['5', 5], ['25', 5], ['-10', 8], ['5', 8], ['25', 8]]), [3, 1, NA, -2, 1, NA]);
});

test('modes 6 and 9: slope of the segment holding x, 0 or the end slope beyond the points', () => {
  assert.equal(values([['3', 6], ['2', 6], ['7', 6], ['8', 9], ['-1', 9]]), [5, 5, 0, -5, 5]);
});

test('VECTOR LOOKUP with a mode outside 0–9 or a scalar vector is a located error', () => {
  const a = diags('s: (s1-s4) ~~|\nvec[s] = 1 ~~|\nv = VECTOR LOOKUP(vec[s1], 1, 0, 6, 12) ~~|');
  assert.ok(a.some((d) => d.severity === 'error' && d.line === 4 && /no mode 12/.test(d.message)), JSON.stringify(a));
  const b = diags('k = 1 ~~|\nv = VECTOR LOOKUP(k, 1, 0, 6, 0) ~~|');
  assert.ok(b.some((d) => d.severity === 'error' && d.line === 3 && /subscripted variable/.test(d.message)), JSON.stringify(b));
});

test.run();
