/**
 * Vensim's vector functions in XMILE, written as Vensim's XMILE export writes them (names with
 * spaces, `!` subscripts as `*`), read from inline XMILE and run. Every expected value is
 * worked out by hand from the Vensim reference pages (VECTOR SORT ORDER, VECTOR RANK, VECTOR
 * REORDER, VECTOR ELM MAP, VECTOR SELECT, VECTOR LOOKUP) on the arrays below; they are the
 * values of Vensim's own run of SDEverywhere's `vector` model, whose arrays these are.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { cli, tempFile } from '../../cli/cli-helpers.js';
import { close } from '../../helpers.js';
import { readFails, readOk, run, xmileDoc } from './helpers.js';

const NA = -(2 ** 109);
const DIMS = `<dimensions>
  <dim name="DimA"><elem name="A1"/><elem name="A2"/><elem name="A3"/></dim>
  <dim name="DimB"><elem name="B1"/><elem name="B2"/></dim>
</dimensions>`;
const overA = '<dimensions><dim name="DimA"/></dimensions>';
const overAB = '<dimensions><dim name="DimA"/><dim name="DimB"/></dimensions>';
const overB = '<dimensions><dim name="DimB"/></dimensions>';

/** h = 2100, 2010, 2020 over DimA; d = 1 4 / 2 5 / 3 6 and e = 0 1 / 1 0 / 0 1 over DimA × DimB; a = 0, 1, 1; b = 1, 2. */
const DATA = `
  <aux name="h">${overA}<element subscript="A1"><eqn>2100</eqn></element><element subscript="A2"><eqn>2010</eqn></element><element subscript="A3"><eqn>2020</eqn></element></aux>
  <aux name="a">${overA}<element subscript="A1"><eqn>0</eqn></element><element subscript="A2"><eqn>1</eqn></element><element subscript="A3"><eqn>1</eqn></element></aux>
  <aux name="b">${overB}<element subscript="B1"><eqn>1</eqn></element><element subscript="B2"><eqn>2</eqn></element></aux>
  <aux name="d">${overAB}<eqn>DimA + 3 * (DimB - 1)</eqn></aux>
  <aux name="e">${overAB}<element subscript="A1, B1"><eqn>0</eqn></element><element subscript="A1, B2"><eqn>1</eqn></element>
    <element subscript="A2, B1"><eqn>1</eqn></element><element subscript="A2, B2"><eqn>0</eqn></element>
    <element subscript="A3, B1"><eqn>0</eqn></element><element subscript="A3, B2"><eqn>1</eqn></element></aux>
  <aux name="ASCENDING"><eqn>1</eqn></aux>
  <aux name="VSMAX"><eqn>3</eqn></aux>`;

/** The values of `names` (each with its elements listed) of a model with DATA and `vars`. */
function values(vars: string, names: string[]): number[] {
  const r = run(readOk(xmileDoc(DATA + vars, { top: DIMS, sim: '<sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>' })));
  return names.map((n) => r.series(n)[0]);
}

const A = (v: string) => ['A1', 'A2', 'A3'].map((e) => `${v}[${e}]`);
const AB = (v: string) => ['A1', 'A2', 'A3'].flatMap((a) => ['B1', 'B2'].map((b) => `${v}[${a},${b}]`));

test('VECTOR SORT ORDER and VECTOR RANK along the last subscript, the direction known before or during the run', () => {
  // ascending, h sorts as 2010 (position 1), 2020 (2), 2100 (0); descending 2100, 2020, 2010
  const vars = `
    <aux name="l">${overA}<eqn>VECTOR SORT ORDER(h[DimA], ASCENDING)</eqn></aux>
    <aux name="m">${overA}<eqn>VECTOR SORT ORDER(h[DimA], 0)</eqn></aux>
    <aux name="rk">${overA}<eqn>{Untranslated function used}VECTOR RANK(h[*], 1)</eqn></aux>
    <aux name="rk2">${overA}<eqn>VECTOR_RANK(h[*], 1)</eqn></aux>
    <aux name="o">${overAB}<eqn>d[DimA, DimB] * (3 - 2 * DimB)</eqn></aux>
    <aux name="p">${overAB}<eqn>vector_sort_order(o[DimA, DimB], 1)</eqn></aux>`;
  // (xmutil marks VECTOR RANK, which it does not translate, with a comment before it)
  assert.equal(values(vars, [...A('l'), ...A('m'), ...A('rk'), ...A('rk2')]), [1, 2, 0, 0, 2, 1, 3, 1, 2, 3, 1, 2]);
  // p runs along DimB in each row of o: (1, −4), (2, −5), (3, −6) each sort as B2 then B1
  assert.equal(values(vars, AB('p')), [1, 0, 1, 0, 1, 0]);
});

