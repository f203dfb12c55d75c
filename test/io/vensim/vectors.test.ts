/**
 * Vensim VECTOR SELECT, RANK, SORT ORDER, REORDER, ELM MAP and ALLOCATE BY PRIORITY read from an
 * inline .mdl: the elements of each array argument are written once, as a vector_of variable,
 * and each element of the result is one engine call that reads it (so the equations grow
 * linearly with the array, not with its square); they run to the values worked out by hand.
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
each[D] = VECTOR SELECT(s[D!], x[D!], -1, 0, 0) + x[D] ~~|
`;

function run(model: Model) {
  const r = trySimulate(model, {});
  if (!r.result) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.result;
}

/** The value at Time 0, or at the given step (TIME STEP 0.5). */
const at = (name: string, step = 0): number => run(mdl(MODEL)).series(name)[step];

test('each element is one engine call reading the vectors, written once each as vector_of', () => {
  const model = mdl(MODEL);
  const list = (v: string) => ['d1', 'd2', 'd3', 'd4'].map((d) => `"${v}[${d}]"`).join(', ');
  for (const v of ['x', 'request', 'priority']) assert.is(eq(model, `${v} vector`), `vector_of(${list(v)})`);
  // ELM MAP counts through the whole array in storage order: a vector of its own, the same elements here
  assert.is(eq(model, 'x vector 2'), `vector_of(${list('x')})`);
  assert.is(model.variables.filter((v) => / vector( \d+)?$/.test(v.name)).length, 4, 'one vector_of per array read');
  assert.is(eq(model, 'allocation[d2]'), 'allocate_by_priority_at(request_vector, priority_vector, 2, supply, 2)');
  assert.is(eq(model, 'summed'), `vector_select(0, -1, ${list('s')}, ${list('x')})`);
  assert.is(eq(model, 'chosen'), `vector_select(action, -1, ${list('s')}, ${list('x')})`);
  assert.is(eq(model, 'rank[d3]'), 'vector_rank_at(x_vector, 3, 1)');
  assert.is(eq(model, 'order[d1]'), 'vector_sort_order_at(x_vector, 1, 0)');
  assert.is(eq(model, 'reordered[d1]'), 'vector_reorder_at(x_vector, "order[d1]")');
  assert.match(eq(model, 'mapped[d4]'), /^vector_elm_map_at\(x_vector_2, 2, shift, /);
  assert.not.ok(model.variables.some((v) => /priority level/.test(v.name)), 'no priority level helpers');
  // a selection that is the same for every element of the left-hand side is computed once
  assert.is(eq(model, 'each vector select'), `vector_select(0, -1, ${list('s')}, ${list('x')})`);
  assert.is(eq(model, 'each[d3]'), 'each_vector_select + "x[d3]"');
});

test('the values: selections, ranks, sort order and the allocation', () => {
  assert.equal([at('summed'), at('chosen'), at('none')], [3 * 1 + 3 * 2, 3 + 3, -1]);
  assert.equal(['d1', 'd2', 'd3', 'd4'].map((d) => at(`each[${d}]`)), [12, 10, 12, 11]);
  assert.equal(['d1', 'd2', 'd3', 'd4'].map((d) => at(`rank[${d}]`)), [3, 1, 4, 2]);
  assert.equal(['d1', 'd2', 'd3', 'd4'].map((d) => at(`order[${d}]`)), [0, 2, 3, 1]);
  // curves over [1, 3] and [−1, 1]: a supply of 15 fills the first and puts the level at 0
  assert.equal(['d1', 'd2', 'd3', 'd4'].map((d) => at(`allocation[${d}]`)), [10, 5, 0, 0]);
  // x in descending order (positions 0, 2, 3, 1); from x[d2], 1 + INTEGER(Time) places on:
  // x[d3] at Time 0, x[d4] at Time 1, beyond the array (:NA:) at Time 2
  assert.equal(['d1', 'd2', 'd3', 'd4'].map((d) => at(`reordered[${d}]`)), [3, 3, 2, 1]);
  assert.equal([0, 2, 4].map((step) => at('mapped[d1]', step)), [3, 2, -(2 ** 109)]);
});

test('the vector_of and shared VECTOR SELECT variables are internal: out of the default output, still readable by name', () => {
  const model = mdl(MODEL);
  const made = ['x vector', 'x vector 2', 'request vector', 'priority vector', 'each vector select'];
  for (const name of made) assert.ok(model.variables.find((v) => v.name === name)?.partOf, `${name} marked internal`);
  const result = run(model);
  for (const name of made) assert.not.ok(result.names.includes(name), `${name} left out of the default output`);
  assert.ok(result.names.includes('rank[d1]') && result.names.includes('each[d1]'), 'the model variables stay');
  assert.is(result.series('x vector')[0], 4, 'a vector_of variable still holds its length');
});

test('the XMILE writer writes the calls in the stockflow namespace, and they read back to the same run', () => {
  const model = mdl(MODEL);
  const text = writeXmile(model);
  for (const fn of ['vector_select', 'vector_of', 'vector_rank_at', 'vector_sort_order_at', 'vector_reorder_at', 'vector_elm_map_at', 'allocate_by_priority_at']) {
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
