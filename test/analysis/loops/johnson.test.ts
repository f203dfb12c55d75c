/** Johnson's elementary circuits against closed-form counts and a brute-force search. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { elementaryCircuits } from '../../../src/analysis/loops/index.js';

const complete = (n: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => j).filter((j) => j !== i));

/** Circuits of the complete digraph on n nodes: Σ_{k=2..n} C(n,k)·(k−1)!. */
function completeCount(n: number): number {
  let total = 0;
  for (let k = 2; k <= n; k++) {
    let c = 1;
    for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
    let f = 1;
    for (let i = 2; i < k; i++) f *= i;
    total += c * f;
  }
  return total;
}

/** Every circuit by brute force: simple paths from each start over larger nodes only. */
function bruteForce(adj: number[][]): Set<string> {
  const out = new Set<string>();
  const walk = (start: number, path: number[]) => {
    for (const w of adj[path[path.length - 1]]) {
      if (w === start) out.add(path.join(','));
      else if (w > start && !path.includes(w)) walk(start, [...path, w]);
    }
  };
  adj.forEach((_, s) => walk(s, [s]));
  return out;
}

/** A circuit rotated to start at its smallest node, as bruteForce writes it. */
const canonical = (c: number[]) => {
  const m = c.indexOf(Math.min(...c));
  return [...c.slice(m), ...c.slice(0, m)].join(',');
};

test('the complete digraphs on 3, 4 and 5 nodes have 5, 20 and 84 circuits', () => {
  for (const n of [3, 4, 5]) assert.is(elementaryCircuits(complete(n)).circuits.length, completeCount(n), `K${n}`);
  assert.equal([3, 4, 5].map(completeCount), [5, 20, 84]);
});

test('a self-loop is a circuit of one node; acyclic graphs have none', () => {
  assert.equal(elementaryCircuits([[0, 1], [2], []]).circuits, [[0]]);
  assert.equal(elementaryCircuits([[1, 2], [2], []]).circuits, []);
});

test('enumeration stops past the limit and says so', () => {
  const r = elementaryCircuits(complete(6), 10);
  assert.ok(r.truncated);
  assert.is(r.circuits.length, 11);
  assert.not.ok(elementaryCircuits(complete(4), 20).truncated);
});

test('property: Johnson finds exactly the circuits a brute-force search finds', () => {
  const graph = fc.integer({ min: 1, max: 7 }).chain((n) => fc.array(fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: n }), { minLength: n, maxLength: n }));
  fc.assert(fc.property(graph, (adj) => {
    const found = elementaryCircuits(adj).circuits.map(canonical);
    assert.is(new Set(found).size, found.length, 'no circuit twice');
    assert.equal(new Set(found), bruteForce(adj));
  }), { numRuns: 300, seed: 3 });
});

test.run();
