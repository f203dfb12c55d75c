/**
 * Graphical functions with their own input (XMILE 1.0 §3.1.4: `<eqn>` and `<gf>` in one
 * variable) and lookups on arrayed graphical functions. The variable's value is the graphical
 * function applied to its equation, also when the function is called by name elsewhere; an
 * element of an arrayed graphical function is called as `LOOKUP(g[A2], x)`, or `g(x)` inside
 * an equation over the same dimension. Expected values by hand: points (0,0) (1,10) (2,20).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readOk, run, xmileDoc } from './helpers.js';

const GF = '<gf><xscale min="0" max="2"/><ypts>0,10,20</ypts></gf>';

test('a graphical function of an input stays a variable when it is also called by name', () => {
  const m = readOk(xmileDoc(`
  <aux name="x"><eqn>TIME</eqn></aux>
  <aux name="y"><eqn>x / 2</eqn>${GF}</aux>
  <aux name="z"><eqn>y + 1</eqn></aux>
  <aux name="w"><eqn>y(0.5) + LOOKUP(y, 1.5)</eqn></aux>`));
  const r = run(m);
  // y = gf(TIME / 2): 0, 5, 10, 15, 20 (the last point holds beyond x = 2).
  assert.equal(Array.from(r.series('y')), [0, 5, 10, 15, 20]);
  assert.equal(Array.from(r.series('z')), [1, 6, 11, 16, 21]);
  assert.equal(Array.from(r.series('w')), [20, 20, 20, 20, 20]);
});

test('one element of an arrayed graphical function is looked up by its subscript', () => {
  const top = '<dimensions><dim name="DimA"><elem name="A1"/><elem name="A2"/></dim></dimensions>';
  const r = run(readOk(xmileDoc(`
  <aux name="g"><dimensions><dim name="DimA"/></dimensions>
    <element subscript="A1">${GF}</element>
    <element subscript="A2"><gf><xscale min="0" max="2"/><ypts>0,100,200</ypts></gf></element></aux>
  <aux name="one"><eqn>LOOKUP(g[A2], 0.5)</eqn></aux>
  <aux name="each"><dimensions><dim name="DimA"/></dimensions><eqn>g(TIME / 4)</eqn></aux>
  <aux name="picked"><eqn>LOOKUP(g[INT(TIME) MOD 2 + 1], 1)</eqn></aux>`, { top })));
  assert.equal(Array.from(r.series('one')), [50, 50, 50, 50, 50]);
  assert.equal(Array.from(r.series('each[A1]')), [0, 2.5, 5, 7.5, 10]);
  assert.equal(Array.from(r.series('each[A2]')), [0, 25, 50, 75, 100]);
  assert.equal(Array.from(r.series('picked')), [10, 100, 10, 100, 10]);
});

test('an arrayed graphical function of an input gives each element its own function of its input', () => {
  const top = '<dimensions><dim name="DimA"><elem name="A1"/><elem name="A2"/></dim></dimensions>';
  const r = run(readOk(xmileDoc(`
  <aux name="g"><dimensions><dim name="DimA"/></dimensions><eqn>TIME / 2</eqn>
    <element subscript="A1">${GF}</element>
    <element subscript="A2"><gf><xscale min="0" max="2"/><ypts>0,100,200</ypts></gf></element></aux>
  <aux name="sum"><eqn>g[A1] + g[A2] + LOOKUP(g[A1], 2)</eqn></aux>`, { top })));
  assert.equal(Array.from(r.series('g[A2]')), [0, 50, 100, 150, 200]);
  assert.equal(Array.from(r.series('sum')), [20, 75, 130, 185, 240]);
});

test.run();
