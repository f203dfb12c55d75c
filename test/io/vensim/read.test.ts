import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatDiagnostic } from '../../../src/core/diagnostics.js';
import { trySimulate } from '../../../src/sim/simulate.js';
import { byName, diags, eq, mdl } from './helpers.js';

test('INTEG becomes a stock whose rate terms become inflows and outflows', () => {
  const m = mdl(`
Teacup Temperature = INTEG(-Heat Loss to Room + Gain, 180) ~ Degrees Fahrenheit [32,212] ~ tea |
Heat Loss to Room = (Teacup Temperature - Room Temperature) / Characteristic Time ~ F/Minute ~|
Gain = 1 ~~|
Room Temperature = 70 ~~|
Characteristic Time = 10 ~ Minutes ~|`);
  const s = byName(m, 'Teacup Temperature');
  assert.is(s.kind, 'stock');
  if (s.kind !== 'stock') return;
  assert.equal([s.inflows, s.outflows, s.initial, s.units, s.doc], [['Gain'], ['Heat Loss to Room'], '180', 'Degrees Fahrenheit', 'tea']);
  assert.is(byName(m, 'Gain').kind, 'flow');
  assert.is(byName(m, 'Room Temperature').kind, 'constant');
  assert.equal([m.sim.start, m.sim.stop, m.sim.dt, m.sim.saveper, m.sim.timeUnit], [0, 10, 0.5, 0.5, 'Month']);
});

test('a rate that is not a sum of variables gets one synthetic net flow', () => {
  const m = mdl('S = INTEG(Time * 2, 0) ~~|');
  const s = byName(m, 'S');
  assert.equal(s.kind === 'stock' && s.inflows, ['S net flow']);
  assert.is(eq(m, 'S net flow'), 'time * 2');
});

test('the model runs with the numbers Euler integration gives', () => {
  const m = mdl('S = INTEG(r, 1) ~~|\nr = S * 0.1 ~~|');
  const run = trySimulate(m, {});
  assert.ok(run.result, run.diagnostics.map(formatDiagnostic).join('\n'));
  const s = run.result!.series('S');
  assert.ok(Math.abs(s[s.length - 1] - 1.05 ** 20) < 1e-9);
});

test('subscripted definitions expand into scalars named base[element]', () => {
  const m = mdl(`
dim: (a1-a3) ~~|
sub: a2, a3 ~~|
x[dim] = 1, 2, 3 ~~|
y[sub] = x[sub] * 10 ~~|
m[dim, sub] = 1, 2; 3, 4; 5, 6; ~~|
total = SUM(x[dim!]) ~~|
big = VMAX(m[dim!, sub!]) ~~|`);
  assert.is(eq(m, 'x[a2]'), '2');
  assert.is(eq(m, 'y[a3]'), '"x[a3]" * 10');
  assert.is(eq(m, 'm[a3,a2]'), '5');
  assert.is(eq(m, 'total'), 'sum("x[a1]", "x[a2]", "x[a3]")');
  assert.is(eq(m, 'big'), 'max("m[a1,a2]", "m[a1,a3]", "m[a2,a2]", "m[a2,a3]", "m[a3,a2]", "m[a3,a3]")');
});

test('SUM and PROD over 2,000 elements read and run: one variadic call, not a chain 2,000 operations deep (refused as too-deep)', () => {
  const m = mdl(`dim: (e1-e2000) ~~|
x[dim] = dim ~~|
total = SUM(x[dim!]) ~~|
p = PROD(x[dim!] / x[dim!]) ~~|`);
  const run = trySimulate(m, {});
  assert.ok(run.result, run.diagnostics.map(formatDiagnostic).join('\n'));
  assert.is(run.result!.series('total')[0], (2000 * 2001) / 2);
  assert.is(run.result!.series('p')[0], 1);
});

