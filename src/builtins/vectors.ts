/**
 * Vensim's vector functions computed while the model runs, over the elements the readers pass
 * (src/io/vector-exprs.ts finds them; docs/builtins.md has the semantics). Sources: Vensim
 * reference, VECTOR SELECT, VECTOR RANK, VECTOR SORT ORDER, VECTOR REORDER, VECTOR ELM MAP.
 * - vector_select(action, missing, s_1 … s_n, x_1 … x_n) over the (selection, value) pairs:
 *   0 Σ s·x, 1 Π s·x, 2 min s·x, 3 max s·x, 4 mean s·x, 5 Π x^s, 6 Σ x, 7 Π x, 8 min x,
 *   9 max x, 10 mean x, all over the nonzero selections (0 Σ s·x over every pair, whose
 *   zero selections add 0); `missing` when no selection is nonzero; NaN for an action that
 *   is none of 0 … 10. Sums run from the first pair to the last.
 * - vector_rank(k, ascending, v_1 … v_n): the 1-based rank of element k (1-based), ties by
 *   position: 1 + #{j: v_j < v_k} + #{j < k: v_j = v_k} (descending, when `ascending` is 0: >).
 * - vector_sort_order(k, ascending, v_1 … v_n): the 0-based position of the element ranked k.
 * - vector_reorder(order, v_1 … v_n): the element at the 0-based position `order`.
 * - vector_elm_map(k, offset, missing, v_1 … v_n): the element `offset` places after element
 *   k (1-based) of the whole array in storage order; `missing` (:NA:) outside it.
 * These compute, term by term and in the same order, what the per-element expressions the
 * readers used to write did, so results are the same to the last bit.
 */
import type { FunctionSpec } from './functions.js';

/** Σ or Π (or min, max) of terms, the first term the start, as a left-to-right fold. */
function fold(n: number, term: (i: number) => number, op: (a: number, b: number) => number): number {
  let acc = term(0);
  for (let i = 1; i < n; i++) acc = op(acc, term(i));
  return acc;
}

const add = (a: number, b: number) => a + b;
const mul = (a: number, b: number) => a * b;

/** vector_select(action, missing, s_1 … s_n, x_1 … x_n). */
export function vectorSelect(action: number, missing: number, ...pairs: number[]): number {
  const n = pairs.length / 2;
  if (!Number.isInteger(n) || n < 1) return NaN;
  let count = 0;
  for (let i = 0; i < n; i++) if (pairs[i] !== 0) count++;
  if (count === 0) return missing;
  const s = (i: number) => pairs[i];
  const x = (i: number) => pairs[n + i];
  const on = (i: number) => pairs[i] !== 0;
  const weighted = (i: number) => s(i) * x(i);
  switch (action) {
    case 0: return fold(n, weighted, add);
    case 1: return fold(n, (i) => (on(i) ? weighted(i) : 1), mul);
    case 2: return fold(n, (i) => (on(i) ? weighted(i) : Infinity), Math.min);
    case 3: return fold(n, (i) => (on(i) ? weighted(i) : -Infinity), Math.max);
    case 4: return fold(n, weighted, add) / count;
    case 5: return fold(n, (i) => (on(i) ? Math.pow(x(i), s(i)) : 1), mul);
    case 6: return fold(n, (i) => (on(i) ? x(i) : 0), add);
    case 7: return fold(n, (i) => (on(i) ? x(i) : 1), mul);
    case 8: return fold(n, (i) => (on(i) ? x(i) : Infinity), Math.min);
    case 9: return fold(n, (i) => (on(i) ? x(i) : -Infinity), Math.max);
    case 10: return fold(n, (i) => (on(i) ? x(i) : 0), add) / count;
    default: return NaN;
  }
}

/** The 1-based rank of values[k] (0-based k), ties broken by position, by counting. */
function rankOf(values: readonly number[], k: number, ascending: boolean): number {
  const vk = values[k];
  let rank = 1;
  for (let j = 0; j < values.length; j++) {
    if (j === k) continue;
    const v = values[j];
    const before = ascending ? v < vk : v > vk;
    if (before || (j < k && v === vk)) rank++;
  }
  return rank;
}

