/**
 * A subscript range used as a value is the 1-based position of the element in the widest range
 * holding it (Vensim; test-models `subscript_definition`). The positions are computed once per
 * range: over n elements the reader used to rescan every range for each element (cubic in n).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readVensim } from '../../../src/io/vensim/index.js';
import { trySimulate } from '../../../src/sim/simulate.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = TIME STEP ~~|\n';

function run(equations: string) {
  const { model, diagnostics } = readVensim(`{UTF-8}\n${equations}\n${CONTROL}`, 'test.mdl');
  assert.ok(model, diagnostics.map((d) => d.message).join('; '));
  const s = trySimulate(model!);
  assert.ok(s.result, s.diagnostics.map((d) => d.message).join('; '));
  return s.result!;
}

test('a subrange used as a value counts in the widest range that holds it', () => {
  const r = run('dim : a, b, c, d ~~|\nsub : c, d ~~|\nx[sub] = sub ~~|\ny[dim] = dim * 10 ~~|');
  assert.equal([r.series('x[c]')[0], r.series('x[d]')[0]], [3, 4]);
  assert.equal(['a', 'b', 'c', 'd'].map((e) => r.series(`y[${e}]`)[0]), [10, 20, 30, 40]);
});

test('a range of 3000 elements used as a value gives every position (read in well under a second)', () => {
  const r = run('big : (e1-e3000) ~~|\nhalf : (e1501-e3000) ~~|\nx[big] = big ~~|\nh[half] = half ~~|');
  for (const i of [1, 2, 1500, 2999, 3000]) assert.is(r.series(`x[e${i}]`)[0], i);
  assert.is(r.series('h[e1501]')[0], 1501);
  assert.is(r.series('h[e3000]')[0], 3000);
});

test.run();
