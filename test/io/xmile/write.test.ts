import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { XMLValidator } from 'fast-xml-parser';
import { readModelFile } from '../../../src/io/load.js';
import { readXmile, writeXmile, writeXmileWithNotes } from '../../../src/io/xmile/index.js';
import { ModelError } from '../../../src/core/diagnostics.js';
import type { Model } from '../../../src/model/types.js';
import { modelFrom } from '../../helpers.js';
import { readOk, run, variable, xmileDoc } from './helpers.js';

/** Writes, reads back, and checks every series of the two runs agrees to `tol` (relative). */
function roundTrip(model: Model, tol = 1e-12): Model {
  const text = writeXmile(model);
  assert.is(XMLValidator.validate(text), true);
  const back = readOk(text);
  const a = run(model);
  const b = run(back);
  for (const name of a.names) {
    const x = a.series(name);
    const y = b.series(name);
    for (let i = 0; i < x.length; i++) {
      const ok = Object.is(x[i], y[i]) || Math.abs(x[i] - y[i]) <= tol * Math.max(1, Math.abs(x[i]));
      assert.ok(ok, `${name}[${i}]: ${x[i]} became ${y[i]}\n${text}`);
    }
  }
  return back;
}

test('the teacup model round-trips with docs, units, uncertainty, scenarios and metrics', () => {
  const { model } = readModelFile('models/teacup.yaml');
  assert.ok(model);
  const back = roundTrip(model!);
  assert.is(back.doc, model!.doc);
  const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
  assert.equal(back.scenarios, plain(model!.scenarios));
  assert.equal(back.metrics, plain(model!.metrics));
  assert.equal(JSON.parse(JSON.stringify(back.sim)), JSON.parse(JSON.stringify(model!.sim)));
  for (const v of model!.variables) {
    const w = variable(back, v.name);
    assert.is(w.kind, v.kind);
    assert.is(w.units, v.units);
    assert.is(w.doc, v.doc);
    if (v.kind === 'constant' && w.kind === 'constant') assert.equal([w.uncertainty, w.leverage], [v.uncertainty, v.leverage]);
  }
});

test('native functions without an XMILE name are written as exact XMILE expressions', () => {
  const m = modelFrom(`
sim: { start: 0, stop: 6, dt: 0.5, method: rk4 }
auxiliaries:
  x: { equation: "time - 3.25" }
  a: { equation: "xidz(1, x - 0.25, 7) + zidz(2, 0) + safediv(3, x) + sign(x) + round(x) + ceil(x) + trunc(x) + floor(x)" }
  b: { equation: "quantum(x, 0.5) + log(8, 2) + pow(2, x) + sum(1, 2, x) + prod(2, x, 3) + min(1, x, 2) + max(x, 0, -1)" }
  c: { equation: "sinh(x) + cosh(x) + tanh(x) + ramp(1, 1, 4) + (x > 0 ? 1 : 2) + (x != 0 xor x == 1) + not (x < 1) + 7 % 3" }
  d: { equation: "previous(x) + init(x) + smooth(x, 2) + delay_fixed(x, 1, 0) + if x >= 0 then e else pi" }
  e: { equation: "pulse_train(1, 1, 2, 5)" }
constants:
  k: { value: 2, leverage: { level: 10, reason: "a buffer" } }
lookups:
  effect: { points: [[0, 0], [1, 2]], interpolation: extrapolate }
flows:
  inflow: { equation: "effect(k) + lookup(effect, 0.5)", non_negative: true }
stocks:
  level: { initial: "k * 2", inflows: [inflow], non_negative: true }
`);
  const back = roundTrip(m, 1e-9);
  const k = variable(back, 'k');
  assert.equal(k.kind === 'constant' && k.leverage, { level: 10, reason: 'a buffer' });
  const l = variable(back, 'effect');
  assert.equal(l.kind === 'lookup' && l.table.interpolation, 'extrapolate');
});

test('expanded arrays are written back as XMILE arrays with per-element equations', () => {
  const top = '<dimensions><dim name="Region"><elem name="north"/><elem name="south"/></dim></dimensions>';
  const m = readOk(xmileDoc(`
      <stock name="S"><dimensions><dim name="Region"/></dimensions><eqn>1</eqn><inflow>f</inflow><non_negative/></stock>
      <flow name="f"><dimensions><dim name="Region"/></dimensions><eqn>S * 0.1</eqn></flow>
      <aux name="total"><eqn>SUM(S[*])</eqn></aux>`, { top }));
  const text = writeXmile(m);
  assert.match(text, /<dim name="Dim1">/);
  assert.match(text, /<element subscript="south">/);
  assert.match(text, /<inflow>f<\/inflow>/);
  assert.match(text, /S\[north\]/);
  roundTrip(m);
});

