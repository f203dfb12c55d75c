/**
 * Malformed .mdl input found by mutating real models: each gets a located diagnostic from the
 * reader, never an exception (io/load.ts would turn one into an unlocated "could not be read").
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diags } from './helpers.js';

test('a range that fails to expand is refused where a reducer or vector function walks it with !', () => {
  const found = diags(`D: (A1-A0) ~~|
x[D] = 1 ~~|
s = VECTOR SELECT(x[D!], x[D!], 0, 1, 0) ~~|
p = PROD(x[D!]) ~~|`);
  assert.ok(found.some((d) => d.code === 'bad-subscript-range' && d.line === 2), JSON.stringify(found));
  const empty = found.filter((d) => d.code === 'empty-subscript');
  assert.equal(empty.map((d) => [d.variable, d.line]), [['s', 4], ['p', 5]]);
  assert.match(empty[0].message, /'D!' ranges over no elements/);
  assert.match(empty[0].hint ?? '', /at least one element/);
});

test('a vector function misused in a subscripted equation is reported once about the variable, with its element count', () => {
  const found = diags(`DimA: A1, A2, A3 ~~|
y[DimA] = 1, 2, 3 ~~|
x[DimA] = VECTOR SELECT(y[DimA!], y[DimA!], 0, 12, 0) ~~|
s = VECTOR SELECT(y[DimA!], y[DimA!], 0, 13, 0) ~~|`).filter((d) => d.code === 'bad-argument');
  assert.equal(found.map((d) => [d.variable, d.line]), [['x', 4], ['s', 5]]);
  assert.match(found[0].message, /no numerical action 12 \(0 to 10\), in 3 elements$/);
  assert.not.match(found[1].message, /elements/, 'a scalar says no count');
});

test('an equation whose operator chain is too long to walk is a located syntax error (limit of expr/parse.ts)', () => {
  const long = Array.from({ length: 5000 }, () => 'b').join(' + ');
  const found = diags(`b = 1 ~~|\na = ${long} ~~|`);
  const too = found.find((d) => /more than 1500 operations deep/.test(d.message));
  assert.ok(too, JSON.stringify(found.map((d) => d.message)));
  assert.is(too!.line, 3);
  assert.is(too!.column, 1);
  assert.match(too!.message, /split it into auxiliary variables/);
  assert.ok(!found.some((d) => d.code === 'too-deep' && d.line === undefined), 'no unlocated too-deep');
});

test('a chain under the limit still reads', () => {
  const long = Array.from({ length: 1000 }, () => 'b').join(' + ');
  assert.not.ok(diags(`b = 1 ~~|\na = ${long} ~~|`).some((d) => d.severity === 'error'));
});

test('a range defined through thousands of other ranges is a located error, not an unlocated stack overflow', () => {
  const n = 5000;
  const chain = Array.from({ length: n }, (_, i) => `D${i}: D${i + 1} ~~|`).join('\n');
  const found = diags(`${chain}\nD${n}: a1, a2 ~~|\nx[D0] = 1 ~~|`);
  const deep = found.filter((d) => d.code === 'too-deep');
  assert.ok(deep.length > 0, JSON.stringify(found.slice(0, 3)));
  assert.match(deep[0].message, /subscript range 'D\d+' is defined through more than 200 other ranges/);
  assert.ok(deep[0].line! > 1);
});

test.run();
