/**
 * Vensim lookup, data and financial functions: LOOKUP EXTRAPOLATE/FORWARD/BACKWARD/AREA/
 * INVERT, TABXL, GET DATA …, NPV and TIME BASE, read from inline .mdl texts and run. Expected
 * numbers are the worked examples of the Vensim reference pages (quoted in each test) or are
 * worked out by hand in the comments; bad calls give located diagnostics.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readVensim } from '../../../src/io/vensim/index.js';
import { trySimulate } from '../../../src/sim/simulate.js';
import type { Model } from '../../../src/model/types.js';
import { close } from '../../helpers.js';
import { diags, eq } from './helpers.js';

/** Vensim's :NA:. */
const NA = -(2 ** 109);

/** Reads equations with a control section of our own (time 0 to `stop`, step `dt`). */
function model(equations: string, stop = 4, dt = 1, file = 'test.mdl'): Model {
  const control = `INITIAL TIME = 0 ~ ~ |\nFINAL TIME = ${stop} ~ ~ |\nTIME STEP = ${dt} ~ ~ |\nSAVEPER = TIME STEP ~ ~ |\n`;
  const { model: m, diagnostics } = readVensim(`{UTF-8}\n${equations}\n${control}`, file);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!m || errors.length) throw new Error(errors.map((d) => `${d.line}:${d.column} ${d.message}`).join('; '));
  return m;
}

function run(m: Model): (name: string) => number[] {
  const s = trySimulate(m, {});
  if (!s.result) throw new Error(s.diagnostics.map((d) => d.message).join('; '));
  return (name) => Array.from(s.result!.series(name));
}

/** The value at the start of each named variable (the ones here are constant over time). */
function values(equations: string, names: string[]): number[] {
  const series = run(model(equations, 1));
  return names.map((n) => series(n)[0]);
}

const LOOK = 'LOOK((0,1),(1,1),(2,2)) ~ ~ |';

test('LOOKUP EXTRAPOLATE continues the end segments (Vensim reference: -1 → 1.0, 1.5 → 1.5, 2.5 → 2.5)', () => {
  const got = values(`${LOOK}
a = LOOKUP EXTRAPOLATE(LOOK, -1) ~ ~ |
b = LOOKUP EXTRAPOLATE(LOOK, 1.5) ~ ~ |
c = LOOKUP EXTRAPOLATE(LOOK, 2.5) ~ ~ |`, ['a', 'b', 'c']);
  assert.equal(got, [1, 1.5, 2.5]);
});

test('LOOKUP EXTRAPOLATE in a running model: the table of the task brief at Time + 8', () => {
  const m = model(`tbl([(0,0)-(10,10)],(0,0),(5,5),(10,20)) ~ ~ |
a = LOOKUP EXTRAPOLATE(tbl, Time + 8) ~ ~ |`);
  assert.is(eq(m, 'a'), 'lookup_extrapolate(tbl, time + 8)');
  // x = 8, 9 on the last segment (slope 15/5 = 3 from (5,5)): 5 + 3·3 = 14, 17; x = 10 is the
  // last point, 20; beyond it the same slope goes on: 23, 26.
  assert.equal(run(m)('a'), [14, 17, 20, 23, 26]);
});

test('TABXL is DYNAMO\'s name for LOOKUP EXTRAPOLATE', () => {
  const m = model(`${LOOK}\nt = TABXL(LOOK, Time - 1.5) ~ ~ |`);
  assert.is(eq(m, 't'), 'lookup_extrapolate(LOOK, time - 1.5)');
  // x = -1.5 … 2.5: flat first segment gives 1, 1; then 1 + 0.5·1 (x=0.5 on (0,1)-(1,1)) = 1; 1.5; 2.5
  assert.equal(run(m)('t'), [1, 1, 1, 1.5, 2.5]);
});

test('LOOKUP FORWARD takes the next point\'s y (Vensim reference: -1 → 1.0, 1.5 → 2.0, 2.5 → 2.0)', () => {
  const got = values(`${LOOK}
a = LOOKUP FORWARD(LOOK, -1) ~ ~ |
b = LOOKUP FORWARD(LOOK, 1.5) ~ ~ |
c = LOOKUP FORWARD(LOOK, 2.5) ~ ~ |
d = LOOKUP FORWARD(LOOK, 1) ~ ~ |`, ['a', 'b', 'c', 'd']);
  // d: at a point, that point's y (1)
  assert.equal(got, [1, 2, 2, 1]);
});

