/**
 * Separate initial equations (XMILE `<init_eqn>`, io/xmile/init.ts): the variable takes its
 * initial equation at the start time and its equation afterwards, and stock initial values
 * read it through the initial equation (which breaks the stock → target → stock loop).
 * Expected values computed by hand (Euler, dt 1): Target = 2·Stock after the start, 10 at it.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFails, readOk, run, xmileDoc } from './helpers.js';

const model = (target = '<aux name="Target"><eqn>Stock * 2</eqn><init_eqn>10</init_eqn></aux>') => xmileDoc(`
  <stock name="Stock"><eqn>Target</eqn><inflow>adjusting</inflow></stock>
  <flow name="adjusting"><eqn>Target - Stock</eqn></flow>
  ${target}
  <aux name="Target plus one"><eqn>Target + 1</eqn></aux>
  <stock name="Second"><eqn>Target_plus_one</eqn></stock>
  <aux name="Held"><eqn>INIT(Target)</eqn></aux>`, { sim: '<sim_specs method="euler"><start>0</start><stop>3</stop><dt>1</dt></sim_specs>' });

test('an <init_eqn> gives the start value; the <eqn> holds afterwards', () => {
  const r = run(readOk(model()));
  // t=0: Stock = Target = 10, adjusting 0; t=1: Stock 10, Target 20, adjusting 10; t=2: Stock 20, Target 40.
  assert.equal(Array.from(r.series('Stock')), [10, 10, 20, 40]);
  assert.equal(Array.from(r.series('Target')), [10, 20, 40, 80]);
  assert.equal(Array.from(r.series('adjusting')), [0, 10, 20, 40]);
});

test('what reads the variable, directly or through auxiliaries, sees the initial value at the start', () => {
  const r = run(readOk(model()));
  assert.equal(Array.from(r.series('Target plus one')), [11, 21, 41, 81]);
  assert.equal(Array.from(r.series('Second')), [11, 11, 11, 11]);
  assert.equal(Array.from(r.series('Held')), [10, 10, 10, 10]);
});

test('arrayed variables take an <init_eqn> per element or for all elements', () => {
  const top = '<dimensions><dim name="Site"><elem name="a"/><elem name="b"/></dim></dimensions>';
  const text = xmileDoc(`
  <stock name="Stock"><dimensions><dim name="Site"/></dimensions><eqn>Target[Site]</eqn></stock>
  <aux name="Target"><dimensions><dim name="Site"/></dimensions><eqn>Stock[Site] * 2</eqn><init_eqn>Site * 5</init_eqn></aux>
  <aux name="Own"><dimensions><dim name="Site"/></dimensions>
    <element subscript="a"><eqn>TIME</eqn><init_eqn>7</init_eqn></element><element subscript="b"><eqn>TIME</eqn></element></aux>`,
  { top, sim: '<sim_specs method="euler"><start>0</start><stop>1</stop><dt>1</dt></sim_specs>' });
  const r = run(readOk(text));
  assert.equal(Array.from(r.series('Stock[a]')), [5, 5]);
  assert.equal(Array.from(r.series('Stock[b]')), [10, 10]);
  assert.equal(Array.from(r.series('Target[b]')), [10, 20]);
  assert.equal(Array.from(r.series('Own[a]')), [7, 1]);
  assert.equal(Array.from(r.series('Own[b]')), [0, 1]);
});

test('an <init_eqn> on a stock, or inside a macro, is a located error', () => {
  const onStock = readFails(xmileDoc('<stock name="S"><eqn>1</eqn><init_eqn>2</init_eqn></stock>'));
  assert.ok(onStock.some((d) => d.code === 'invalid-equation' && d.variable === 'S' && d.line), onStock.map((d) => d.message).join('\n'));
  const macro = `<macro name="M"><parm>x</parm><eqn>y</eqn><variables><aux name="y"><eqn>x</eqn><init_eqn>0</init_eqn></aux></variables></macro>`;
  const inMacro = readFails(xmileDoc('<aux name="a"><eqn>M(TIME)</eqn></aux>', { top: macro }));
  assert.ok(inMacro.some((d) => /initial equations/.test(d.message) && d.line), inMacro.map((d) => d.message).join('\n'));
});

test.run();
