import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { aux, equationOf, last, readOk, run, variable, xmileDoc } from './helpers.js';

const DIMS = `<dimensions>
    <dim name="Region"><elem name="north"/><elem name="south"/></dim>
    <dim name="Age"><elem name="young"/><elem name="old"/><elem name="very old"/></dim>
    <dim name="n" size="3"/>
  </dimensions>`;
const dims = (names: string) => `<dimensions>${names.split(',').map((n) => `<dim name="${n}"/>`).join('')}</dimensions>`;

test('apply-to-all arrays expand into base[elem] variables that see their own element', () => {
  const m = readOk(xmileDoc(`
      <aux name="pop">${dims('Region')}<eqn>10</eqn></aux>
      <aux name="growth">${dims('Region')}<eqn>pop[Region] * 2 + pop</eqn></aux>`, { top: DIMS }));
  assert.equal(m.variables.map((v) => v.name), ['pop[north]', 'pop[south]', 'growth[north]', 'growth[south]']);
  assert.is(equationOf(m, 'growth[south]'), '"pop[south]" * 2 + "pop[south]"');
  assert.is(last(run(m), 'growth[north]'), 30);
});

test('per-element definitions, element lists and numbered dimensions', () => {
  const m = readOk(xmileDoc(`
      <aux name="a">${dims('Region')}<element subscript="north"><eqn>1</eqn></element><element subscript="south"><eqn>2</eqn></element></aux>
      <aux name="b">${dims('Region,Age')}<eqn>1, 2, 3; 4, 5, 6;</eqn></aux>
      <aux name="c">${dims('n')}<eqn>n * 10</eqn></aux>
      ${aux('d', 'b[south, very_old] + c[2] + a[Region.south]')}`, { top: DIMS }));
  assert.is(equationOf(m, 'b[south,old]'), '5');
  assert.is(equationOf(m, 'c[3]'), '3 * 10');
  assert.is(last(run(m), 'd'), 6 + 20 + 2);
});

test('array builtins reduce whole dimensions (SUM, MEAN, MIN, MAX, SIZE, STDDEV, PROD)', () => {
  const m = readOk(xmileDoc(`
      <aux name="v">${dims('Age')}<eqn>1, 2, 6</eqn></aux>
      ${aux('s', 'SUM(v[*])')}${aux('mean', 'MEAN(v)')}${aux('lo', 'MIN(v[Age])')}${aux('hi', 'MAX(v[*], 10)')}
      ${aux('n', 'SIZE(v)')}${aux('sd', 'STDDEV(v)')}${aux('p', 'PROD(v[*])')}
      <aux name="share">${dims('Age')}<eqn>v / SUM(v[*])</eqn></aux>`, { top: DIMS }));
  assert.is(equationOf(m, 's'), 'sum("v[young]", "v[old]", "v[very old]")');
  const r = run(m);
  assert.equal(['s', 'mean', 'lo', 'hi', 'n', 'p', 'share[very old]'].map((x) => last(r, x)), [9, 3, 1, 10, 3, 12, 6 / 9]);
  assert.ok(Math.abs(last(r, 'sd') - Math.sqrt(14 / 3)) < 1e-12);
});

test('arrayed stocks take the same element of arrayed flows', () => {
  const m = readOk(xmileDoc(`
      <stock name="S">${dims('Region')}<eqn>0</eqn><inflow>f</inflow></stock>
      <flow name="f">${dims('Region')}<element subscript="north"><eqn>1</eqn></element><element subscript="south"><eqn>2</eqn></element></flow>`, { top: DIMS }));
  const s = variable(m, 'S[south]');
  assert.ok(s.kind === 'stock' && s.inflows[0] === 'f[south]');
  assert.is(last(run(m), 'S[south]'), 8);
});

test('a dimension name mapped onto another dimension of the same size goes by position', () => {
  const m = readOk(xmileDoc(`
      <aux name="x">${dims('n')}<eqn>n</eqn></aux>
      <aux name="y">${dims('Age')}<eqn>x[Age] * 10</eqn></aux>`, { top: DIMS }));
  assert.is(equationOf(m, 'y[old]'), '"x[2]" * 10');
});

test('per-element graphical functions share the variable-level input equation (Stella)', () => {
  const m = readOk(xmileDoc(`
      <aux name="demand">${dims('Region')}
        <element subscript="north"><gf><xscale min="0" max="4"/><ypts>0,4</ypts></gf></element>
        <element subscript="south"><gf><xscale min="0" max="4"/><ypts>4,0</ypts></gf></element>
        <eqn>TIME</eqn>
      </aux>`, { top: DIMS }));
  const r = run(m);
  assert.equal([last(r, 'demand[north]'), last(r, 'demand[south]')], [4, 0]);
});

test('an array read with one flat row-major index picks that element', () => {
  const m = readOk(xmileDoc(`
      <aux name="b">${dims('Region,Age')}<eqn>1, 2, 3, 4, 5, 6</eqn></aux>
      ${aux('e', 'b(5)')}`, { top: DIMS }));
  assert.is(equationOf(m, 'e'), '"b[south,old]"');
});

test.run();
