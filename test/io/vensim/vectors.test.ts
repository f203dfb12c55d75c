/**
 * Vensim VECTOR SELECT, RANK, SORT ORDER, REORDER, ELM MAP and ALLOCATE BY PRIORITY read from an
 * inline .mdl: each element becomes one engine call that takes the vectors (not an expression
 * that grows with their length), and runs to the values worked out by hand.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readXmile, writeXmile } from '../../../src/io/xmile/index.js';
import type { Model } from '../../../src/model/types.js';
import { trySimulate } from '../../../src/sim/simulate.js';
import { eq, mdl } from './helpers.js';

const MODEL = `
D: (d1-d4) ~~|
x[D] = 3, 1, 3, 2 ~~|
s[D] = 1, 0, 2, 0 ~~|
action = 6 ~~|
summed = VECTOR SELECT(s[D!], x[D!], -1, 0, 0) ~~|
chosen = VECTOR SELECT(s[D!], x[D!], -1, action, 0) ~~|
none = VECTOR SELECT(s[D!] * 0, x[D!], -1, 0, 0) ~~|
rank[D] = VECTOR RANK(x[D], 1) ~~|
order[D] = VECTOR SORT ORDER(x[D], 0) ~~|
request[D] = 10, 10, 0, 0 ~~|
priority[D] = 2, 0, 0, 0 ~~|
supply = 15 ~~|
allocation[D] = ALLOCATE BY PRIORITY(request[D], priority[D], ELMCOUNT(D), 2, supply) ~~|
shift = INTEGER(Time) + 1 ~~|
reordered[D] = VECTOR REORDER(x[D], order[D]) ~~|
mapped[D] = VECTOR ELM MAP(x[d2], shift) ~~|
`;

function run(model: Model) {
  const r = trySimulate(model, {});
  if (!r.result) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.result;
}

/** The value at Time 0, or at the given step (TIME STEP 0.5). */
const at = (name: string, step = 0): number => run(mdl(MODEL)).series(name)[step];

test('each element is one engine call over the vectors, with no helper variables', () => {
  const model = mdl(MODEL);
  const list = (v: string) => ['d1', 'd2', 'd3', 'd4'].map((d) => `"${v}[${d}]"`).join(', ');
  assert.is(eq(model, 'allocation[d2]'), `allocate_by_priority(2, supply, 2, ${list('request')}, ${list('priority')})`);
  assert.is(eq(model, 'summed'), `vector_select(0, -1, ${list('s')}, ${list('x')})`);
  assert.is(eq(model, 'chosen'), `vector_select(action, -1, ${list('s')}, ${list('x')})`);
  assert.is(eq(model, 'rank[d3]'), `vector_rank(3, 1, ${list('x')})`);
  assert.is(eq(model, 'order[d1]'), `vector_sort_order(1, 0, ${list('x')})`);
  assert.is(eq(model, 'reordered[d1]'), `vector_reorder("order[d1]", ${list('x')})`);
  assert.match(eq(model, 'mapped[d4]'), /^vector_elm_map\(2, shift, /);
  assert.not.ok(model.variables.some((v) => /priority level/.test(v.name)), 'no priority level helpers');
});

test('the values: selections, ranks, sort order and the allocation', () => {
  assert.equal([at('summed'), at('chosen'), at('none')], [3 * 1 + 3 * 2, 3 + 3, -1]);
  assert.equal(['d1', 'd2', 'd3', 'd4'].map((d) => at(`rank[${d}]`)), [3, 1, 4, 2]);
  assert.equal(['d1', 'd2', 'd3', 'd4'].map((d) => at(`order[${d}]`)), [0, 2, 3, 1]);
  // curves over [1, 3] and [−1, 1]: a supply of 15 fills the first and puts the level at 0
  assert.equal(['d1', 'd2', 'd3', 'd4'].map((d) => at(`allocation[${d}]`)), [10, 5, 0, 0]);
  // x in descending order (positions 0, 2, 3, 1); from x[d2], 1 + INTEGER(Time) places on:
  // x[d3] at Time 0, x[d4] at Time 1, beyond the array (:NA:) at Time 2
  assert.equal(['d1', 'd2', 'd3', 'd4'].map((d) => at(`reordered[${d}]`)), [3, 3, 2, 1]);
  assert.equal([0, 2, 4].map((step) => at('mapped[d1]', step)), [3, 2, -(2 ** 109)]);
});

test('the XMILE writer writes the calls in the stockflow namespace, and they read back to the same run', () => {
  const model = mdl(MODEL);
  const text = writeXmile(model);
  for (const fn of ['vector_select', 'vector_rank', 'vector_sort_order', 'vector_reorder', 'vector_elm_map', 'allocate_by_priority']) {
    assert.ok(text.includes(`stockflow.${fn}(`), `${fn} written`);
  }
  const back = readXmile(text, 'again.xmile');
  assert.ok(back.model, back.diagnostics.map((d) => d.message).join('; '));
  const [a, b] = [run(model), run(back.model!)];
  for (const name of ['summed', 'chosen', 'none', 'rank[d2]', 'order[d3]', 'reordered[d4]', 'mapped[d1]', 'allocation[d2]']) {
    assert.equal([...b.series(name)], [...a.series(name)], name);
  }
});

test.run();
