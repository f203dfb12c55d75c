/**
 * Subscripts computed while the model runs (XMILE 1.0 §3.7.1; io/xmile/select.ts): an
 * expression such as `a[INT(TIME MOD 5) + 1]`, or another array's value used as the index
 * (`a[b]`). The index is truncated like INT; outside the dimension the value is 0.
 * Expected values by hand: a = 10, 20, 30 over DimA; Euler, dt 1, TIME 0…5.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFails, readOk, run, xmileDoc } from './helpers.js';

const top = `<dimensions><dim name="DimA"><elem name="A1"/><elem name="A2"/><elem name="A3"/></dim>
  <dim name="DimB"><elem name="B1"/><elem name="B2"/></dim></dimensions>`;
const sim = '<sim_specs method="euler"><start>0</start><stop>5</stop><dt>1</dt></sim_specs>';
const doc = (vars: string) => xmileDoc(`
  <aux name="a"><dimensions><dim name="DimA"/></dimensions><eqn>DimA * 10</eqn></aux>
  <aux name="m"><dimensions><dim name="DimA"/><dim name="DimB"/></dimensions><eqn>DimA * 10 + DimB</eqn></aux>
  ${vars}`, { top, sim });

test('an index expression selects the element during the run, 0 outside the dimension', () => {
  const r = run(readOk(doc('<aux name="x"><eqn>a[INT(TIME MOD 5) + 1]</eqn></aux>')));
  assert.equal(Array.from(r.series('x')), [10, 20, 30, 0, 0, 10]);
});

test('a fractional index is truncated like INT', () => {
  const r = run(readOk(doc('<aux name="z"><eqn>a[TIME / 2 + 1]</eqn></aux>')));
  assert.equal(Array.from(r.series('z')), [10, 10, 20, 20, 30, 30]);
});

test("another array's value is an index, element by element", () => {
  const r = run(readOk(doc(`
  <aux name="map"><dimensions><dim name="DimB"/></dimensions><element subscript="B1"><eqn>3</eqn></element><element subscript="B2"><eqn>1</eqn></element></aux>
  <aux name="e"><dimensions><dim name="DimB"/></dimensions><eqn>a[map] + TIME</eqn></aux>`)));
  assert.equal(Array.from(r.series('e[B1]')), [30, 31, 32, 33, 34, 35]);
  assert.equal(Array.from(r.series('e[B2]')), [10, 11, 12, 13, 14, 15]);
});

test('one computed subscript beside a fixed one in a two-dimensional array', () => {
  const r = run(readOk(doc('<aux name="y"><eqn>m[INT(TIME) + 1, B2]</eqn></aux>')));
  assert.equal(Array.from(r.series('y')), [12, 22, 32, 0, 0, 0]);
});

test('a subscript that is neither an element nor a variable is a located error', () => {
  const d = readFails(doc('<aux name="w"><eqn>a[A9]</eqn></aux>'));
  assert.ok(d.some((x) => x.code === 'invalid-subscript' && /'A9' is neither an element of 'DimA' nor a variable/.test(x.message) && x.line), d.map((x) => x.message).join('\n'));
});

test.run();
