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

test.run();
