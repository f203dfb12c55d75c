/**
 * XMILE 1.0 RANK(array, rank [, secondary array]) (§3.7.1.3): "index of element of given
 * rank in 1D array sorted in ascending order OR flat index of element of given rank in N-D
 * array", ties broken by the secondary array. What the standard leaves open is decided in
 * src/builtins/rank.ts (remaining ties by position, out-of-range ranks give 0).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeXmile } from '../../../src/io/xmile/index.js';
import type { Model } from '../../../src/model/types.js';
import { modelFrom } from '../../helpers.js';
import { aux, equationOf, last, readFails, readOk, run, xmileDoc } from './helpers.js';

const TOP = `<dimensions><dim name="D" size="4"/><dim name="R"><elem name="north"/><elem name="south"/></dim>
    <dim name="C" size="3"/></dimensions>`;
const arr = (name: string, dims: string, eqn: string) =>
  `<aux name="${name}"><dimensions>${dims.split(',').map((d) => `<dim name="${d}"/>`).join('')}</dimensions><eqn>${eqn}</eqn></aux>`;
const V = arr('v', 'D', '30, 10, 20, 10');
const T = arr('tb', 'D', '0, 5, 0, 1');

const values = (m: Model, names: readonly string[]) => { const r = run(m); return names.map((n) => last(r, n)); };

test('RANK(A, 1) is the index of the minimum and RANK(A, SIZE) (the spec\'s example) of the maximum', () => {
  const m = readOk(xmileDoc(`${V}${aux('lo', 'RANK(v, 1)')}${aux('hi', 'RANK(v[*], SIZE(v))')}${aux('third', 'RANK(v, 3)')}${aux('top', 'RANK(v, SIZE)')}`, { top: TOP }));
  assert.is(equationOf(m, 'lo'), 'rank_index(1, "v[1]", "v[2]", "v[3]", "v[4]")');
  // v = 30, 10, 20, 10: ascending 10 (2), 10 (4), 20 (3), 30 (1); the tie goes to the earlier.
  assert.equal(values(m, ['lo', 'hi', 'third', 'top']), [2, 1, 3, 1]);
});

test('RANK(A, 3, B) breaks ties between equal elements of A by B', () => {
  const m = readOk(xmileDoc(`${V}${T}${arr('order', 'D', 'RANK(v[*], D, tb[*])')}`, { top: TOP }));
  // The two 10s: tb 5 (element 2) and tb 1 (element 4), so element 4 ranks first.
  assert.equal(values(m, ['order[1]', 'order[2]', 'order[3]', 'order[4]']), [4, 2, 3, 1]);
});

test('on an N-D array RANK gives the flat row-major index, which a(k) reads back', () => {
  const m = readOk(xmileDoc(`${arr('m', 'R,C', '4, 9, 2, 7, 1, 8')}${aux('k', 'RANK(m, 1)')}${aux('big', 'RANK(m[*, *], 6)')}${aux('second', 'm(RANK(m, 2))')}`, { top: TOP }));
  assert.equal(values(m, ['k', 'big', 'second']), [5, 2, 2]);
});

test('RANK ranks slices, and its rank may change during the run', () => {
  const m = readOk(xmileDoc(`${arr('m', 'R,C', '4, 9, 2, 7, 1, 8')}${aux('row', 'RANK(m[south, *], 3)')}${aux('moving', 'RANK(m[*, 2], TIME)')}`,
    { top: TOP, sim: '<sim_specs><start>0</start><stop>3</stop><dt>1</dt></sim_specs>' }));
  const r = run(m);
  assert.is(last(r, 'row'), 3);
  assert.equal(Array.from(r.series('moving')), [0, 2, 1, 0]);
});

test('a rank outside 1…SIZE gives 0, like an out-of-range index (§3.7.1)', () => {
  const m = readOk(xmileDoc(`${V}${aux('z', 'RANK(v, 0)')}${aux('neg', 'RANK(v, -1)')}${aux('over', 'RANK(v, 5)')}`, { top: TOP }));
  assert.equal(values(m, ['z', 'neg', 'over']), [0, 0, 0]);
});

test('RANK with a secondary array of another size, or too few arguments, is a located error', () => {
  const d = readFails(xmileDoc(`${V}${arr('w', 'C', '1, 2, 3')}${aux('bad', 'RANK(v, 1, w)')}`, { top: TOP }));
  assert.ok(d.some((x) => x.code === 'dimension-mismatch' && x.line && x.column));
  assert.ok(readFails(xmileDoc(`${V}${aux('bad', 'RANK(v)')}`, { top: TOP })).some((x) => x.code === 'wrong-arity'));
});

test('the writer writes RANK back over whole arrays, and the round trip gives the same numbers', () => {
  const m = readOk(xmileDoc(`${V}${T}${arr('order', 'D', 'RANK(v[*], D, tb[*])')}${aux('lo', 'RANK(v, 1) * 10')}`, { top: TOP }));
  const text = writeXmile(m);
  assert.match(text, /RANK\(v\[\*\], 1, tb\[\*\]\)/);
  assert.match(text, /RANK\(v\[\*\], 1\) \* 10/);
  const back = readOk(text);
  const names = ['order[1]', 'order[2]', 'order[3]', 'order[4]', 'lo'];
  assert.equal(values(back, names), values(m, names));
  const nd = readOk(xmileDoc(`${arr('m', 'R,C', '4, 9, 2, 7, 1, 8')}${aux('k', 'RANK(m, 2)')}`, { top: TOP }));
  const ndText = writeXmile(nd);
  assert.match(ndText, /RANK\(m\[\*, \*\], 2\)/);
  assert.equal(values(readOk(ndText), ['k']), [3]);
});

test('elements not in the written array order stay in the stockflow namespace, still exact', () => {
  // c lists its elements y, x before a lists x, y: the written dimension is (y, x), so
  // RANK(a[*], …) would count positions the other way round; the vendor form keeps them.
  const m = modelFrom(`
sim: { start: 0, stop: 1, dt: 1 }
constants:
  "c[y]": { value: 1 }
  "c[x]": { value: 2 }
  "a[x]": { value: 5 }
  "a[y]": { value: 3 }
auxiliaries:
  first: { equation: 'rank_index(1, "a[x]", "a[y]")' }
  part: { equation: 'rank_index(1, "a[x]", 4)' }
`);
  const text = writeXmile(m);
  assert.match(text, /stockflow\.rank_index\(1, a\[x\], a\[y\]\)/);
  assert.match(text, /stockflow\.rank_index\(1, a\[x\], 4\)/);
  assert.equal(values(readOk(text), ['first', 'part']), [2, 2]);
  assert.equal(values(m, ['first', 'part']), [2, 2]);
});

test.run();
