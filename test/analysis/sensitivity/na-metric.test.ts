/**
 * A sensitivity metric that reads a Vensim data variable without data measures :NA: (−2^109)
 * and what is computed from it; the run says so instead of ranking parameters by 1e33 silently.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli, tempFile } from '../../cli/cli-helpers.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
const model = `{UTF-8}\nnone ~~|\nk = 1 ~~|\nout = none * k + Level ~~|\nLevel = INTEG(k, 0) ~~|\n${CONTROL}`;

test('sensitivity of a metric computed from :NA: warns, naming the metric and how many runs', () => {
  const file = tempFile('m.mdl', model);
  const r = cli('sensitivity', file, '--param', 'k=1:2', '--metric', 'out:final', '--design', 'oat');
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /warning\[missing-values\] the metric out:final is of the size of Vensim's :NA: \(magnitude ≥ 2\^109 ≈ 6\.5e32\) in 6 of 6 runs/);
});

test('a metric that does not read :NA: gives no such warning', () => {
  const file = tempFile('m.mdl', model);
  const r = cli('sensitivity', file, '--param', 'k=1:2', '--metric', 'Level:final', '--design', 'oat');
  assert.is(r.code, 0, r.stderr);
  assert.not.match(r.stderr, /missing-values/);
});

test.run();