test('a number list may carry units with a range (Vensim reference, "Units": units [min,max,increment])', () => {
  const m = mdl(`s: a, b, c ~~|\nx[s] = 3, 1.5, 4.5 ~ DegreesC [1,6,0.1] ~|\ny[s] = 1, 2, 3 ~ [0,?] ~|`);
  assert.equal(['x[a]', 'x[b]', 'x[c]'].map((n) => eq(m, n)), ['3', '1.5', '4.5']);
  assert.is(byName(m, 'x[b]').units, 'DegreesC');
  assert.is(byName(m, 'y[c]').units, undefined);
  assert.is(eq(m, 'y[c]'), '3');
});

test('mappings, EXCEPT and dimensions used as values resolve per element', () => {
  const m = mdl(`
from: f1, f2 -> to ~~|
to: t1, t2 ~~|
src[from] = 5, 7 ~~|
dst[to] = src[from] ~~|
v[to] :EXCEPT: [t2] = to ~~|
v[t2] = 0 ~~|`);
  assert.is(eq(m, 'dst[t2]'), '"src[f2]"');
  assert.is(eq(m, 'v[t1]'), '1');
  assert.is(eq(m, 'v[t2]'), '0');
});

test('a mapping onto a list of elements and subranges: each item stands for its target item (Vensim "Subscript Mapping")', () => {
  // DimB: B1, B2 -> (DimA: SubA, A3): B1 stands for A1 and A2 (the elements of SubA), B2 for A3.
  const m = mdl(`
DimA: A1, A2, A3 ~~|
SubA: A1, A2 ~~|
DimB: B1, B2 -> (DimA: SubA, A3) ~~|
DimC: SubC, C3 -> DimD ~~|
SubC: C1, C2 ~~|
DimD: D1, D2, D3 ~~|
b[DimB] = 1, 2 ~~|
a[DimA] = b[DimB] * 10 ~~|
c[DimC] = 1, 2, 3 ~~|
d[DimD] = c[DimC] * 10 ~~|`);
  assert.equal(['a[A1]', 'a[A2]', 'a[A3]'].map((n) => eq(m, n)), ['"b[B1]" * 10', '"b[B1]" * 10', '"b[B2]" * 10']);
  // A subrange among the source's items maps positionally over its elements.
  assert.equal(['d[D1]', 'd[D2]', 'd[D3]'].map((n) => eq(m, n)), ['"c[C1]" * 10', '"c[C2]" * 10', '"c[C3]" * 10']);
});

test('a mapping that lists the target in another order reorders; a plain one maps by position', () => {
  const m = mdl(`
DimA: A1, A2, A3 -> (DimB: B3, B2, B1), DimC ~~|
DimB: B1, B2, B3 ~~|
DimC: C1, C2, C3 ~~|
a[DimA] = 1, 2, 3 ~~|
b[DimB] = a[DimA] ~~|
c[DimC] = a[DimA] ~~|`);
  assert.equal(['b[B1]', 'b[B2]', 'b[B3]'].map((n) => eq(m, n)), ['"a[A3]"', '"a[A2]"', '"a[A1]"']);
  assert.equal(['c[C1]', 'c[C2]', 'c[C3]'].map((n) => eq(m, n)), ['"a[A1]"', '"a[A2]"', '"a[A3]"']);
});

test('a mapping whose list does not match the range, or names a foreign element, is a located error', () => {
  const short = diags('DimA: A1, A2, A3 ~~|\nDimB: B1, B2 -> (DimA: A1) ~~|\nx[DimB] = 1 ~~|');
  assert.ok(short.some((d) => d.code === 'bad-subscript-mapping' && d.line === 3 && /2 items but its mapping onto 'DimA' lists 1/.test(d.message)), JSON.stringify(short));
  const foreign = diags('DimA: A1, A2 ~~|\nDimB: B1, B2 -> (DimA: A1, Z9) ~~|\nx[DimB] = 1 ~~|');
  assert.ok(foreign.some((d) => d.code === 'bad-subscript-mapping' && /'Z9'.*not an element or subrange of 'DimA'/.test(d.message)), JSON.stringify(foreign));
});

