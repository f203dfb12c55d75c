import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { rankIndex } from '../../src/builtins/rank.js';
import { auxModel, diagnosticsOf, runYaml } from '../helpers.js';

const value = (equation: string) => runYaml(auxModel(equation)).series('out')[0];

test('rankIndex gives the 1-based position of the k-th smallest value (XMILE RANK)', () => {
  const v = [30, 10, 20];
  assert.equal([1, 2, 3].map((k) => rankIndex(k, v)), [2, 3, 1]);
});

test('ties go to the earlier position unless a secondary array breaks them', () => {
  const v = [5, 1, 5, 1];
  assert.equal([1, 2, 3, 4].map((k) => rankIndex(k, v)), [2, 4, 1, 3]);
  const ties = [9, 2, 0, 1];
  assert.equal([1, 2, 3, 4].map((k) => rankIndex(k, v, ties)), [4, 2, 3, 1]);
  // Equal in both arrays: position decides again.
  assert.equal([1, 2].map((k) => rankIndex(k, [7, 7], [3, 3])), [1, 2]);
});

test('a rank outside 1…n gives 0; a fractional rank is truncated like INT', () => {
  const v = [3, 1, 2];
  assert.equal([0, -1, 4, NaN, Infinity].map((k) => rankIndex(k, v)), [0, 0, 0, 0, 0]);
  assert.is(rankIndex(2.9, v), 3);
});

test('NaN ranks after every number, so each rank still names exactly one element', () => {
  const v = [NaN, 2, 1];
  assert.equal([1, 2, 3].map((k) => rankIndex(k, v)), [3, 2, 1]);
});

test('rank_index and rank_index_by are native functions over listed values', () => {
  assert.is(value('rank_index(1, 4, 2, 8)'), 2);
  assert.is(value('rank_index(3, 4, 2, 8)'), 3);
  assert.is(value('rank_index_by(1, 2, 2, 5, 1)'), 2);
  assert.is(value('rank_index(time, 4, 2, 8)'), 0);
});

test('rank_index_by needs as many tie-breakers as values', () => {
  assert.ok(diagnosticsOf(auxModel('rank_index_by(1, 2, 2, 5)')).some((d) => d.code === 'wrong-arity'));
});

test.run();