/**
 * The ranks of all the elements at once, the same as counting (rankOf) by one stable sort: NaN
 * compares false with everything, so a NaN element ranks 1 and the others rank among the
 * values that are not NaN (with NaN two elements may share a rank). `order` at k − 1 is
 * Σ i·[rank_i = k], the sort order. Shared with the per-array sites (vector-state.ts).
 */
export function ranking(values: ArrayLike<number>, ascending: boolean): { rank: Float64Array; order: Float64Array } {
  const n = values.length;
  const sign = ascending ? 1 : -1;
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(values[i])) idx.push(i);
  const sorted = Int32Array.from(idx).sort((a, b) => (values[a] < values[b] ? -sign : values[a] > values[b] ? sign : a - b));
  const rank = new Float64Array(n).fill(1);
  for (let m = 0; m < sorted.length; m++) rank[sorted[m]] = m + 1;
  const order = new Float64Array(n);
  for (let i = 0; i < n; i++) order[rank[i] - 1] += i;
  return { rank, order };
}

/** vector_rank(k, ascending, v_1 … v_n): the rank of element k (1-based); NaN for a k outside 1 … n. */
export function vectorRank(k: number, ascending: number, ...values: number[]): number {
  if (!(Number.isInteger(k) && k >= 1 && k <= values.length)) return NaN;
  return rankOf(values, k - 1, ascending !== 0);
}

/**
 * vector_sort_order(k, ascending, v_1 … v_n): the 0-based position of the element ranked k,
 * Σ i·[rank_i = k]: with NaN values two elements may share a rank, and their positions add.
 */
export function vectorSortOrder(k: number, ascending: number, ...values: number[]): number {
  return Number.isInteger(k) && k >= 1 && k <= values.length ? ranking(values, ascending !== 0).order[k - 1] : 0;
}

/** vector_reorder(order, v_1 … v_n): Σ v_i·[order = i − 1], the element at 0-based position `order` (0 when there is none). */
export function vectorReorder(order: number, ...values: number[]): number {
  return fold(values.length, (i) => values[i] * (order === i ? 1 : 0), add);
}

/**
 * vector_elm_map(k, offset, missing, v_1 … v_n): the element `offset` places after element k
 * (1-based) of the whole array in storage order; `missing` when that is outside the array or
 * the offset is not a whole number.
 */
export function vectorElmMap(k: number, offset: number, missing: number, ...values: number[]): number {
  const j = k - 1 + offset;
  return Number.isInteger(offset) && j >= 0 && j < values.length ? values[j] : missing;
}

export const VECTOR_FUNCTIONS: readonly FunctionSpec[] = [
  { name: 'vector_select', minArgs: 4, maxArgs: Infinity, units: 'none',
    doc: 'Vensim VECTOR SELECT as vector_select(action, missing, s_1, …, s_n, x_1, …, x_n): actions 0 to 10 over the values whose selection is nonzero; missing when none is (vectors.ts)',
    checkArity: (n) => (n % 2 === 0 ? undefined : 'needs action, missing, then n selections and n values'),
    emit: (a) => `R.vectorSelect(${a.join(', ')})` },
  { name: 'vector_rank', minArgs: 3, maxArgs: Infinity, units: 'dimensionless',
    doc: 'Vensim VECTOR RANK as vector_rank(k, ascending, v_1, …, v_n): the 1-based rank of v_k, ties by position; descending when ascending is 0',
    emit: (a) => `R.vectorRank(${a.join(', ')})` },
  { name: 'vector_sort_order', minArgs: 3, maxArgs: Infinity, units: 'dimensionless',
    doc: 'Vensim VECTOR SORT ORDER as vector_sort_order(k, ascending, v_1, …, v_n): the 0-based position of the element ranked k; descending when ascending is 0',
    emit: (a) => `R.vectorSortOrder(${a.join(', ')})` },
  { name: 'vector_reorder', minArgs: 2, maxArgs: Infinity, units: 'none',
    doc: 'Vensim VECTOR REORDER as vector_reorder(order, v_1, …, v_n): the element at the 0-based position order',
    emit: (a) => `R.vectorReorder(${a.join(', ')})` },
  { name: 'vector_elm_map', minArgs: 4, maxArgs: Infinity, units: 'none',
    doc: 'Vensim VECTOR ELM MAP as vector_elm_map(k, offset, missing, v_1, …, v_n): the element offset places after element k (1-based); missing outside the array',
    emit: (a) => `R.vectorElmMap(${a.join(', ')})` },
];