test('LOOKUP BACKWARD holds the previous point\'s y (Vensim reference: -1 → 1.0, 1.5 → 1.0, 2.5 → 2.0)', () => {
  const got = values(`${LOOK}
a = LOOKUP BACKWARD(LOOK, -1) ~ ~ |
b = LOOKUP BACKWARD(LOOK, 1.5) ~ ~ |
c = LOOKUP BACKWARD(LOOK, 2.5) ~ ~ |`, ['a', 'b', 'c']);
  assert.equal(got, [1, 1, 2]);
});

test('LOOKUP AREA integrates the lookup as it is read (Vensim reference: (0,1) → 1, (2,4) → 4, (.5,2.5) → 3)', () => {
  const got = values(`${LOOK}
a = LOOKUP AREA(LOOK, 0, 1) ~ ~ |
b = LOOKUP AREA(LOOK, 2, 4) ~ ~ |
c = LOOKUP AREA(LOOK, .5, 2.5) ~ ~ |
d = LOOKUP AREA(LOOK, 1, 0) ~ ~ |
e = LOOKUP AREA(LOOK, -2, 0) ~ ~ |`, ['a', 'b', 'c', 'd', 'e']);
  // d: from 1 back to 0 is minus the area from 0 to 1; e: the first value 1 held over 2 units
  assert.equal(got, [1, 4, 3, -1, 2]);
});

test('LOOKUP INVERT finds the smallest x, :NA: outside the y values (Vensim reference: -1 → :NA:, 0.5 → 0.5, 1.5 → 2.0)', () => {
  const got = values(`LOOK((0,0),(1,1),(3,2)) ~ ~ |
a = LOOKUP INVERT(LOOK, -1) ~ ~ |
b = LOOKUP INVERT(LOOK, 0.5) ~ ~ |
c = LOOKUP INVERT(LOOK, 1.5) ~ ~ |
hill((0,0),(1,2),(2,0)) ~ ~ |
d = LOOKUP INVERT(hill, 1) ~ ~ |
e = LOOKUP INVERT(LOOK, 1.5) = :NA: ~ ~ |
f = LOOKUP INVERT(LOOK, 3) = :NA: ~ ~ |`, ['a', 'b', 'c', 'd', 'e', 'f']);
  // d: hill is 1 at x = 0.5 and at x = 1.5; the smallest is 0.5. e, f: the :NA: test works.
  assert.equal(got, [NA, 0.5, 2, 0.5, 0, 1]);
});

test('lookup functions read subscripted lookups element by element', () => {
  const m = model(`R: r1, r2 ~ ~ |
tab[r1]((0,0),(1,10)) ~ ~ |
tab[r2]((0,0),(1,20)) ~ ~ |
y[R] = LOOKUP FORWARD(tab[R], 0.5) + LOOKUP AREA(tab[R], 0, 1) ~ ~ |`, 1);
  // forward: y of (1, 10 or 20); area of a line from 0 to 10 (20) over 1: 5 (10)
  assert.is(eq(m, 'y[r1]'), 'lookup_forward("tab[r1]", 0.5) + lookup_area("tab[r1]", 0, 1)');
  const series = run(m);
  assert.equal([series('y[r1]')[0], series('y[r2]')[0]], [15, 30]);
});

test('NPV is two stocks by the reference\'s equations: with dt = 1, 10·(1 + 1/1.1 + … + 1/1.1^t)', () => {
  const m = model(`d = NPV(10, 0.1, 0, 1) ~ ~ |
scaled = NPV(10, 0.1, 5, 2) ~ ~ |`);
  // df = INTEG(-df·0.1/(1 + 0.1·1), 1) falls by 1/1.1 a step; acc = INTEG(10·df, init);
  // NPV = (acc + 10·1·df)·factor. So NPV(t) = (init + 10·Σ_{k=0..t} 1.1^-k)·factor.
  const series = run(m);
  const expected = [0, 1, 2, 3, 4].map((t) => Array.from({ length: t + 1 }, (_, k) => 10 / 1.1 ** k).reduce((s, x) => s + x, 0));
  series('d').forEach((x, t) => close(x, expected[t], 1e-9, `NPV at ${t}`));
  series('scaled').forEach((x, t) => close(x, 2 * (5 + expected[t]), 1e-9, `scaled NPV at ${t}`));
});

