/**
 * Vensim "holds all exogenous and test inputs (STEP, PULSE and RAMP) constant over the
 * integration interval" (Vensim Help, "Runge-Kutta Integration"), and "regardless of the
 * integration technique you use, TIME STEP remains an important determinant of when to compute
 * exogenous values". So a .mdl run with fixed RK4 or RK2 (from its settings block or from
 * --method) reads STEP, PULSE, RAMP and PULSE TRAIN at the start of each TIME STEP through every
 * stage. Native and XMILE models read them at each stage's time unless `hold_inputs: true`.
 *
 * The figures come from the linear equation itself, not from the engine: with the input held at
 * u over a step of h, Level' = u − 2·Level moves Level − u/2 by the method's amplification
 * factor R(−2h), R(z) = 1 + z + z²/2 + z³/6 + z⁴/24 for RK4 and 1 + z + z²/2 for a two-stage
 * method of order 2 (Hairer–Nørsett–Wanner, "Solving ODEs I", §IV.2), while u/2 is kept exactly.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { readVensim } from '../../../src/io/vensim/index.js';
import { writeNative } from '../../../src/io/native-write.js';
import { readXmile } from '../../../src/io/xmile/read.js';
import { writeXmile } from '../../../src/io/xmile/write.js';
import { readModelFile } from '../../../src/io/load.js';
import { trySimulate } from '../../../src/sim/simulate.js';
import type { Model } from '../../../src/model/types.js';
import { cli, tempDir } from '../../cli/cli-helpers.js';

const SKETCH = '\\\\\\---/// Sketch information - do not modify anything except names\nV300  Do not put anything below this section - it will be ignored\n*View 1\n$0-0-0,0,|0||0-0-0|0-0-0|0-0-0|0-0-0|0-0-0|0,0,100,0\n///---\\\\\\\n';

/** Level' = inflow − 2·Level from 0, for t = 0…5; `code` is the settings block's integration type (4 RK2, 5 RK4, 0 Euler). */
function mdl(inflow: string, code: number, dt = 1, drain = '2 * Level'): string {
  return `{UTF-8}\nLevel = INTEG(Inflow - Drain, 0) ~ Widget ~|\nInflow = ${inflow} ~ Widget/Month ~|\nDrain = ${drain} ~ Widget/Month ~|\n`
    + `INITIAL TIME = 0 ~ Month ~|\nFINAL TIME = 5 ~ Month ~|\nTIME STEP = ${dt} ~ Month ~|\nSAVEPER = 1 ~ Month ~|\n`
    + `${SKETCH}:L\x7f<%^E!@\n1:Current.vdf\n15:0,0,0,${code},0,0\n`;
}

function read(text: string): Model {
  const { model, diagnostics } = readVensim(text, 'held.mdl');
  assert.ok(model, diagnostics.map((d) => d.message).join('; '));
  return model!;
}

function level(model: Model, method?: string): number[] {
  const run = trySimulate(model, method ? { method } : {});
  assert.ok(run.result, run.diagnostics.map((d) => d.message).join('; '));
  return Array.from(run.result!.series('Level'));
}

const rk4Factor = (z: number) => 1 + z + z ** 2 / 2 + z ** 3 / 6 + z ** 4 / 24;
const rk2Factor = (z: number) => 1 + z + z ** 2 / 2;

/** Level at t = 0…5 (every 1/h steps) with the input held at u(t_k) over each step [t_k, t_k + h]. */
function heldRecurrence(u: (t: number) => number, factor: number, h: number): number[] {
  const out = [0];
  let y = 0;
  const steps = Math.round(5 / h);
  for (let k = 0; k < steps; k++) {
    const uk = u(k * h);
    y = uk / 2 + (y - uk / 2) * factor;
    if ((k + 1) % Math.round(1 / h) === 0) out.push(y);
  }
  return out;
}

/** STEP(10, 2) + PULSE(3, 1) read at time t (Vensim's PULSE is 1 while 3 ≤ t + dt/2 < 4). */
const docInput = (t: number) => (t >= 2 ? 10 : 0) + (t >= 3 && t < 4 ? 1 : 0);

const close = (got: number[], want: number[], tol: number, what: string) =>
  want.forEach((w, i) => assert.ok(Math.abs(got[i] - w) < tol, `${what} at t=${i}: ${got[i]} vs ${w}`));

test('a .mdl set to RK4 Fixed holds STEP and PULSE over each TIME STEP: the doc example by the RK4 factor R(−2) = 1/3', () => {
  const model = read(mdl('STEP(10, 2) + PULSE(3, 1)', 5));
  assert.is(model.sim.method, 'rk4');
  assert.is(model.sim.holdInputs, true);
  assert.ok(Math.abs(rk4Factor(-2) - 1 / 3) < 1e-15);
  // 0, 0, 0, 10/3, 43/9, 133/27: the step at t = 2 does not leak into [1, 2] through the last stage.
  const want = heldRecurrence(docInput, 1 / 3, 1);
  close(want, [0, 0, 0, 10 / 3, 43 / 9, 133 / 27], 1e-12, 'the hand recurrence');
  close(level(model), want, 1e-12, 'RK4 Fixed');
});

