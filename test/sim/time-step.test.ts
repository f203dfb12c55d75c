/**
 * The dt check warns once per arrayed stock: a real model with a 13×4 pipeline (Sterman's
 * beer game) would otherwise print one warning per element, 52 lines for one equation.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readVensim } from '../../src/io/vensim/index.js';
import { checkTimeStep } from '../../src/sim/time-step.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';

function warnings(equations: string) {
  const { model, diagnostics } = readVensim(`{UTF-8}\n${equations}\n${CONTROL}`, 'm.mdl');
  assert.is(diagnostics.filter((d) => d.severity === 'error').length, 0);
  return checkTimeStep(model!).filter((d) => d.code === 'dt-too-large');
}

test('an arrayed stock drained faster than 2·dt gets one warning naming its shortest element', () => {
  const w = warnings(`Slot: (s1-s3) ~~|
pipe[Slot] = INTEG(-drain[Slot], 10) ~~|
residence[Slot] = 1.5, 0.8, 1.2 ~~|
drain[Slot] = pipe[Slot] / residence[Slot] ~~|`);
  assert.is(w.length, 1);
  assert.match(w[0].message, /3 elements of 'pipe' \(shortest: 'pipe\[s2\]', stock \/ outflow = 0\.8\)/);
  assert.match(w[0].hint ?? '', /use dt = 0\.125 or smaller/);
});

test('a scalar stock keeps its own warning, and stocks slow enough for dt get none', () => {
  const w = warnings('tank = INTEG(-leak, 10) ~~|\nleak = tank / 1.5 ~~|\nslow = INTEG(-out, 10) ~~|\nout = slow / 8 ~~|');
  assert.equal(w.map((d) => d.variable), ['tank']);
  assert.match(w[0].message, /'tank' \(stock \/ outflow = 1\.5\)/);
});

test.run();