test('NPV with a smaller step discounts by 1/(1 + rate·dt) a step', () => {
  // dt = 0.5: t = 0: 10·0.5·1 = 5; t = 0.5: acc = 5, df = 1/1.05, NPV = 5 + 5/1.05
  const d = run(model('d = NPV(10, 0.1, 0, 1) ~ ~ |', 1, 0.5))('d');
  close(d[0], 5, 1e-12);
  close(d[1], 5 + 5 / 1.05, 1e-12);
  close(d[2], 5 + 5 / 1.05 + 5 / 1.05 ** 2, 1e-12);
});

test('TIME BASE(start, slope) is start + Time·slope', () => {
  const m = model('year = TIME BASE(1970, 0.5) ~ ~ |');
  assert.is(eq(m, 'year'), '1970 + 0.5 * time');
  assert.equal(run(m)('year'), [1970, 1970.5, 1971, 1971.5, 1972]);
});

test('RAMP FROM TO is not a Vensim function: models that use it define it as a macro, which works', () => {
  const m = model(`:MACRO: RAMP FROM TO(xfrom, xto, tstart, tend)
RAMP FROM TO = xfrom + RAMP((xto - xfrom) / (tend - tstart), tstart, tend) ~ ~ |
:END OF MACRO:
r = RAMP FROM TO(10, 30, 1, 3) ~ ~ |`);
  // 10 until time 1, then up 10 a time unit to 30 at time 3, held
  assert.equal(run(m)('r'), [10, 10, 20, 30, 30]);
});

/** A model beside a data file: sales at 1, 2, 3 are 10, 20, 15 (the same for `ahead`). */
function withData(equations: string): Model {
  const dir = mkdtempSync(join(tmpdir(), 'stockflow-getdata-'));
  writeFileSync(join(dir, 'data.tab'), 'Time\tsales\tahead\n1\t10\t10\n2\t20\t20\n3\t15\t15\n');
  try {
    return model(`sales ~ ~ |\nahead :LOOK FORWARD: ~ ~ |\n${equations}`, 4, 0.5, join(dir, 'model.mdl'));
  } finally {
    rmSync(dir, { recursive: true, force: true }); // the data are read with the model
  }
}

test('GET DATA BETWEEN TIMES interpolates (0); forward (1) and backward (-1) round the time down first; :NA: outside the data', () => {
  const m = withData(`i = GET DATA BETWEEN TIMES(sales, Time + 0.5, 0) ~ ~ |
f = GET DATA BETWEEN TIMES(sales, Time + 0.5, 1) ~ ~ |
b = GET DATA BETWEEN TIMES(sales, Time + 0.5, -1) ~ ~ |`);
  const s = run(m);
  // Time + 0.5 = 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5: data at 1, 2, 3 only
  assert.equal(s('i'), [NA, 10, 15, 20, 17.5, 15, NA, NA, NA]);
  // Modes ±1 read the time rounded down (0, 1, 1, 2, 2, 3, 3, 4, 4); forward takes the point
  // at or after it, backward the last point strictly before it (the first point when none
  // is), as Vensim's own run of SDEverywhere's getdata shows.
  assert.equal(s('f'), [NA, 10, 10, 20, 20, 15, 15, NA, NA]);
  assert.equal(s('b'), [NA, 10, 10, 10, 10, 20, 20, NA, NA]);
});

test('GET DATA AT TIME gives the value of a data point, :NA: between points', () => {
  const s = run(withData('at = GET DATA AT TIME(sales, Time) ~ ~ |'));
  assert.equal(s('at'), [NA, NA, 10, NA, 20, NA, 15, NA, NA]);
});

test('GET DATA MIN/MAX/MEAN over the points in a time range, :NA: when there are none; FIRST/LAST TIME, TOTAL POINTS', () => {
  const s = run(withData(`mn = GET DATA MIN(sales, 0, Time) ~ ~ |
mx = GET DATA MAX(sales, 0, Time) ~ ~ |
me = GET DATA MEAN(sales, 1.5, Time) ~ ~ |
first = GET DATA FIRST TIME(sales) ~ ~ |
last = GET DATA LAST TIME(ahead) ~ ~ |
n = GET DATA TOTAL POINTS(sales) ~ ~ |`));
  // points up to Time: none before 1; {10} from 1; {10, 20} from 2; {10, 20, 15} from 3
  assert.equal(s('mn'), [NA, NA, 10, 10, 10, 10, 10, 10, 10]);
  assert.equal(s('mx'), [NA, NA, 10, 10, 20, 20, 20, 20, 20]);
  // from 1.5: none before 2; {20}; then {20, 15}, mean 17.5
  assert.equal(s('me'), [NA, NA, NA, NA, 20, 20, 17.5, 17.5, 17.5]);
  assert.equal([s('first')[0], s('last')[0], s('n')[0]], [1, 3, 3]);
});

