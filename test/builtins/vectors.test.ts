/**
 * The run-time Vensim vector builtins: vector_select, vector_rank, vector_sort_order
 * (src/builtins/vectors.ts) and allocate_by_priority (src/builtins/allocate-priority.ts).
 * Every expected value is worked out by hand from the definitions in docs/builtins.md.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { allocateByPriority } from '../../src/builtins/allocate-priority.js';
import { vectorElmMap, vectorRank, vectorReorder, vectorSelect, vectorSortOrder } from '../../src/builtins/vectors.js';

test('vector_select: the eleven actions over the nonzero selections', () => {
  // selections 1, 0, 2 of values 3, 5, 4: the 5 is not selected
  const sel = (action: number) => vectorSelect(action, -1, 1, 0, 2, 3, 5, 4);
  assert.equal([0, 1, 2, 3, 4, 5].map(sel), [3 + 8, 3 * 8, 3, 8, 11 / 2, 3 * 4 ** 2]);
  assert.equal([6, 7, 8, 9, 10].map(sel), [7, 12, 3, 4, 3.5]);
});

test('vector_select: missing when nothing is selected, NaN for an action that is none of 0 … 10', () => {
  assert.is(vectorSelect(0, -7, 0, 0, 3, 5), -7);
  assert.ok(Number.isNaN(vectorSelect(11, 0, 1, 3)));
  assert.ok(Number.isNaN(vectorSelect(1.5, 0, 1, 3)));
  assert.ok(Number.isNaN(vectorSelect(0, 0, 1, 2, 3)), 'an odd number of selections and values');
});

test('vector_rank and vector_sort_order: ties broken by position, both directions', () => {
  const v = [3, 1, 3, 2];
  assert.equal([1, 2, 3, 4].map((k) => vectorRank(k, 1, ...v)), [3, 1, 4, 2]);
  assert.equal([1, 2, 3, 4].map((k) => vectorRank(k, 0, ...v)), [1, 4, 2, 3]);
  assert.equal([1, 2, 3, 4].map((k) => vectorSortOrder(k, 1, ...v)), [1, 3, 0, 2]);
  assert.equal([1, 2, 3, 4].map((k) => vectorSortOrder(k, 0, ...v)), [0, 2, 3, 1]);
});

test('vector_sort_order agrees with the positions of the counted ranks, ties and NaN included', () => {
  // the counting definition Σ i·[rank_i = k], rank_i from vector_rank
  const counted = (k: number, asc: number, v: number[]) => v.reduce((sum, _, i) => sum + (vectorRank(i + 1, asc, ...v) === k ? i : 0), 0);
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  for (let round = 0; round < 40; round++) {
    const v = Array.from({ length: 1 + (next() % 12) }, () => (next() % 5) - 2);
    if (round % 5 === 4) v[next() % v.length] = NaN;
    for (const asc of [1, 0]) {
      for (let k = 0; k <= v.length + 1; k++) assert.is(vectorSortOrder(k, asc, ...v), counted(k, asc, v), `k ${k} of ${v} (${asc ? 'ascending' : 'descending'})`);
    }
  }
});

test('vector_reorder and vector_elm_map: the element at a position, missing outside the array', () => {
  assert.equal([0, 2, 3, -1, 1.5].map((o) => vectorReorder(o, 7, 8, 9)), [7, 9, 0, 0, 0]);
  // from element 2 (8) of 7, 8, 9
  assert.equal([-1, 0, 1, 2, -2, 0.5].map((o) => vectorElmMap(2, o, -99, 7, 8, 9)), [7, 8, 9, -99, -99, -99]);
});

/** Allocations of both requesters 10, 10 at priorities 2, 0, width 2. */
const pair = (supply: number) => [1, 2].map((k) => allocateByPriority(k, supply, 2, 10, 10, 2, 0));

test('allocate_by_priority: the exact level of the rectangular curves', () => {
  // curves over [1, 3] and [−1, 1]: supply 5 puts the level at 2 (10·(1.5 − 2/2) = 5),
  // supply 15 at 0 (10 + 10·(0.5 − 0) = 15)
  assert.equal(pair(5), [5, 0]);
  assert.equal(pair(15), [10, 5]);
  const [a, b] = pair(12);
  assert.ok(a === 10 && Math.abs(b - 2) <= 1e-12, `supply 12: ${a}, ${b} (the level by interpolation, to rounding)`);
  assert.equal(pair(25), [10, 10], 'a supply that covers every request');
  assert.equal(pair(0), [0, 0], 'no supply');
  assert.equal(pair(5), [5, 0], 'the kept level is not reused for other inputs');
});

test('allocate_by_priority: a negative request counts as 0', () => {
  // requests −3, −1, −2 ask for nothing: a supply of 3 gives each 0, not its negative request
  assert.equal([1, 2, 3].map((k) => allocateByPriority(k, 3, 1, -3, -1, -2, 1, 0, 1)), [0, 0, 0]);
  // −5 and 10 at priorities 2, 0, width 2, supply 5: requester 2 alone, at level 0.5 (10·(0.5 − 0.5 + 0.5) = 5)
  assert.equal([1, 2].map((k) => allocateByPriority(k, 5, 2, -5, 10, 2, 0)), [0, 5]);
});

test('allocate_by_priority: allocations add up to the supply, higher priorities first', () => {
  // allocation2 of the SDXorg case allocate_by_priority: demands 8, 1, 3, 4, 0 at priorities
  // 5, 3, 0, 1.5, 4, width 3
  const args = [8, 1, 3, 4, 0, 5, 3, 0, 1.5, 4];
  for (const supply of [0.5, 3, 7.25, 11, 15.5]) {
    const got = [1, 2, 3, 4, 5].map((k) => allocateByPriority(k, supply, 3, ...args));
    assert.ok(Math.abs(got.reduce((a, b) => a + b) - supply) <= 1e-12 * supply, `supply ${supply}: ${got}`);
    got.forEach((a, i) => assert.ok(a >= 0 && a <= args[i], `requester ${i + 1} gets ${a}`));
    assert.ok(got[0] / 8 >= got[1] / 1 && got[1] / 1 >= got[3] / 4 && got[3] / 4 >= got[2] / 3, `shares follow the priorities: ${got}`);
  }
  assert.ok(Number.isNaN(allocateByPriority(6, 5, 3, ...args)), 'no requester 6');
});

test('allocate_by_priority: a width that is not positive is NaN (PySD refuses it), not inverted priorities', () => {
  for (const w of [0, -1, NaN]) {
    assert.ok(Number.isNaN(allocateByPriority(1, 5, w, 4, 4, 1, 2)), `width ${w}`);
    assert.ok(Number.isNaN(allocateByPriority(2, 5, w, 4, 4, 1, 2)), `width ${w}`);
  }
  // with width 1 the higher priority (2) is served first
  assert.is(allocateByPriority(2, 5, 1, 4, 4, 1, 2), 4);
});

test.run();
