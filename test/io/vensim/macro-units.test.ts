/**
 * Units inside a macro are written in terms of its inputs (Vensim reference, "Macros"; the
 * PINK NOISE macro declares `mean` and `mean/correlation time`): they depend on each call, so
 * the copies a call makes declare none and the unit check infers them. Real models with
 * macros (Sterman's beer game with ROUND, Forrester's Industrial Dynamics with CLIP) printed
 * one false unit-mismatch per copy.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readVensim } from '../../../src/io/vensim/index.js';
import { checkModel } from '../../../src/check.js';

const CONTROL = 'INITIAL TIME = 0 ~ week ~|\nFINAL TIME = 4 ~ week ~|\nTIME STEP = 1 ~ week ~|\nSAVEPER = 1 ~ week ~|\n';
const MACRO = `:MACRO: SMOOTHED(input, delay)
SMOOTHED = INTEG((input - SMOOTHED) / delay, input) ~ input ~|
gap = input - SMOOTHED ~ input ~|
rate = gap / delay ~ input/delay ~|
:END OF MACRO:`;

function unitWarnings(equations: string) {
  const { model, diagnostics } = readVensim(`{UTF-8}\n${MACRO}\n${equations}\n${CONTROL}`, 'm.mdl');
  assert.is(diagnostics.filter((d) => d.severity === 'error').length, 0);
  return checkModel(model!, { run: false }).filter((d) => d.code === 'unit-mismatch').map((d) => d.message);
}

test('macro variables with units in terms of the inputs check clean against the caller\'s units', () => {
  assert.equal(unitWarnings('orders = 10 ~ widgets/week ~|\nlag = 2 ~ week ~|\nexpected = SMOOTHED(orders, lag) ~ widgets/week ~|'), []);
});

test('a real unit error in the caller is still found', () => {
  const w = unitWarnings('orders = 10 ~ widgets/week ~|\nlag = 2 ~ week ~|\nexpected = SMOOTHED(orders, lag) ~ widgets ~|');
  assert.is(w.length, 1);
  assert.match(w[0], /declares widgets/);
});

test.run();