test('the save period, integration method, tolerances, seed and a varying spec survive', () => {
  const m = modelFrom('sim: { start: 0, stop: 2, dt: 0.25, saveper: 0.5, method: rk45, rtol: 1.0e-7, atol: 1.0e-10, seed: 42 }\nauxiliaries:\n  a: { equation: "time" }\n');
  const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
  assert.equal(plain(readOk(writeXmile(m)).sim), plain(m.sim));
  const stiff = modelFrom('sim: { start: 0, stop: 1, dt: 0.5, method: rosenbrock }\nauxiliaries:\n  a: { equation: "1" }\n');
  assert.is(readOk(writeXmile(stiff)).sim.method, 'rosenbrock');
  // XMILE has no name for Vensim's RK4/RK2 Auto or its half-stepping RK2: other tools read rk4/rk2, ours the exact method.
  for (const [method, xmile] of [['rk4-auto', 'rk4'], ['rk2-auto', 'rk2'], ['rk2-midpoint', 'rk2']]) {
    const text = writeXmile(modelFrom(`sim: { start: 0, stop: 1, dt: 0.5, method: ${method} }\nauxiliaries:\n  a: { equation: "1" }\n`));
    assert.match(text, new RegExp(`method="${xmile}"[^>]*stockflow:method="${method}"`));
    assert.is(readOk(text).sim.method, method);
  }
  const varying = modelFrom('sim:\n  start: 0\n  stop: 10\n  dt: 1\n  varying: { dt: "if time < 4 then 1 else 0.5", stop: "if a > 5 then time else 10" }\nauxiliaries:\n  a: { equation: "time" }\n');
  assert.equal(plain(readOk(writeXmile(varying)).sim), plain(varying.sim));
  roundTrip(varying);
});

test('a named lookup keeps its units and doc through a standalone <gf>', () => {
  const m = modelFrom('sim: { start: 0, stop: 2, dt: 1 }\nlookups:\n  effect: { points: [[0, 0], [1, 2]], units: widgets, doc: how much }\nauxiliaries:\n  a: { equation: "effect(time)" }\n');
  const back = variable(readOk(writeXmile(m)), 'effect');
  assert.is(back.units, 'widgets');
  assert.is(back.doc, 'how much');
});

test('functions over a whole lookup keep the lookup as their table through XMILE', () => {
  roundTrip(modelFrom(`sim: { start: 0, stop: 4, dt: 1 }
lookups:
  tbl: { points: [[0, 0], [5, 5], [10, 20]] }
auxiliaries:
  a: { equation: "lookup_extrapolate(tbl, time + 8)" }
  b: { equation: "lookup_area(tbl, 0, time)" }
  c: { equation: "lookup_invert(tbl, time)" }
`));
});

test('the writer warns about what other tools will not see: stockflow-only functions and a varying spec', () => {
  const m = modelFrom(`sim:\n  start: 0\n  stop: 4\n  dt: 1\n  varying: { stop: "if a > 2 then time else 4" }
auxiliaries:
  a: { equation: "pulse_train(1, 1, 2, 4) + time" }
  b: { equation: "pulse_train(0, 1, 2, 4)" }
  c: { equation: "xidz(a, 0, 1)" }
`);
  const { text, notes } = writeXmileWithNotes(m);
  assert.is(text, writeXmile(m));
  const vendor = notes.find((d) => d.code === 'xmile-vendor-function');
  assert.ok(vendor && vendor.severity === 'warning' && vendor.message.includes('pulse_train') && vendor.message.includes('2 variables'), JSON.stringify(notes));
  assert.ok(notes.some((d) => d.code === 'xmile-varying-sim-spec' && d.message.includes('stop')), JSON.stringify(notes));
  assert.equal(writeXmileWithNotes(modelFrom('sim: { start: 0, stop: 2, dt: 1 }\nauxiliaries:\n  c: { equation: "xidz(time, 0, 1)" }\n')).notes, []);
});

test('an equation that is not valid native text stops the writer with a diagnostic', () => {
  const m = modelFrom('sim: { start: 0, stop: 1, dt: 1 }\nauxiliaries:\n  a: { equation: "1" }\n');
  const broken: Model = { ...m, variables: [{ kind: 'aux', name: 'a', id: 'a', equation: '1 +' }] };
  assert.throws(() => writeXmile(broken), (e: unknown) => e instanceof ModelError && e.diagnostics[0].code === 'unwritable-equation');
});

test('names that need quoting in XMILE are quoted and read back to the same variables', () => {
  const m = readOk(xmileDoc(`
      <aux name="Cost ($)"><eqn>2</eqn></aux>
      <aux name="if"><eqn>3</eqn></aux>
      <aux name="Flow w/ division, lists"><eqn>"Cost_($)" * "if"</eqn></aux>`));
  const back = roundTrip(m);
  assert.equal(back.variables.map((v) => v.name), m.variables.map((v) => v.name));
  assert.ok(readXmile(writeXmile(back)).model);
});

test('sectors are written as XMILE groups and read back: every variable keeps its sector, sectors keep their order', () => {
  const { model } = readModelFile('models/kinesis-outage.yaml');
  assert.ok(model?.sectors?.length);
  const text = writeXmile(model!);
  for (const s of model!.sectors!) assert.ok(text.includes(`<group name="${s.replace(/&/g, '&amp;')}">`), s);
  assert.match(text, /<group name="Front-end fleet">\n\s+<entity name="Serving Servers"\/>/);
  const back = readOk(text);
  assert.equal(back.sectors, model!.sectors);
  for (const v of model!.variables) assert.is(variable(back, v.name).sector, v.sector, v.name);
});

test('a model without sectors writes no groups', () => {
  const { model } = readModelFile('models/teacup.yaml');
  assert.not.match(writeXmile(model!), /<group/);
});

test.run();
