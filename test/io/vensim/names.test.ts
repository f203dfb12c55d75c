/**
 * Names that are ordinary in Vensim but special in the native language. Vensim's clock is
 * Time, INITIAL TIME, FINAL TIME, TIME STEP and SAVEPER (Vensim reference, "Simulation
 * control"); `dt`, `e` and `pi` are names a model may give its own variables, as real models
 * do (Oliva and Fiddaman's THEIL statistics module defines `dt = TIME STEP`).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readVensim } from '../../../src/io/vensim/index.js';
import { trySimulate } from '../../../src/sim/simulate.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 2 ~~|\nTIME STEP = 0.5 ~~|\nSAVEPER = 1 ~~|\n';

function run(equations: string) {
  const { model, diagnostics } = readVensim(`{UTF-8}\n${equations}\n${CONTROL}`, 'm.mdl');
  const errors = diagnostics.filter((d) => d.severity === 'error');
  assert.is(errors.length, 0, errors.map((d) => d.message).join('; '));
  const { result } = trySimulate(model!);
  return (name: string) => Array.from(result!.series(name));
}

test('a variable named dt is the model\'s own, apart from the time step', () => {
  const series = run('dt = TIME STEP * 4 ~~|\ncount = INTEG(1 / dt, 0) ~~|\nstep = TIME STEP ~~|');
  // dt = 2, so count grows by 1/2 per unit of time; TIME STEP itself stays 0.5.
  assert.equal(series('count'), [0, 0.5, 1]);
  assert.equal(series('step'), [0.5, 0.5, 0.5]);
  assert.equal(series('dt (variable)'), [2, 2, 2]);
});

test('variables named e and pi are read, not the constants of the same names', () => {
  const series = run('e = 2 ~~|\npi = 3 ~~|\ntotal = e + pi ~~|\nalso = EXP(1) ~~|');
  assert.equal(series('total'), [5, 5, 5]);
  assert.equal(series('also')[0], Math.E);
});

test.run();