test(':LOOK FORWARD: data keep their points: the value at a data time is that point\'s, between points the next one', () => {
  const s = run(withData(''));
  // times 0 … 4 by 0.5: 10 before the first point, then 10, 20, 20, 15, 15, held at 15
  assert.equal(s('ahead'), [10, 10, 10, 20, 20, 15, 15, 15, 15]);
});

test('wrong arity and arguments that are not lookups or data give located diagnostics', () => {
  const found = diags(`${LOOK}
x = 3 ~ ~ |
a = LOOKUP FORWARD(LOOK) ~ ~ |
b = LOOKUP AREA(x, 0, 1) ~ ~ |
c = LOOKUP INVERT(LOOK * 2, 1) ~ ~ |
d = GET DATA BETWEEN TIMES(LOOK, 1, 0) ~ ~ |
e = NPV(1, 0.1, 0) ~ ~ |
f = TIME BASE(1970) ~ ~ |
g = LOOKUP EXTRAPOLATE(nothing, 1) ~ ~ |`).filter((d) => d.severity === 'error');
  const at = (code: string, line: number) => found.find((d) => d.code === code && d.line === line);
  // the equations start on line 2 (line 1 is {UTF-8})
  assert.match(at('wrong-arity', 4)?.message ?? '', /LOOKUP FORWARD takes 2 arguments, not 1/);
  assert.is(at('not-a-lookup', 5)?.column, 17);
  assert.match(at('not-a-lookup', 5)?.hint ?? '', /'x' is not a lookup/);
  assert.match(at('not-a-lookup', 6)?.message ?? '', /LOOKUP INVERT must be the name of a lookup/);
  assert.match(at('not-a-lookup', 7)?.hint ?? '', /'LOOK' is not a data variable/);
  assert.match(at('wrong-arity', 8)?.message ?? '', /NPV takes 4 arguments, not 3/);
  assert.match(at('wrong-arity', 9)?.message ?? '', /TIME BASE takes 2 arguments, not 1/);
  assert.ok(at('unknown-variable', 10), 'an unknown table name is reported');
  for (const d of found) assert.is(d.file, 'bad.mdl');
});

test('GAMMA LN(x) is the natural log of the gamma function (Vensim reference, GAMMA LN)', () => {
  const [a, b, c] = values('a = GAMMA LN(10) ~~|\nb = GAMMA LN(0.5) ~~|\nc = GAMMA LN(1) ~~|', ['a', 'b', 'c']);
  assert.ok(Math.abs(a - Math.log(362880)) < 1e-9 && Math.abs(b - 0.5 * Math.log(Math.PI)) < 1e-9 && Math.abs(c) < 1e-9, `${a} ${b} ${c}`);
});

test('VECTOR ELM MAP(v[start], offset) picks the element offset places after start; outside the array it is :NA: (Vensim reference)', () => {
  // Vensim's example: b[DimB] = 1, 2; VECTOR ELM MAP(b[B1], a) is b[B1] for a = 0 and b[B2] for a = 1.
  const eqs = `DimA: A1, A2, A3 ~~|\nDimB: B1, B2 ~~|\na[DimA] = 0, 1, 5 ~~|\nb[DimB] = 1, 2 ~~|
c[DimA] = VECTOR ELM MAP(b[B1], a[DimA]) ~~|
d[DimA, DimB] = 1, 4; 2, 5; 3, 6; ~~|
f[DimA] = VECTOR ELM MAP(d[DimA, B1], 1) ~~|
moving = VECTOR ELM MAP(b[B1], Time) ~~|`;
  assert.equal(values(eqs, ['c[A1]', 'c[A2]', 'c[A3]']), [1, 2, NA]);
  // Offsets run through the array in storage order: d[A2,B1] + 1 is d[A2,B2].
  assert.equal(values(eqs, ['f[A1]', 'f[A2]', 'f[A3]']), [4, 5, 6]);
  // An offset that changes during the run: time 0 → b[B1], 1 → b[B2], 2 → :NA:.
  assert.equal(run(model(eqs, 2))('moving'), [1, 2, NA]);
});

test.run();
