/**
 * A sim spec that changes during the run (SimSpec.varying, builtins/clock.ts): Vensim lets
 * TIME STEP, SAVEPER and FINAL TIME be equations of time or of model variables. Expected
 * times are those of Vensim DSS 7.3.4 in SDXorg test-models `control_vars` and
 * `dynamic_final_time` (rebuilt here as native models).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readVensim } from '../../src/io/vensim/index.js';
import { readNative } from '../../src/io/native.js';
import { writeNative } from '../../src/io/native-write.js';
import { trySimulate } from '../../src/sim/simulate.js';
import { analyzeLoops } from '../../src/analysis/loops/analyze.js';
import { diagnosticsOf, modelFrom, runYaml } from '../helpers.js';

const CONTROL_VARS = `
sim:
  start: 0
  stop: 10
  dt: 1
  varying:
    dt: if time < 4 then 1 else 0.5
    saveper: if time < 10 then dt else 5
    stop: if time < 5 then 10 else 50
stocks:
  Total: { initial: 0, inflows: [Rate] }
flows:
  Rate: { equation: dt }
auxiliaries:
  var: { equation: time }
`;

/** control_vars/output.tab: steps of 1 until 4, then 0.5; saved every step until 10, then every 5; run to 50. */
const VENSIM_TIMES = [0, 1, 2, 3, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10, 15, 20, 25, 30, 35, 40, 45, 50];

test('time step, save period and final time follow their equations as in Vensim', () => {
  const r = runYaml(CONTROL_VARS);
  assert.equal([...r.time], VENSIM_TIMES);
  assert.equal([...r.series('var')], VENSIM_TIMES);
});

test('equations see the time step in force: a flow of dt adds one per time unit whatever the step', () => {
  // Total = Σ dt·dt over the steps: 4 steps of 1·1, then 92 steps of 0.5·0.5 up to time 50.
  const r = runYaml(CONTROL_VARS);
  assert.ok(Math.abs(r.final('Total') - (4 + 92 * 0.25)) < 1e-9, `got ${r.final('Total')}`);
});

test('a final time that reads a model variable ends the run when the condition holds', () => {
  const r = runYaml(`
sim:
  start: 0
  stop: 100
  dt: 1
  varying:
    stop: if control > 50 then time else 100
auxiliaries:
  control: { equation: time * 2 - 5 }
`);
  assert.is(r.time[r.time.length - 1], 28); // dynamic_final_time/output.tab ends at 28
});

test('options fix what they set: --dt overrides a varying time step', () => {
  const r = runYaml(CONTROL_VARS, { dt: 0.25 });
  assert.is(r.time[1], 0.25); // the varying save period reads dt, now 0.25 throughout
  assert.is(r.time[r.time.length - 1], 50);
  const fixed = runYaml(CONTROL_VARS, { dt: 0.25, saveper: 1, stop: 8 });
  assert.equal([...fixed.time], [0, 1, 2, 3, 4, 5, 6, 7, 8]);
});

test('a varying spec survives YAML and the Vensim control section reads as one', () => {
  const again = readNative(writeNative(modelFrom(CONTROL_VARS)), 'again.yaml').model!;
  assert.equal(again.sim.varying, modelFrom(CONTROL_VARS).sim.varying);
  const { model, diagnostics } = readVensim(`{UTF-8}
var = Time ~ ~ |
FINAL TIME = IF THEN ELSE(Time < 5, 10, 50) ~ Month ~ |
INITIAL TIME = 0 ~ Month ~ |
SAVEPER = IF THEN ELSE(Time < 10, TIME STEP, 5) ~ Month ~ |
TIME STEP = IF THEN ELSE(Time < 4, 1, 0.5) ~ Month ~ |
`, 'control.mdl');
  assert.equal(diagnostics.filter((d) => d.severity === 'error'), []);
  assert.ok(model?.sim.varying?.dt && model.sim.varying.saveper && model.sim.varying.stop);
  assert.equal([...trySimulate(model!).result!.time], VENSIM_TIMES);
});

test('a constant SAVEPER = TIME STEP varies with a varying time step', () => {
  const { model } = readVensim(`{UTF-8}
var = Time ~ ~ |
FINAL TIME = 6 ~ Month ~ |
INITIAL TIME = 0 ~ Month ~ |
SAVEPER = TIME STEP ~ Month ~ |
TIME STEP = IF THEN ELSE(Time < 4, 1, 0.5) ~ Month ~ |
`, 'control.mdl');
  assert.equal([...trySimulate(model!).result!.time], [0, 1, 2, 3, 4, 4.5, 5, 5.5, 6]);
});

test('clocks that cannot drive a run are diagnosed, with the field and the time', () => {
  const codes = (yaml: string) => diagnosticsOf(yaml).filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.field ?? ''} ${d.message}`);
  const base = (varying: string, extra = '') => `sim:\n  start: 0\n  stop: 10\n  dt: 1\n  varying:\n    ${varying}\n${extra}`;
  const zero = codes(base('dt: if time < 3 then 1 else 0', 'auxiliaries:\n  x: { equation: time }'));
  assert.ok(zero.some((m) => m.startsWith('bad-sim-spec sim.dt') && m.includes('at time 3')), zero.join('\n'));
  const stateful = codes(base('stop: smth1(time, 2)', 'auxiliaries:\n  x: { equation: time }'));
  assert.ok(stateful.some((m) => m.startsWith('varying-sim-spec sim.varying.stop') && m.includes('smth1')), stateful.join('\n'));
  const pipeline = codes(base('dt: if time < 3 then 1 else 0.5', 'auxiliaries:\n  x: { equation: "delay(time, 2)" }'));
  assert.ok(pipeline.some((m) => m.startsWith('varying-sim-spec sim.varying.dt') && m.includes("'x'")), pipeline.join('\n'));
  const random = codes(base('dt: if time < 3 then 1 else 0.5', 'auxiliaries:\n  x: { equation: "random(0, 1)" }'));
  assert.ok(random.some((m) => m.startsWith('varying-sim-spec sim.varying.dt') && m.includes('random')), random.join('\n'));
  const typo = codes(base('stop: tme + 1'));
  assert.ok(typo.some((m) => m.startsWith('unknown-variable sim.varying.stop')), typo.join('\n'));
});

test('loop analysis, which needs one dt, refuses a varying clock unless the options fix it', () => {
  const model = modelFrom(`
sim:
  start: 0
  stop: 12
  dt: 1
  varying: { dt: "if time < 6 then 1 else 0.5" }
stocks:
  Pop: { initial: 10, inflows: [births] }
flows:
  births: { equation: Pop * 0.1 }
`);
  const refused = analyzeLoops(model);
  assert.is(refused.analysis, undefined);
  assert.ok(refused.diagnostics.some((d) => d.code === 'ltm-varying-clock' && d.hint?.includes('--dt')), JSON.stringify(refused.diagnostics));
  const fixed = analyzeLoops(model, { dt: 0.5 });
  assert.ok(fixed.analysis, JSON.stringify(fixed.diagnostics));
  assert.is(fixed.analysis!.loops.length, 1);
});

test.run();
