/**
 * The table functions of the library (lookup_extrapolate … data_mean, builtins/tables.ts) in
 * native models: values worked out by hand, lowering's checks on the table argument, units,
 * the `forward` interpolation, and re-evaluation by compile/expression.ts.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lowerModel } from '../../src/builtins/lower.js';
import { checkUnits } from '../../src/compile/units.js';
import { compileExpression } from '../../src/compile/expression.js';
import { parseEquation } from '../../src/expr/parse.js';
import { readXmile, writeXmile } from '../../src/io/xmile/index.js';
import { close, diagnosticsOf, modelFrom, runYaml } from '../helpers.js';
import { xmileProblems } from '../io/xmile/xmile-schema.js';
import { modelStructure } from '../../src/analysis/leverage/structure.js';
import { touchedVariables } from '../../src/analysis/leverage/touches.js';

const SIM = 'sim: { start: 0, stop: 4, dt: 1 }\n';
const TABLES = `lookups:
  look: { points: [[0, 1], [1, 1], [2, 2]], units: widget }
  step: { points: [[0, 0], [1, 10], [3, 30]], interpolation: forward }
`;

const series = (equation: string, extra = '') =>
  Array.from(runYaml(`${SIM}${TABLES}auxiliaries:\n  out: { equation: ${JSON.stringify(equation)} }\n${extra}`).series('out'));

test('lookup_extrapolate, lookup_forward and lookup_backward read one table three ways', () => {
  // x = time − 1.5 = −1.5, −0.5, 0.5, 1.5, 2.5 on (0,1), (1,1), (2,2)
  assert.equal(series('lookup_extrapolate(look, time - 1.5)'), [1, 1, 1, 1.5, 2.5]);
  assert.equal(series('lookup_forward(look, time - 1.5)'), [1, 1, 1, 2, 2]);
  assert.equal(series('lookup_backward(look, time - 1.5)'), [1, 1, 1, 1, 2]);
  // the table's own interpolation does not matter to them: step is a forward table
  assert.equal(series('lookup_backward(step, time - 0.5)'), [0, 0, 10, 10, 30]);
});

test('a forward table takes the next point\'s y; at a point, that point\'s', () => {
  // x = 0 … 4: 0 at the first point, 10 at x = 1, then 30 (the next point) for 2, 30 at 3, held
  assert.equal(series('step(time)'), [0, 10, 30, 30, 30]);
  // times built up in floating point still count as at the point: 3·0.1 = 0.30000000000000004
  assert.is(series('lookup_forward(step, 10 * (3 * 0.1) - 2)')[0], 10);
});

test('lookup_area integrates, lookup_invert inverts with an optional value outside', () => {
  // area of look from 0 to time: 0, 1, 1 + 1.5, + 2, + 2 (end value held)
  assert.equal(series('lookup_area(look, 0, time)'), [0, 1, 2.5, 4.5, 6.5]);
  // step read as a continuous line (0,0)-(1,10)-(3,30): y = 5·time → x = time / 2 … up to 30
  assert.equal(series('lookup_invert(step, 5 * time)'), [0, 0.5, 1, 1.5, 2]);
  assert.is(series('lookup_invert(step, -1, 99)')[0], 99);
  // without an `outside` value, a y beyond the table is NaN, which the run reports
  const ds = diagnosticsOf(`${SIM}${TABLES}auxiliaries:\n  out: { equation: "lookup_invert(step, 31)" }\n`);
  assert.match(ds.map((d) => d.message).join('; '), /'out' became NaN/);
});

test('data functions read the points of a variable\'s graphical function (a data series)', () => {
  const extra = '  d: { equation: "time", lookup: { points: [[1, 10], [2, 20], [3, 15]] } }\n';
  assert.equal(series('data_between(d, time + 0.5, 0, -1)', extra), [-1, 15, 17.5, -1, -1]);
  assert.equal(series('data_at(d, time, -1)', extra), [-1, 10, 20, 15, -1]);
  assert.equal(series('data_max(d, 0, time, -1) + data_mean(d, 2, 3)', extra).slice(3), [20 + 17.5, 20 + 17.5]);
  assert.equal(series('data_points(d) + data_first_time(d) * 10 + data_last_time(d) * 100', extra)[0], 313);
  assert.is(series('data_min(d, 5, 6, -1)', extra)[0], -1);
});

test('the first argument must name a lookup or a variable with a graphical function', () => {
  const bad = (equation: string) => diagnosticsOf(`${SIM}${TABLES}auxiliaries:\n  x: { equation: "3" }\n  out: { equation: ${JSON.stringify(equation)} }\n`)
    .filter((d) => d.severity === 'error');
  for (const equation of ['lookup_forward(x, 1)', 'lookup_area(2 * look, 0, 1)', 'data_points(time)']) {
    const ds = bad(equation);
    assert.is(ds[0]?.code, 'not-a-lookup', equation);
    assert.is(ds[0]?.variable, 'out');
  }
  assert.is(bad('lookup_forward(look)')[0]?.code, 'wrong-arity');
  assert.is(bad('look + 1')[0]?.code, 'lookup-without-input');
});

test('units: the table\'s units, times the x units for lookup_area', () => {
  const m = modelFrom(`sim: { start: 0, stop: 4, dt: 1, time_unit: day }
${TABLES}constants:
  width: { value: 2, units: meter }
auxiliaries:
  a: { equation: "lookup_forward(look, 1)", units: widget }
  b: { equation: "lookup_area(look, 0, width)", units: widget * meter }
  c: { equation: "lookup_area(look, 0, width)", units: widget }
`);
  const ds = checkUnits(m, lowerModel(m).program!);
  assert.equal(ds.map((d) => d.variable), ['c']);
});

test('re-evaluation (compile/expression.ts) agrees with the compiled model', () => {
  const text = 'lookup_area(look, 0, time) + lookup_invert(step, 3 * time) + lookup_forward(look, time / 2)';
  const r = runYaml(`${SIM}${TABLES}auxiliaries:\n  out: { equation: "${text}" }\n`);
  const m = modelFrom(`${SIM}${TABLES}`);
  const tables = new Map(m.variables.flatMap((v) => (v.kind === 'lookup' ? [[v.id, v.table] as const] : [])));
  const f = compileExpression(parseEquation(text).expr!, { slotOf: () => undefined, tableOf: (id) => tables.get(id), sim: { start: 0, stop: 4, dt: 1, saveper: 1 } });
  r.time.forEach((t, k) => close(f(t, new Float64Array(0)), r.series('out')[k], 0, `t = ${t}`));
});

test('XMILE: a forward table is written with stockflow:interpolation and reads back exactly', () => {
  const m = modelFrom(`${SIM}${TABLES}auxiliaries:\n  out: { equation: "step(time)" }\n`);
  const text = writeXmile(m);
  assert.match(text, /<gf name="step" stockflow:interpolation="forward">/);
  assert.equal(xmileProblems(text), []);
  const back = readXmile(text, 'back.xmile');
  const t = back.model?.variables.find((v) => v.name === 'step');
  assert.is(t?.kind === 'lookup' && t.table.interpolation, 'forward');
});

test('a lookup intervention touches the variables whose table functions read that lookup', () => {
  const m = modelFrom(`${SIM}${TABLES}auxiliaries:\n  a: { equation: "lookup_area(look, 0, time)" }\n  b: { equation: "lookup(look, time)" }\n  c: { equation: "step(time)" }\n`);
  const touched = touchedVariables(modelStructure(m), { id: 's', title: 's', changes: [{ kind: 'lookup', variable: 'look', table: { points: [[0, 0]], interpolation: 'continuous' } }] });
  assert.equal([...touched].sort(), ['a', 'b', 'look']);
});

test.run();
