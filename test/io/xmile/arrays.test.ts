import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { aux, equationOf, last, readFails, readOk, run, variable, xmileDoc } from './helpers.js';

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

test('SIZE of a dimension name is its element count, as Stella writes it', () => {
  const m = readOk(xmileDoc(`
      ${aux('n', 'SIZE(Age)')}<aux name="v">${dims('Region')}<eqn>10 * SIZE(Region) + n</eqn></aux>`, { top: DIMS }));
  const r = run(m);
  assert.equal(['n', 'v[north]'].map((x) => last(r, x)), [3, 23]);
});

test('an array read with one flat row-major index picks that element', () => {
  const m = readOk(xmileDoc(`
      <aux name="b">${dims('Region,Age')}<eqn>1, 2, 3, 4, 5, 6</eqn></aux>
      ${aux('e', 'b(5)')}`, { top: DIMS }));
  assert.is(equationOf(m, 'e'), '"b[south,old]"');
});

test('array builtins take slices and mixes of arrays and scalars (§3.7.1.3)', () => {
  const m = readOk(xmileDoc(`
      <aux name="b">${dims('Region,Age')}<eqn>1, 2, 3, 4, 5, 6</eqn></aux>
      <aux name="w">${dims('Age')}<eqn>-1, 7, 0</eqn></aux>
      ${aux('row', 'SUM(b[1, *])')}${aux('col', 'MEAN(b[*, old])')}${aux('rowsize', 'SIZE(b[north, *])')}${aux('sd', 'STDDEV(b[south, *])')}
      ${aux('mx', 'MAX(b, 0)')}${aux('mn', 'MIN(b, w, 5)')}${aux('mix', 'MAX(w[*], 3, b[2, 1])')}
      <aux name="rows">${dims('Region')}<eqn>SUM(b[Region, *])</eqn></aux>`, { top: DIMS }));
  const r = run(m);
  assert.equal(['row', 'col', 'rowsize', 'mx', 'mn', 'mix', 'rows[north]', 'rows[south]'].map((x) => last(r, x)), [6, 3.5, 3, 6, -1, 7, 6, 15]);
  assert.ok(Math.abs(last(r, 'sd') - Math.sqrt(2 / 3)) < 1e-12);
});

test('a range a:b inside an array builtin takes that stretch of a dimension (§3.7.1.2)', () => {
  const m = readOk(xmileDoc(`
      <aux name="v">${dims('Age')}<eqn>1, 2, 6</eqn></aux>
      ${aux('s', 'SUM(v[1:2])')}${aux('named', 'MAX(v[old:very_old])')}${aux('n', 'SIZE(v[2:3])')}
      ${aux('paired', 'SUM(v[1:2] * v[1:2])')}`, { top: DIMS }));
  const r = run(m);
  assert.equal(['s', 'named', 'n', 'paired'].map((x) => last(r, x)), [3, 6, 2, 5]);
});

test('a range outside an array builtin, or running backwards, is a located error', () => {
  const v = `<aux name="v">${dims('Age')}<eqn>1, 2, 6</eqn></aux>`;
  assert.ok(readFails(xmileDoc(`${v}${aux('a', 'v[1:2]')}`, { top: DIMS })).some((d) => d.code === 'free-subscript' && d.column));
  assert.ok(readFails(xmileDoc(`${v}${aux('a', 'SUM(v[3:1])')}`, { top: DIMS })).some((d) => d.code === 'invalid-subscript'));
});

test('Dimension.element outside brackets is the position of the element (§3.7.1)', () => {
  const m = readOk(xmileDoc(aux('e', 'Region.south * 10 + Age.very_old'), { top: DIMS }));
  assert.is(last(run(m), 'e'), 23);
});

test('SIZE(SELF[1, *]) is the size of one row of the variable itself (§3.7.1.3)', () => {
  const m = readOk(xmileDoc(`<aux name="s">${dims('Region,Age')}<eqn>SIZE(SELF[1, *]) * 10 + SIZE(SELF)</eqn></aux>`, { top: DIMS }));
  assert.is(last(run(m), 's[south,old]'), 36);
});

test('a graphical function is a container of its y-values for array builtins and [k]', () => {
  const m = readOk(xmileDoc(`
      <gf name="g"><xpts>0,1,2</xpts><ypts>5,9,2</ypts></gf>
      ${aux('hi', 'MAX(g)')}${aux('lo', 'MIN(g, 3)')}${aux('n', 'SIZE(g)')}${aux('third', 'g[3]')}${aux('at', 'RANK(g, 1)')}${aux('call', 'g(0.5)')}`));
  const r = run(m);
  assert.equal(['hi', 'lo', 'n', 'third', 'at', 'call'].map((x) => last(r, x)), [9, 2, 3, 2, 3, 7]);
});

test('a flat index computed during the run selects the element, truncated, 0 outside (§3.7.1)', () => {
  const m = readOk(xmileDoc(`
      <aux name="b">${dims('Region,Age')}<eqn>1, 2, 3, 4, 5, 6</eqn></aux>
      ${aux('k', 'TIME * 2 - 0.5')}${aux('e', 'b(k)')}`, { top: DIMS, sim: '<sim_specs><start>0</start><stop>4</stop><dt>1</dt></sim_specs>' }));
  // k = -0.5, 1.5, 3.5, 5.5, 7.5 → 0 (out of range), b(1), b(3), b(5), 0.
  assert.equal(Array.from(run(m).series('e')), [0, 1, 3, 5, 0]);
});

test('the flat-index example of the standard: A(10) of a [2, 3, 4] array is A[1, 3, 2]', () => {
  const top = '<dimensions><dim name="I" size="2"/><dim name="J" size="3"/><dim name="K" size="4"/></dimensions>';
  const m = readOk(xmileDoc(`<aux name="A">${dims('I,J,K')}<eqn>I * 100 + J * 10 + K</eqn></aux>${aux('e', 'A(10)')}`, { top }));
  assert.is(equationOf(m, 'e'), '"A[1,3,2]"');
  assert.is(last(run(m), 'e'), 132);
});

test.run();