test('with a small TIME STEP RK4 Fixed follows the exact solution with held inputs, and without holding it would not', () => {
  // Held per TIME STEP the inflow is 0 on [0, 2], 10 on [2, 3], 11 on [3, 4], 10 on [4, 5], so
  // exactly L(3) = 5(1 − e^−2), L(4) = 5.5 + (L(3) − 5.5)e^−2, L(5) = 5 + (L(4) − 5)e^−2.
  const e2 = Math.exp(-2);
  const l3 = 5 * (1 - e2);
  const l4 = 5.5 + (l3 - 5.5) * e2;
  const exact = [0, 0, 0, l3, l4, 5 + (l4 - 5) * e2];
  const model = read(mdl('STEP(10, 2) + PULSE(3, 1)', 5, 1 / 16));
  // RK4's error over a step of 1/16 is about z^5/120 = (2/16)^5/120 ≈ 2.5e−7 of the distance to
  // u/2 (≤ 5.5), and at most 16 steps have passed since the last switch: ≤ 2.3e−5 in all.
  close(level(model), exact, 2.3e-5, 'RK4 Fixed, TIME STEP 1/16');
  // Evaluated at each stage's time, the last stage of the step ending at t = 2 already sees the
  // step: Level(2) = (1/16)·10/6 ≈ 0.104, where Vensim keeps 0.
  const staged = level({ ...model, sim: { ...model.sim, holdInputs: false } });
  assert.ok(Math.abs(staged[2] - 10 / 96) < 1e-12, `stage-time inputs at t=2: ${staged[2]}`);
});

test('a .mdl set to RK2 Fixed holds the inputs too: the doc example by R(−1) = 1/2 over steps of 1/2', () => {
  const model = read(mdl('STEP(10, 2) + PULSE(3, 1)', 4, 0.5));
  assert.is(model.sim.method, 'rk2-midpoint');
  assert.ok(Math.abs(rk2Factor(-1) - 0.5) < 1e-15);
  close(level(model), heldRecurrence(docInput, 0.5, 0.5), 1e-12, 'RK2 Fixed');
});

test('RK2 Fixed half-steps, as Vensim describes it, not Heun\'s whole trial step', () => {
  // "second order Runge-Kutta makes a half step (TIME STEP/2), computes new rates of change, and
  // uses those rates of change to go from Time to Time + TIME STEP" (Vensim Help). With
  // Level' = −Level² from 1 and TIME STEP 1: k1 = −1, Level(½) = 0.5, k2 = −0.25, Level(1) = 0.75;
  // then k1 = −0.5625, Level(1½) = 0.46875, k2 = −0.2197265625, Level(2) = 0.5302734375.
  // Heun's method would read 0.5 at t = 1.
  const text = mdl('0', 4, 1, 'Level * Level').replace('INTEG(Inflow - Drain, 0)', 'INTEG(Inflow - Drain, 1)');
  const got = level(read(text));
  close(got, [1, 0.75, 0.5302734375], 1e-15, 'RK2 Fixed');
});

test('RAMP and PULSE TRAIN are held as STEP and PULSE are', () => {
  // Level' = RAMP(1, 0, 100) held at t_k: Level(n) = Σ k for k < n, i.e. 0, 0, 1, 3, 6, 10;
  // integrated at the stages' times RK4 would give t²/2 exactly (0.5 at t = 1).
  close(level(read(mdl('RAMP(1, 0, 100)', 5, 1, '0'))), [0, 0, 1, 3, 6, 10], 1e-12, 'RAMP');
  // PULSE TRAIN(1, 1, 2, 10) is 1 on [1, 2), [3, 4), …: held, Level gains 1 over [1, 2] and [3, 4].
  close(level(read(mdl('PULSE TRAIN(1, 1, 2, 10)', 5, 1, '0'))), [0, 0, 1, 1, 2, 2], 1e-12, 'PULSE TRAIN');
});

test('--method rk4 on a .mdl whose settings say Euler holds the inputs as well (CLI)', () => {
  const dir = tempDir();
  const file = join(dir, 'held.mdl');
  writeFileSync(file, mdl('STEP(10, 2) + PULSE(3, 1)', 0));
  const r = cli('run', file, '--method', 'rk4', '--vars', 'Level');
  assert.is(r.code, 0, r.stderr);
  const values = r.stdout.trim().split('\n').slice(1).map((l) => Number(l.split(',')[1]));
  close(values, [0, 0, 0, 10 / 3, 43 / 9, 133 / 27], 1e-9, '--method rk4');
});

test('converted to the native format the model keeps hold_inputs and gives the same run; without it inputs follow each stage', () => {
  const model = read(mdl('STEP(10, 2) + PULSE(3, 1)', 5));
  const yaml = writeNative(model);
  assert.match(yaml, /hold_inputs: true/);
  const dir = tempDir();
  writeFileSync(join(dir, 'held.yaml'), yaml);
  const back = readModelFile(join(dir, 'held.yaml'));
  assert.ok(back.model, back.diagnostics.map((d) => d.message).join('; '));
  assert.equal(level(back.model!), level(model));
  writeFileSync(join(dir, 'staged.yaml'), yaml.replace(/\n\s*hold_inputs: true/, ''));
  const staged = readModelFile(join(dir, 'staged.yaml')).model!;
  assert.is(staged.sim.holdInputs, undefined);
  // Read at each stage's time, the step from t = 1 to 2 sees STEP = 10 in its last stage only:
  // Level(2) = 1/6 · 10 = 5/3 (the XMILE 1.0 reading of STEP as a function of TIME).
  assert.ok(Math.abs(level(staged)[2] - 10 / 6) < 1e-12, `staged Level(2): ${level(staged)[2]}`);
});

test('written as XMILE the model keeps the rule in a stockflow attribute and gives the same run', () => {
  const model = read(mdl('STEP(10, 2) + PULSE(3, 1)', 5));
  const xml = writeXmile(model);
  assert.match(xml, /stockflow:hold_inputs="true"/);
  const back = readXmile(xml, 'held.xmile');
  assert.ok(back.model, back.diagnostics.map((d) => d.message).join('; '));
  assert.is(back.model!.sim.holdInputs, true);
  assert.equal(level(back.model!), level(model));
});

test.run();