test('lookups: standalone tables, WITH LOOKUP and calls', () => {
  const m = mdl(`
tbl([(0,0)-(2,2)], (0,0), (1,2), (2,1)) ~~|
y = tbl(Time) ~~|
w = WITH LOOKUP(Time, ((0,1),(10,2))) ~~|`);
  const t = byName(m, 'tbl');
  assert.equal(t.kind === 'lookup' && t.table.points, [[0, 0], [1, 2], [2, 1]]);
  assert.is(eq(m, 'y'), 'lookup(tbl, time)');
  const w = byName(m, 'w');
  assert.equal(w.kind === 'aux' && [w.equation, w.gf?.points], ['time', [[0, 1], [10, 2]]]);
});

test('builtins map to native functions and equivalent expressions', () => {
  const m = mdl(`
a = 3 ~~|
d = DELAY N(a, 2, 0, 3) ~~|
i = INTEGER(Time - 5.5) ~~|
md = MODULO(Time - 10, 3) ~~|
p = PULSE(2, 1) ~~|
s = SMOOTHI(a, 2, 1) ~~|
z = XIDZ(a, Time, 1) ~~|`);
  assert.is(eq(m, 'd'), 'vensim_delayn(a, 2, 3, 0)');
  assert.is(eq(m, 'i'), 'trunc(time - 5.5)');
  assert.is(eq(m, 'md'), 'time - 10 - 3 * trunc((time - 10) / 3)');
  // PULSE(2, 1) is 1 while 2 ≤ time + dt/2 < 2 + max(1, dt): two steps, a test input RK Auto holds.
  assert.is(eq(m, 'p'), 'step(1, 2 - dt / 2) - step(1, 2 + max(1, dt) - dt / 2)');
  assert.is(eq(m, 's'), 'smooth(a, 2, 1)');
  assert.is(eq(m, 'z'), 'xidz(a, time, 1)');
});

test('macros expand inline with their own copies of internal variables', () => {
  const m = mdl(`
:MACRO: DOUBLE(input)
DOUBLE = input * k ~~|
k = 2 ~~|
:END OF MACRO:
y = DOUBLE(Time) + DOUBLE(3) ~~|`);
  assert.is(eq(m, 'y'), 'y_DOUBLE_DOUBLE + y_DOUBLE_DOUBLE_2');
  assert.is(eq(m, 'y DOUBLE DOUBLE'), 'time * y_DOUBLE_k');
  assert.is(eq(m, 'y DOUBLE DOUBLE 2'), '3 * y_DOUBLE_k_2');
});

test('ACTIVE INITIAL gives its initial value to stock initial values only', () => {
  const m = mdl('v = ACTIVE INITIAL(Time, 45) ~~|\nS = INTEG(1, v) ~~|');
  assert.is(eq(m, 'v'), 'time');
  const s = byName(m, 'S');
  assert.is(s.kind === 'stock' && s.initial, '45');
});

test('malformed input gets a located diagnostic with the offending text', () => {
  const d = diags('x = (1 + ~~|\ny = FOO(2) ~~|\nz = q ~~|');
  const text = d.map(formatDiagnostic).join('\n');
  assert.match(text, /bad\.mdl:2:\d+: error\[syntax-error\]/);
  assert.match(text, /bad\.mdl:3:5: error\[unknown-function\] 'y': unknown function 'FOO'/);
  assert.match(text, /bad\.mdl:4:5: error\[unknown-variable\] 'z': 'q' is not defined/);
});

test('an unsupported construct is an error, never a silent result', () => {
  const d = diags('x = GET TIME VALUE(2, 0, 0) ~~|');
  assert.ok(d.some((x) => x.severity === 'error' && x.code === 'unsupported-construct'));
});

test.run();
