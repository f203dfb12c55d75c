/**
 * Vector sites (src/builtins/vector-sites.ts, vector-state.ts): an array written once as
 * vector_of and read by one call per element gives, bit for bit, what the per-element
 * functions give over the whole argument list, and what a straightforward reference computed
 * here gives, at n = 500 with ties and NaN; a reader that names no vector_of is refused;
 * loop analysis scores a reader as the per-element call it stands for.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { allocateByPriority, priorityLevel, scanLevel } from '../../src/builtins/allocate-priority.js';
import {
  allocateByPriorityAt, createVectorSites, vectorElmMapAt, vectorOf, vectorRankAt, vectorReorderAt, vectorSortOrderAt,
} from '../../src/builtins/vector-state.js';
import { vectorElmMap, vectorRank, vectorReorder, vectorSortOrder } from '../../src/builtins/vectors.js';
import { mdl } from '../io/vensim/helpers.js';
import { trySimulate } from '../../src/sim/simulate.js';
import { diagnosticsOf, runYaml } from '../helpers.js';
import { analyse } from '../analysis/loops/helpers.js';
import { createRng } from '../../src/core/random.js';

/** n values with many ties (20 distinct), some −0, and NaN at the given share. */
function values(n: number, seed: number, nan = 0): number[] {
  const r = createRng(seed);
  return Array.from({ length: n }, () => {
    const u = r();
    if (u < nan) return NaN;
    const v = Math.floor(r() * 20) - 10;
    return v === 0 && r() < 0.5 ? -0 : v;
  });
}

/** The documented rank by counting: 1 + #{j: v_j < v_k} + #{j < k: v_j = v_k} (> when descending). */
function referenceRank(v: readonly number[], k: number, ascending: boolean): number {
  let rank = 1;
  v.forEach((x, j) => { if ((ascending ? x < v[k] : x > v[k]) || (j < k && x === v[k])) rank++; });
  return rank;
}

const N = 500;

for (const nan of [0, 0.1]) {
  test(`rank and sort order at n = ${N}${nan ? ' with NaN' : ''} match counting, and the per-element functions`, () => {
    const v = values(N, 7 + nan * 100, nan);
    const sites = createVectorSites();
    assert.is(vectorOf(sites, 3, v), N);
    for (const ascending of [1, 0]) {
      const ranks = v.map((_, k) => referenceRank(v, k, ascending === 1));
      for (let k = 1; k <= N; k++) {
        assert.ok(Object.is(vectorRankAt(sites, 3, k, ascending), ranks[k - 1]), `rank ${k}`);
        assert.ok(Object.is(vectorRank(k, ascending, ...v), ranks[k - 1]), `per-element rank ${k}`);
        // the sort order: Σ i·[rank_i = k] (with NaN, ranks repeat and positions add)
        const order = ranks.reduce((s, r, i) => (r === k ? s + i : s), 0);
        assert.ok(Object.is(vectorSortOrderAt(sites, 3, k, ascending), order), `sort order ${k}`);
        assert.ok(Object.is(vectorSortOrder(k, ascending, ...v), order), `per-element sort order ${k}`);
      }
      for (const k of [0, N + 1, 1.5, NaN]) {
        assert.ok(Number.isNaN(vectorRankAt(sites, 3, k, ascending)) && Number.isNaN(vectorRank(k, ascending, ...v)));
        assert.is(vectorSortOrderAt(sites, 3, k, ascending), vectorSortOrder(k, ascending, ...v));
      }
    }
  });
}

test('ties rank by position, a NaN element ranks 1 and shares its rank', () => {
  const sites = createVectorSites();
  vectorOf(sites, 0, [2, NaN, 1, 2, -0, 0]);
  assert.equal([1, 2, 3, 4, 5, 6].map((k) => vectorRankAt(sites, 0, k, 1)), [4, 1, 3, 5, 1, 2]);
  // rank 1 is held by NaN (position 1) and −0 (position 4): positions add
  assert.equal([1, 2, 3, 4, 5, 6].map((k) => vectorSortOrderAt(sites, 0, k, 1)), [5, 5, 2, 0, 3, 0]);
});

test('reorder and elm map at n = 500 match the per-element folds to the bit, signed zeros and NaN included', () => {
  for (const [seed, nan] of [[1, 0], [2, 0.01], [3, 0]] as const) {
    const v = values(N, seed, nan);
    if (seed === 3) v.fill(-0, 0, N).splice(17, 1, -5);
    const sites = createVectorSites();
    vectorOf(sites, 1, v);
    for (const order of [0, 17, 250, N - 1, N, -1, 2.5, NaN, -0]) {
      assert.ok(Object.is(vectorReorderAt(sites, 1, order), vectorReorder(order, ...v)), `reorder ${order} (seed ${seed})`);
    }
    for (const [k, offset] of [[1, 0], [1, N - 1], [250, 3], [N, 1], [3, -5], [3, 0.5]]) {
      assert.ok(Object.is(vectorElmMapAt(sites, 1, k, offset, -7), vectorElmMap(k, offset, -7, ...v)), `elm map ${k}, ${offset}`);
    }
  }
});

