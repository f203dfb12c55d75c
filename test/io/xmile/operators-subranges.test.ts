/**
 * Stella's safe division `a // b` (SAFEDIV(a, b): 0 where b is 0, at the precedence of `/`)
 * and the subrange wildcard `*:SubA` (the elements of subrange SubA of a dimension, as `*`
 * is all of them). Expected values by hand: a = 10, 20, 30 over A1…A3; SubA = A1, A3.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFails, readOk, run, xmileDoc } from './helpers.js';

const top = `<dimensions><dim name="DimA"><elem name="A1"/><elem name="A2"/><elem name="A3"/></dim>
  <dim name="SubA"><elem name="A1"/><elem name="A3"/></dim><dim name="Other"><elem name="X"/></dim></dimensions>`;
const doc = (vars: string) => xmileDoc(`
  <aux name="a"><dimensions><dim name="DimA"/></dimensions><eqn>DimA * 10</eqn></aux>
  ${vars}`, { top, sim: '<sim_specs method="euler"><start>0</start><stop>2</stop><dt>1</dt></sim_specs>' });

test('a // b divides, and is 0 where b is 0', () => {
  const r = run(readOk(doc('<aux name="q"><eqn>6 // TIME + 1</eqn></aux><aux name="p"><eqn>2 * 6 // (TIME + 1) * 2</eqn></aux>')));
  // 6 // TIME: 0 (TIME = 0), 6, 3; plus 1.   2 * 6 // (TIME + 1) * 2 = ((2 * 6) // (TIME + 1)) * 2: 24, 12, 8.
  assert.equal(Array.from(r.series('q')), [1, 7, 4]);
  assert.equal(Array.from(r.series('p')), [24, 12, 8]);
});

test('*:SubA takes the elements of the subrange in array functions', () => {
  const r = run(readOk(doc(`
  <aux name="s"><eqn>SUM(a[*:SubA])</eqn></aux>
  <aux name="n"><eqn>SIZE(a[*:SubA]) + MAX(a[*:SubA])</eqn></aux>`)));
  assert.equal(Array.from(r.series('s')), [40, 40, 40]);
  assert.equal(Array.from(r.series('n')), [32, 32, 32]);
});

test('*:SubA in an equation over the subrange selects the element being computed', () => {
  const r = run(readOk(doc('<aux name="b"><dimensions><dim name="SubA"/></dimensions><eqn>a[*:SubA] + 1</eqn></aux>')));
  assert.equal(Array.from(r.series('b[A1]')), [11, 11, 11]);
  assert.equal(Array.from(r.series('b[A3]')), [31, 31, 31]);
});

test('*: with a dimension that is not a subrange is a located error', () => {
  const d = readFails(doc('<aux name="s"><eqn>SUM(a[*:Other])</eqn></aux>'));
  assert.ok(d.some((x) => x.code === 'invalid-subscript' && /'Other' is not a subrange of 'DimA'/.test(x.message) && x.line), d.map((x) => x.message).join('\n'));
});

test.run();