test('the vector_of variable a read makes is internal: out of the default output, still readable by name', () => {
  const vars = `<aux name="l">${overA}<eqn>VECTOR SORT ORDER(h[DimA], 1)</eqn></aux>`;
  const model = readOk(xmileDoc(DATA + vars, { top: DIMS, sim: '<sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>' }));
  const made = model.variables.filter((v) => v.partOf !== undefined).map((v) => v.name);
  assert.equal(made, ['h vector'], 'one internal vector_of, made for h');
  const r = run(model);
  assert.not.ok(r.names.includes('h vector'), 'left out of the default output');
  assert.ok(r.names.includes('l[A1]'), 'the model variable stays');
  assert.is(r.series('h vector')[0], 3, 'it holds the length of h');
});

test('VECTOR REORDER takes the element at each position of the order', () => {
  const vars = `
    <aux name="m">${overA}<eqn>VECTOR SORT ORDER(h[DimA], 0)</eqn></aux>
    <aux name="sorted">${overA}<eqn>VECTOR_REORDER(h[DimA], m[DimA])</eqn></aux>`;
  assert.equal(values(vars, A('sorted')), [2100, 2020, 2010]);
});

test('VECTOR ELM MAP counts from the start element through the array in row-major order', () => {
  // f: d[A1,B1] + 0 = 1, d[A2,B1] (flat 2) + 1 = d[A2,B2] = 5, d[A3,B1] (flat 4) + 1 = 6
  // g: offsets e; c: b[B1] + a = 1, 2, 2 plus 10; from b[*] (its first element) + 1 = b[B2];
  // an offset past the end is :NA:
  const vars = `
    <aux name="f">${overAB}<eqn>VECTOR ELM MAP(d[DimA, B1], a[DimA])</eqn></aux>
    <aux name="g">${overAB}<eqn>VECTOR ELM MAP(d[DimA, B1], e[DimA, DimB])</eqn></aux>
    <aux name="c">${overA}<eqn>10 + VECTOR ELM MAP(b[B1], a[DimA])</eqn></aux>
    <aux name="first"><eqn>VECTOR ELM MAP(b[*], 1)</eqn></aux>
    <aux name="past"><eqn>VECTOR ELM MAP(b[B2], 1)</eqn></aux>
    <aux name="pastRun"><eqn>VECTOR ELM MAP(b[B2], a[A2])</eqn></aux>`;
  assert.equal(values(vars, [...AB('f'), ...AB('g'), ...A('c'), 'first', 'past', 'pastRun']),
    [1, 1, 5, 5, 6, 6, 1, 4, 5, 2, 3, 6, 11, 12, 12, 2, NA, NA]);
});

test('VECTOR SELECT pairs the * subscripts of both arrays; the action may be a variable', () => {
  // q: Σ e·c over DimA, c = 11, 12, 12: B1 selects A2 → 12, B2 selects A1 and A3 → 23
  // r: max of d over the selected B of each row: A1 → 4, A2 → 2, A3 → 6
  // mean (action 10) of d[·,B2] = 4, 5, 6 where e[·,B2] = 1, 0, 1 → 5; nothing selected → missing
  const vars = `
    <aux name="c">${overA}<eqn>10 + VECTOR ELM MAP(b[B1], a[DimA])</eqn></aux>
    <aux name="q">${overB}<eqn>VECTOR SELECT(e[*, DimB], c[*], 0, 0, 0)</eqn></aux>
    <aux name="r">${overA}<eqn>VECTOR SELECT(e[DimA, *], d[DimA, *], -1e+38, VSMAX, 0)</eqn></aux>
    <aux name="avg"><eqn>VECTOR SELECT(e[*, B2], d[*, B2], -1, 10, 0)</eqn></aux>
    <aux name="none"><eqn>VECTOR SELECT(e[*, B2] * 0, d[*, B2], -1, 10, 0)</eqn></aux>`;
  assert.equal(values(vars, ['q[B1]', 'q[B2]', ...A('r'), 'avg', 'none']), [12, 23, 4, 2, 6, 5, -1]);
});

test('VECTOR LOOKUP reads the elements from the one written as y values', () => {
  // h at x = 0, 1, 2: halfway between the first two points, 2100 + (2010 − 2100)/2
  const vars = `<aux name="v"><eqn>{try INTERPORATE or just used arrays with variable arguments for indices}VECTOR LOOKUP(h[A1], 0.5, 0, 2, 0)</eqn></aux>`;
  assert.equal(values(vars, ['v']), [2055]);
});