test('ALLOCATE BY PRIORITY at n = 500 solves once per evaluation and matches the per-element call', () => {
  const r = createRng(11);
  const requests = Array.from({ length: N }, () => Math.floor(r() * 10) - 1);
  const priorities = Array.from({ length: N }, () => Math.floor(r() * 50) / 7);
  const sites = createVectorSites();
  vectorOf(sites, 0, requests);
  vectorOf(sites, 1, priorities);
  const total = requests.reduce((s, x) => s + Math.max(0, x), 0);
  for (const [supply, width] of [[total / 3, 2], [total / 2, 0.5], [total + 1, 1], [0, 1], [total / 4, 0], [total / 4, NaN]]) {
    let sum = 0;
    for (const k of [1, 2, 77, 250, N]) {
      const got = allocateByPriorityAt(sites, 0, 1, k, supply, width);
      assert.ok(Object.is(got, allocateByPriority(k, supply, width, ...requests, ...priorities)), `k ${k} supply ${supply} width ${width}`);
    }
    if (!(width > 0) || supply <= 0 || supply >= total) continue;
    for (let k = 1; k <= N; k++) sum += allocateByPriorityAt(sites, 0, 1, k, supply, width);
    assert.ok(Math.abs(sum - supply) < 1e-9 * total, `the allocations add up to the supply (${sum} vs ${supply})`);
  }
  vectorOf(sites, 2, [1, 2]);
  assert.ok(Number.isNaN(allocateByPriorityAt(sites, 0, 2, 1, 3, 1)), 'vectors of unequal length give NaN');
});

test('the priority level by bisection is the level found by trying every corner, to the bit', () => {
  const r = createRng(13);
  for (let round = 0; round < 300; round++) {
    const n = 1 + Math.floor(r() * 60);
    // few distinct priorities and widths that make corners coincide, as well as arbitrary ones
    const rp = [...Array.from({ length: n }, () => Math.floor(r() * 6) * (r() < 0.2 ? 0 : 1.5)), ...Array.from({ length: n }, () => (r() < 0.5 ? Math.floor(r() * 5) : r() * 10 - 5))];
    const total = rp.slice(0, n).reduce((s, x) => s + x, 0);
    const w = [0.5, 1, 2, r() * 4 + 1e-3][round % 4];
    const supply = total * (0.01 + 0.98 * r());
    assert.ok(Object.is(priorityLevel(rp, n, w, supply), scanLevel(rp, n, w, supply)), `round ${round}: n ${n}, width ${w}, supply ${supply}`);
  }
});

test('a Vensim model of 500 elements ranks and sorts as counting does, through one vector_of', () => {
  const v = values(N, 5);
  const model = mdl(`
E: (e1-e${N}) ~~|
x[E] = ${v.map((x) => (Object.is(x, -0) ? '0' : String(x))).join(', ')} ~~|
rank[E] = VECTOR RANK(x[E], 1) ~~|
order[E] = VECTOR SORT ORDER(x[E], 0) ~~|
`);
  assert.is(model.variables.filter((x) => x.name.endsWith(' vector')).length, 1, 'the array is written once');
  const sim = trySimulate(model, {});
  assert.ok(sim.result, sim.diagnostics.map((d) => d.message).join('; '));
  const plain = v.map((x) => (Object.is(x, -0) ? 0 : x));
  const ranksDown = plain.map((_, k) => referenceRank(plain, k, false));
  for (let k = 0; k < N; k++) {
    assert.is(sim.result!.series(`rank[e${k + 1}]`)[0], referenceRank(plain, k, true), `rank[e${k + 1}]`);
    assert.is(sim.result!.series(`order[e${k + 1}]`)[0], ranksDown.indexOf(k + 1), `order[e${k + 1}]`);
  }
});

test('vector_of only as a whole equation, and readers only of vector_of variables', () => {
  const base = 'sim: { start: 0, stop: 1, dt: 1 }\nauxiliaries:\n  a: { equation: "1" }\n  b: { equation: "2" }\n  h: { equation: "vector_of(a, b)" }\n';
  const codes = (extra: string) => diagnosticsOf(`${base}${extra}`).filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.variable}: ${d.message}`);
  assert.equal(codes('  r: { equation: "vector_rank_at(h, 1, 1)" }\n'), []);
  assert.match(codes('  r: { equation: "vector_rank_at(a, 1, 1)" }\n').join(), /bad-argument r: the first argument of vector_rank_at\(\) must name an auxiliary whose equation is vector_of/);
  assert.match(codes('  r: { equation: "1 + vector_of(a, b)" }\n').join(), /bad-argument r: vector_of\(\) must be the whole equation/);
  assert.match(codes('  q: { equation: "vector_of(a)" }\n  r: { equation: "allocate_by_priority_at(h, q, 1, 1, 1)" }\n').join(), /equally many elements/);
});

test('loop analysis scores a reader as the per-element call over the elements', () => {
  const model = (rank: string) => `
sim: { start: 0, stop: 8, dt: 0.25 }
stocks:
  a: { initial: 1, inflows: [fa] }
  b: { initial: 2, inflows: [fb] }
flows:
  fa: { equation: "0.1 * a * ${rank.replace('K', '1')}" }
  fb: { equation: "0.05 * b * ${rank.replace('K', '2')}" }
auxiliaries:
  h: { equation: "vector_of(a, b)" }
`;
  const sites = analyse(model('vector_rank_at(h, K, 1)'));
  const inline = analyse(model('vector_rank(K, 1, a, b)'));
  const show = (x: typeof sites) => x.loops.map((l) => `${l.variables.join('→')} ${[...l.scores].join(',')}`).sort();
  assert.ok(inline.loops.length > 2, 'the per-element model has loops through the ranks');
  assert.equal(show(sites), show(inline));
  assert.equal([...runYaml(model('vector_rank_at(h, K, 1)')).series('fb')], [...runYaml(model('vector_rank(K, 1, a, b)')).series('fb')]);
});

test.run();
