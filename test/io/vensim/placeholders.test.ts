/**
 * `A FUNCTION OF(…)`: Vensim writes it for a variable drawn with its causes but given no
 * equation yet, and such a model does not simulate. Sterman's demand–supply model as PySD's
 * tests keep it has the placeholder and, after it, the variable's real equation.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readVensim } from '../../../src/io/vensim/index.js';
import { trySimulate } from '../../../src/sim/simulate.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 2 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
const read = (equations: string) => readVensim(`{UTF-8}\n${equations}\n${CONTROL}`, 'm.mdl');

test('a placeholder beside the real equation is dropped: the equation is used, without a warning', () => {
  const { model, diagnostics } = read('Input = A FUNCTION OF( ) ~~|\nInput = 1 + STEP(1, 1) ~~|\norders = 10 * Input ~~|');
  assert.equal(diagnostics.map((d) => d.message), []);
  assert.equal(Array.from(trySimulate(model!).result!.series('orders')), [10, 20, 20]);
});

test('a variable with only the placeholder is a located error naming it, and nothing else is reported', () => {
  const { model, diagnostics } = read('price = 3 ~~|\ndemand = A FUNCTION OF(price) ~~|\nsales = demand * 2 ~~|');
  assert.is(model, undefined);
  assert.equal(diagnostics.map((d) => [d.code, d.variable, d.line]), [['incomplete-equation', 'demand', 3]]);
  assert.match(diagnostics[0].message, /has no equation: A FUNCTION OF/);
});

test.run();