test('a vector function with a misused argument is a located error', () => {
  const bad = (eqn: string, dims = '') => readFails(xmileDoc(`${DATA}<aux name="x">${dims}<eqn>${eqn}</eqn></aux>`, { top: DIMS }));
  const action = bad('VECTOR SELECT(e[*, B1], d[*, B1], 0, 12, 0)');
  assert.ok(action.some((d) => /no numerical action 12/.test(d.message) && d.line !== undefined), JSON.stringify(action));
  const scalar = bad('VECTOR SORT ORDER(ASCENDING, 1)');
  assert.ok(scalar.some((d) => /argument 1 of VECTOR SORT ORDER must be an array variable/.test(d.message)), JSON.stringify(scalar));
  const mode = bad('VECTOR LOOKUP(h[A1], 1, 0, 2, 12)');
  assert.ok(mode.some((d) => /no mode 12/.test(d.message)), JSON.stringify(mode));
  const count = bad('VECTOR ELM MAP(b[B1])');
  assert.ok(count.some((d) => /takes 2 argument/.test(d.message)), JSON.stringify(count));
  const unknown = bad('VECTOR FROB(b[B1])');
  assert.ok(unknown.some((d) => /unknown function 'VECTOR FROB'/.test(d.message)), JSON.stringify(unknown));
});

test('a vector function misused in an arrayed equation is reported once about the variable, with its element count', () => {
  const found = readFails(xmileDoc(`${DATA}<aux name="x">${overA}<eqn>VECTOR SELECT(e[*, B1], d[*, B1], 0, 12, 0)</eqn></aux>
    <aux name="z">${overAB}<eqn>VECTOR SORT ORDER(ASCENDING, 1)</eqn></aux>`, { top: DIMS })).filter((d) => d.severity === 'error');
  assert.equal(found.map((d) => d.variable), ['x', 'z'], JSON.stringify(found));
  assert.match(found[0].message, /no numerical action 12 .*, in 3 elements$/);
  assert.match(found[1].message, /argument 1 of VECTOR SORT ORDER .*, in 6 elements$/);
});

test('the CLI runs a Vensim-exported XMILE file with vector functions and five-argument ALLOCATE', () => {
  const file = tempFile('exported.xmile', `<xmile xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0" version="1.0">
  <header><vendor>Ventana Systems, xmutil</vendor><product lang="en">Vensim, xmutil</product></header>
  <sim_specs method="Euler" time_units="Months"><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
  ${DIMS}
  <model><variables>${DATA}
    <aux name="l">${overA}<eqn>VECTOR SORT ORDER(h[DimA], ASCENDING)</eqn></aux>
    <aux name="f">${overAB}<eqn>VECTOR ELM MAP(d[DimA, B1], a[DimA])</eqn></aux>
    <aux name="q">${overB}<eqn>VECTOR SELECT(e[*, DimB], d[*, B1], 0, 0, 0)</eqn></aux>
    <aux name="shipped">${overA}<eqn>ALLOCATE(4, DimA, a[*] + 2, h[DimA], 10)</eqn></aux>
  </variables></model>
</xmile>`);
  const r = cli('run', file);
  assert.is(r.code, 0, r.stderr);
  const [head, first] = r.stdout.trim().split('\n');
  const names = head.match(/"[^"]*"|[^,]+/g)!.map((h) => h.replace(/"/g, ''));
  const row = Object.fromEntries(names.map((h, i) => [h, Number(first.split(',')[i])]));
  assert.equal([row['l[A1]'], row['l[A2]'], row['l[A3]']], [1, 2, 0]);
  assert.equal([row['f[A2,B1]'], row['f[A3,B2]']], [5, 6]);
  // q: Σ e·d[·,B1]: B1 selects A2 → 2, B2 selects A1 and A3 → 1 + 3
  assert.equal([row['q[B1]'], row['q[B2]']], [2, 4]);
  // requests 2, 3, 3 at priorities 2100, 2010, 2020 far apart beside width 10: A1 gets its 2
  // first, then A3 (2020) the remaining 2, A2 nothing
  [2, 0, 2].forEach((want, i) => close(row[`shipped[A${i + 1}]`], want, 1e-9, `shipped[A${i + 1}]`));
  const broken = cli('run', tempFile('broken.xmile', readFileSync(file, 'utf8').replace('VECTOR SORT ORDER(h[DimA]', 'VECTOR SORT ORDER(ASCENDING')));
  assert.is(broken.code, 1);
  assert.match(broken.stderr, /broken\.xmile:\d+:\d+: error\[wrong-arguments\] 'l' .*argument 1 of VECTOR SORT ORDER must be an array variable.*, in 3 elements/);
  assert.is(broken.stderr.match(/VECTOR SORT ORDER must be/g)?.length, 1, 'said once, not once per element');
});

test.run();
