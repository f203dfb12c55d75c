/**
 * Vensim DELAY CONVEYOR with a constant leak rate, read from its reference page (Vensim
 * reference, fn_delay_conveyor.html): "When leak is nonzero then the amount of material is
 * decreased proportionally across the entire conveyor, including newly added input. If you
 * want to compute the quantity of leakage in a conveyor it is given by: total leakage =
 * ahead level * leak rate, ahead level = convey total + TIME STEP*(input - convey out),
 * convey total = INTEG(input - convey out - total leakage, init stuff), convey out = DELAY
 * CONVEYOR(input, ctime, leak rate, icp, init stuff, ctime)". The tests run those very
 * equations beside the conveyor: the level must hold exactly what is still on the belt, so
 * it empties to 0 when the last batch has left.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readVensim } from '../../../src/io/vensim/index.js';
import { trySimulate } from '../../../src/sim/simulate.js';
import { close } from '../../helpers.js';
import { cli, tempFile } from '../../cli/cli-helpers.js';

/** The reference's leakage equations around a conveyor fed by `input`, run to `stop`. */
function text(input: string, ctime: number, leak: number, init: number, dt: number, stop: number): string {
  return `{UTF-8}
input = ${input} ~~|
flat((0, 1), (1, 1)) ~~|
convey out = DELAY CONVEYOR(input, ${ctime}, ${leak}, flat, ${init}, ${ctime}) ~~|
total leakage = ahead level * ${leak} ~~|
ahead level = convey total + TIME STEP * (input - convey out) ~~|
convey total = INTEG(input - convey out - total leakage, ${init}) ~~|
INITIAL TIME = 0 ~~|
FINAL TIME = ${stop} ~~|
TIME STEP = ${dt} ~~|
SAVEPER = TIME STEP ~~|
`;
}

function run(mdl: string): (name: string) => number[] {
  const { model, diagnostics } = readVensim(mdl, 'conveyor.mdl');
  const errors = diagnostics.filter((d) => d.severity === 'error');
  assert.is(errors.length, 0, errors.map((d) => d.message).join('; '));
  const s = trySimulate(model!, {});
  return (name) => Array.from(s.result!.series(name));
}

test('a batch loses the leak fraction each step it rides, the step it enters included: 100 through 3 steps at 0.1 arrives as 72.9', () => {
  // 30 units on the belt at the start, 10 a time unit over ctime 3: they arrive as 10, 9, 8.1
  // (each slat has leaked once more); the 100 put on at time 0 leaks 10, 9, 8.1 and arrives at 3
  const series = run(text('100 * PULSE(0, 1)', 3, 0.1, 30, 1, 6));
  const out = series('convey out');
  [10, 9, 8.1, 72.9, 0, 0, 0].forEach((x, i) => close(out[i], x, 1e-12, `time ${i}`));
  const leaked = series('total leakage');
  [12, 9.9, 8.1].forEach((x, i) => close(leaked[i], x, 1e-12, `leakage at ${i}`));
  series('convey total').slice(4).forEach((x) => close(x, 0, 1e-12, 'the belt is empty'));
});

test('with TIME STEP 0.25 and a steady input the reference\'s level holds what is on the belt and empties to 0', () => {
  // input 8 until time 3, then 0: g = 1 − 0.2·0.25 = 0.95 a step, N = 2/0.25 = 8 steps
  const series = run(text('8 - STEP(8, 3)', 2, 0.2, 6, 0.25, 8));
  const out = series('convey out');
  close(out[0], 3, 1e-12);
  close(out[3], 3 * 0.95 ** 3, 1e-12);
  close(out[8], 8 * 0.95 ** 8, 1e-12);
  const total = series('convey total');
  assert.ok(total.every((x) => x > -1e-9));
  total.slice(20).forEach((x, i) => close(x, 0, 1e-9, `empty at step ${20 + i}`));
  // all that entered or was on the belt has left or leaked: 6 + 8·3 = Σ (out + leakage)·dt
  const leaked = series('total leakage');
  close(out.reduce((a, x, i) => a + (x + leaked[i]) * 0.25, 0), 30, 1e-9);
});

test('the CLI runs a leaking conveyor', () => {
  const file = tempFile('conveyor.mdl', text('100 * PULSE(0, 1)', 3, 0.1, 0, 1, 4));
  const r = cli('run', file, '--vars', 'convey out');
  assert.is(r.code, 0, r.stderr);
  const out = r.stdout.trim().split('\n').slice(1).map((l) => Number(l.split(',')[1]));
  [0, 0, 0, 72.9, 0].forEach((x, i) => close(out[i], x, 1e-9, `time ${i}`));
});

test('a leak the reference cannot mean is refused where it is written: negative (it adds material), or more than the belt holds in a TIME STEP', () => {
  // leak 3 at TIME STEP 0.5 keeps 1 − 1.5 = −0.5 of a batch each step, so the outflow changes sign with the steps ridden
  for (const [leak, dt, what] of [[-0.1, 1, /a leak rate of -0\.1 \(negative\) would add material/], [3, 0.5, /a leak rate of 3 takes 1\.5 of the contents in one TIME STEP of 0\.5/]] as const) {
    const d = readVensim(text('10', 2, leak, 0, dt, 4), 'conveyor.mdl').diagnostics.filter((x) => x.severity === 'error');
    assert.is(d.length, 1, d.map((x) => x.message).join('; '));
    assert.is(d[0].code, 'bad-argument');
    assert.is(d[0].variable, 'convey out');
    assert.is(d[0].file, 'conveyor.mdl');
    assert.is(d[0].line, 4);
    assert.match(d[0].message, what);
  }
  // all of it in one step is still a conveyor: everything leaks, nothing arrives
  const out = run(text('100', 2, 1, 0, 1, 4))('convey out');
  assert.equal(out, [0, 0, 0, 0, 0]);
});

test.run();
