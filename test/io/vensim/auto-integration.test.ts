/**
 * A .mdl whose settings block chooses RK4 Auto (`15:0,0,0,1,0,0`) or RK2 Auto (`…,3,…`) runs
 * with Runge–Kutta under step-size control, TIME STEP the largest step, and the model's
 * ABSOLUTE TOLERANCE and RELATIVE TOLERANCE (Vensim Help, "Selecting an Integration
 * Technique", "Special Model Variables": both default to 0.001).
 *
 * The model is a fast decay, Level' = −Level / 0.5 from 100 with TIME STEP = 1: exactly
 * 100·e^(−2t). One fixed RK4 step multiplies the level by 1 − 2 + 2 − 4/3 + 2/3 = 1/3, so RK4
 * Fixed reads 33.33 at t = 1 where the exact value is 13.53.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readVensim } from '../../../src/io/vensim/index.js';
import { trySimulate } from '../../../src/sim/simulate.js';
import { cli, tempFile } from '../../cli/cli-helpers.js';

const SKETCH = '\\\\\\---/// Sketch information - do not modify anything except names\nV300  Do not put anything below this section - it will be ignored\n*View 1\n$0-0-0,0,|0||0-0-0|0-0-0|0-0-0|0-0-0|0-0-0|0,0,100,0\n///---\\\\\\\n';

function decayModel(code: number, extra = ''): string {
  return `{UTF-8}\nLevel = INTEG(-Drain, 100) ~ Widget ~|\nDrain = Level / Decay Time ~ Widget/Month ~|\nDecay Time = 0.5 ~ Month ~|\n${extra}`
    + `INITIAL TIME = 0 ~ Month ~|\nFINAL TIME = 5 ~ Month ~|\nTIME STEP = 1 ~ Month ~|\nSAVEPER = TIME STEP ~ Month ~|\n`
    + `${SKETCH}:L\x7f<%^E!@\n1:Current.vdf\n15:0,0,0,${code},0,0\n`;
}

const exact = (t: number) => 100 * Math.exp(-2 * t);

function levels(text: string): { level: number[]; codes: string[]; rtol?: number; atol?: number; method: string } {
  const { model, diagnostics } = readVensim(text, 'decay.mdl');
  assert.ok(model, diagnostics.map((d) => d.message).join('; '));
  const run = trySimulate(model!);
  assert.ok(run.result, run.diagnostics.map((d) => d.message).join('; '));
  return { level: Array.from(run.result!.series('Level')), codes: diagnostics.map((d) => d.code), rtol: model!.sim.rtol, atol: model!.sim.atol, method: model!.sim.method };
}

test('RK4 Fixed misses the fast decay by the hand-computed factor; RK4 Auto and RK2 Auto follow the exact solution', () => {
  const fixed = levels(decayModel(5)).level;
  assert.ok(Math.abs(fixed[1] - 100 / 3) < 1e-9, `RK4 Fixed at t=1: ${fixed[1]}`);
  for (const code of [1, 3]) {
    const { level, method } = levels(decayModel(code));
    assert.is(method, code === 1 ? 'rk4-auto' : 'rk2-auto');
    // Each step's error is within RELATIVE TOLERANCE × its base level ≤ 0.001 × 100.
    level.forEach((y, t) => assert.ok(Math.abs(y - exact(t)) < 0.1, `code ${code} at t=${t}: ${y} vs ${exact(t)}`));
    assert.is(level.length, 6, 'values at the SAVEPER times, computed at those times');
  }
});

test('the model\'s RELATIVE TOLERANCE and ABSOLUTE TOLERANCE set the accepted error', () => {
  const tight = levels(decayModel(1, 'RELATIVE TOLERANCE = 1e-06 ~ Dmnl ~|\nABSOLUTE TOLERANCE = 1e-09 ~ Widget ~|\n'));
  assert.is(tight.rtol, 1e-6);
  assert.is(tight.atol, 1e-9);
  tight.level.forEach((y, t) => assert.ok(Math.abs(y - exact(t)) / exact(t) < 1e-4, `t=${t}: ${y} vs ${exact(t)}`));
  const plain = levels(decayModel(1));
  assert.is(plain.rtol, undefined, 'absent: the method\'s own default, Vensim\'s 0.001');
});

test('reading an Auto type says once what is assumed; a tolerance that is not a positive number is reported', () => {
  assert.equal(levels(decayModel(1)).codes, ['assumed-step-control']);
  assert.equal(levels(decayModel(5)).codes, []);
  const bad = levels(decayModel(1, 'RELATIVE TOLERANCE = -1 ~ Dmnl ~|\n'));
  assert.ok(bad.codes.includes('bad-tolerance'), bad.codes.join());
  assert.is(bad.rtol, undefined);
});

test('STEP and PULSE keep their value at the start of each TIME STEP through the Auto sub-steps, as Vensim holds them', () => {
  // Inflow = STEP(10, 2) + PULSE(3, 1), Level' = Inflow − 2·Level from 0. Held per TIME STEP the
  // inflow is 0 on [0, 2], 10 on [2, 3], 11 on [3, 4], 10 on [4, 5], so exactly:
  // L(2) = 0, L(3) = 5(1 − e^−2), L(4) = 5.5 + (L(3) − 5.5)e^−2, L(5) = 5 + (L(4) − 5)e^−2.
  const text = decayModel(1, 'Inflow = STEP(10, 2) + PULSE(3, 1) ~ Widget/Month ~|\n').replace('INTEG(-Drain, 100)', 'INTEG(Inflow - Drain, 0)');
  const { level } = levels(text);
  const e2 = Math.exp(-2);
  const l3 = 5 * (1 - e2);
  const l4 = 5.5 + (l3 - 5.5) * e2;
  const expected = [0, 0, 0, l3, l4, 5 + (l4 - 5) * e2];
  level.forEach((y, t) => assert.ok(Math.abs(y - expected[t]) < 0.01, `t=${t}: ${y} vs ${expected[t]}`));
  assert.is(level[2], 0, 'the step at t = 2 does not leak into [1, 2]');
  // After the run the compiled model reads the time it is given again (analyses evaluate it):
  // at 2.5, STEP(10, 2) = 10 and PULSE(3, 1) = 1 (Vensim's pulse is on while 3 ≤ time + dt/2 < 4).
  const { model } = readVensim(text, 'decay.mdl');
  const run = trySimulate(model!);
  const slot = run.compiled!.layout.slotOf.get('inflow')!;
  const v = new Float64Array(run.compiled!.layout.nSlots);
  run.compiled!.evaluate(2.5, new Float64Array(run.compiled!.layout.nStates), v, new Float64Array(run.compiled!.layout.nStates));
  assert.is(v[slot], 11);
});

test('the CLI runs an RK4 Auto .mdl end to end, and --method rk4-auto runs any model so', () => {
  const file = tempFile('decay.mdl', decayModel(1));
  const r = cli('run', file, '--vars', 'Level');
  assert.is(r.code, 0, r.stderr);
  const rows = r.stdout.trim().split('\n').slice(1).map((l) => Number(l.split(',')[1]));
  rows.forEach((y, t) => assert.ok(Math.abs(y - exact(t)) < 0.1, `t=${t}: ${y}`));
  assert.match(r.stderr, /warning\[assumed-step-control\] RK4 Auto/);
  const fixed = cli('run', file, '--vars', 'Level', '--method', 'rk4');
  assert.ok(Math.abs(Number(fixed.stdout.trim().split('\n')[2].split(',')[1]) - 100 / 3) < 1e-9, fixed.stdout);
  assert.not.match(fixed.stderr, /assumed-step-control/, 'a --method that is not Auto leaves the settings\' Auto note out');
  const yaml = tempFile('decay.yaml', 'name: decay\nsim: { start: 0, stop: 1, dt: 1 }\nstocks:\n  Level: { initial: 100, outflows: [Drain] }\nflows:\n  Drain: { equation: Level / 0.5 }\n');
  const native = cli('run', yaml, '--vars', 'Level', '--method', 'rk4-auto', '--rtol', '1e-8', '--atol', '1e-10');
  assert.is(native.code, 0, native.stderr);
  assert.not.match(native.stderr, /dt-too-large/, 'an adaptive method is not warned about dt');
  assert.ok(Math.abs(Number(native.stdout.trim().split('\n')[2].split(',')[1]) - exact(1)) < 1e-5, native.stdout);
  assert.match(cli('run', '--help').stdout, /rk4-auto, rk2-auto/);
});

test('the step-control note follows the method used: --method overrides the settings in every command, and the library reads it from ReadOptions.method', () => {
  const auto = tempFile('decay.mdl', decayModel(1));
  for (const command of ['run', 'sensitivity']) {
    const r = cli(command, auto, '--method', 'euler', ...(command === 'sensitivity' ? ['--metric', 'Level:final', '--param', 'Decay Time=0.4:0.6', '--design', 'oat'] : []));
    assert.is(r.code, 0, `${command}: ${r.stderr}`);
    assert.not.match(r.stderr, /assumed-step-control/, command);
  }
  const euler = tempFile('decay.mdl', decayModel(0));
  assert.not.match(cli('run', euler).stderr, /assumed-step-control/);
  assert.match(cli('run', euler, '--method', 'rk2-auto').stderr, /warning\[assumed-step-control\] RK2 Auto:/);
  assert.equal(readVensim(decayModel(1), 'decay.mdl', { method: 'rk4' }).diagnostics.map((d) => d.code), []);
  assert.equal(readVensim(decayModel(0), 'decay.mdl', { method: 'rk4-auto' }).diagnostics.map((d) => d.code), ['assumed-step-control']);
});

test.run();
