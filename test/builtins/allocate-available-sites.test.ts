/**
 * ALLOCATE AVAILABLE over vector sites (src/builtins/vector-state.ts allocateAvailableAt): the
 * requests and the four profile columns written once as vector_of and read by one
 * allocate_available_at per requester give, bit for bit, what the per-element
 * allocate_available gives over the whole argument list (src/builtins/allocation.ts), at
 * n = 500 with every curve type, fixed quantities, negative requests and NaN; the Vensim
 * reader writes that shape; loop analysis scores a reader as the per-element call.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { allocateAvailable } from '../../src/builtins/allocation.js';
import { allocateAvailableAt, createVectorSites, vectorOf } from '../../src/builtins/vector-state.js';
import { createRng } from '../../src/core/random.js';
import { trySimulate } from '../../src/sim/simulate.js';
import { mdl } from '../io/vensim/helpers.js';
import { diagnosticsOf, runYaml } from '../helpers.js';
import { analyse } from '../analysis/loops/helpers.js';

const N = 500;

/** n requesters: requests (some negative), types 1–4 and some 0 (fixed), priorities, widths. */
function requesters(n: number, seed: number) {
  const r = createRng(seed);
  const requests = Array.from({ length: n }, () => Math.floor(r() * 12) - 1);
  const types = Array.from({ length: n }, () => (r() < 0.1 ? 0 : 1 + Math.floor(r() * 4)));
  const priorities = Array.from({ length: n }, () => Math.floor(r() * 40) / 3);
  const widths = Array.from({ length: n }, () => 0.5 + Math.floor(r() * 8) / 4);
  const extras = Array.from({ length: n }, () => 0);
  return { requests, types, priorities, widths, extras };
}

/** The per-element call's argument list after k and supply. */
const perElement = (q: ReturnType<typeof requesters>): number[] =>
  [...q.requests, ...q.requests.flatMap((_, i) => [q.types[i], q.priorities[i], q.widths[i], q.extras[i]])];

test(`ALLOCATE AVAILABLE at n = ${N} solves once per evaluation and matches the per-element call to the bit`, () => {
  const q = requesters(N, 21);
  const sites = createVectorSites();
  [q.requests, q.types, q.priorities, q.widths, q.extras].forEach((v, slot) => vectorOf(sites, slot, v));
  const args = perElement(q);
  const total = q.requests.reduce((s, x) => s + Math.max(0, x), 0);
  const fixed = q.requests.reduce((s, x, i) => (q.types[i] === 0 ? s + Math.max(0, x) : s), 0);
  for (const supply of [total / 3, total / 2, fixed / 2, total + 1, 0, -1, NaN]) {
    for (const k of [1, 2, 3, 77, 250, 499, N]) {
      const got = allocateAvailableAt(sites, 0, 1, 2, 3, 4, k, supply);
      assert.ok(Object.is(got, allocateAvailable(k, supply, ...args)), `k ${k} supply ${supply}: ${got}`);
    }
    if (!(supply > 0 && supply < total)) continue;
    let sum = 0;
    for (let k = 1; k <= N; k++) sum += allocateAvailableAt(sites, 0, 1, 2, 3, 4, k, supply);
    assert.ok(Math.abs(sum - supply) < 1e-9 * total, `the allocations add up to the supply (${sum} vs ${supply})`);
  }
  // a profile stored again (new values) is seen by the next read
  const wider = q.widths.map((w) => w * 2);
  vectorOf(sites, 3, wider);
  const again = perElement({ ...q, widths: wider });
  assert.ok(Object.is(allocateAvailableAt(sites, 0, 1, 2, 3, 4, 77, total / 3), allocateAvailable(77, total / 3, ...again)));
  // an unsupported profile (width 0) gives NaN as the per-element call does
  vectorOf(sites, 3, q.widths.map((w, i) => (i === 10 ? 0 : w)));
  assert.ok(Number.isNaN(allocateAvailableAt(sites, 0, 1, 2, 3, 4, 1, total / 3)));
  for (const k of [0, N + 1, 1.5]) assert.ok(Number.isNaN(allocateAvailableAt(sites, 0, 1, 2, 3, 4, k, total / 3)));
  vectorOf(sites, 5, [1, 2]);
  assert.ok(Number.isNaN(allocateAvailableAt(sites, 0, 1, 2, 3, 5, 1, 3)), 'vectors of unequal length give NaN');
});

test(`a Vensim ALLOCATE AVAILABLE over ${N} requesters writes each array once and runs as the per-element call`, () => {
  const q = requesters(N, 23);
  const rows = q.requests.map((_, i) => `pp[e${i + 1}, ptype] = ${q.types[i]} ~~|\npp[e${i + 1}, ppriority] = ${q.priorities[i]} ~~|\npp[e${i + 1}, pwidth] = ${q.widths[i]} ~~|\npp[e${i + 1}, pextra] = 0 ~~|`).join('\n');
  const model = mdl(`
E: (e1-e${N}) ~~|
pprofile: ptype, ppriority, pwidth, pextra ~~|
demand[E] = ${q.requests.join(', ')} ~~|
${rows}
supply = 400 + 100 * Time ~~|
shipped[E] = ALLOCATE AVAILABLE(demand[E], pp[E, ptype], supply) ~~|
`);
  const equation = (name: string) => { const v = model.variables.find((x) => x.name === name); return v?.kind === 'aux' ? v.equation : undefined; };
  const made = model.variables.filter((v) => v.kind === 'aux' && v.equation.startsWith('vector_of('));
  assert.equal(made.map((v) => v.name).sort(), ['demand vector', 'pp pextra vector', 'pp ppriority vector', 'pp ptype vector', 'pp pwidth vector']);
  assert.ok(made.every((v) => v.partOf === 'shipped[e1]'), 'the vectors are internal to the allocation');
  assert.is(equation('shipped[e7]'),
    'allocate_available_at(demand_vector, pp_ptype_vector, pp_ppriority_vector, pp_pwidth_vector, pp_pextra_vector, 7, supply)');
  const sim = trySimulate(model, {});
  assert.ok(sim.result, sim.diagnostics.map((d) => d.message).join('; '));
  const time = sim.result!.time;
  const args = perElement(q);
  for (const step of [0, 4, time.length - 1]) {
    for (const k of [1, 2, 100, 333, N]) {
      assert.ok(Object.is(sim.result!.series(`shipped[e${k}]`)[step], allocateAvailable(k, 400 + 100 * time[step], ...args)), `shipped[e${k}] at ${time[step]}`);
    }
  }
});

test('loop analysis scores allocate_available_at as the per-element call over the elements', () => {
  const model = (call: string) => `
sim: { start: 0, stop: 8, dt: 0.25 }
stocks:
  a: { initial: 3, inflows: [fa] }
  b: { initial: 2, inflows: [fb] }
flows:
  fa: { equation: "${call.replace('K', '1')} - 0.3 * a" }
  fb: { equation: "${call.replace('K', '2')} - 0.3 * b" }
auxiliaries:
  r: { equation: "vector_of(a, b)" }
  t: { equation: "vector_of(3, 2)" }
  p: { equation: "vector_of(1, 2)" }
  w: { equation: "vector_of(1, 1)" }
  x: { equation: "vector_of(0, 0)" }
`;
  const at = 'allocate_available_at(r, t, p, w, x, K, 2)';
  const plain = 'allocate_available(K, 2, a, b, 3, 1, 1, 0, 2, 2, 1, 0)';
  const sites = analyse(model(at));
  const inline = analyse(model(plain));
  const show = (x: typeof sites) => x.loops.map((l) => `${l.variables.join('→')} ${[...l.scores].join(',')}`).sort();
  assert.ok(inline.loops.length > 2, 'the per-element model has loops through the allocation');
  assert.equal(show(sites), show(inline));
  assert.equal([...runYaml(model(at)).series('fb')], [...runYaml(model(plain)).series('fb')]);
  const base = 'sim: { start: 0, stop: 1, dt: 1 }\nauxiliaries:\n  a: { equation: "1" }\n  h: { equation: "vector_of(a, a)" }\n  g: { equation: "vector_of(a)" }\n';
  const errors = diagnosticsOf(`${base}  q: { equation: "allocate_available_at(h, h, h, g, h, 1, 1)" }\n`).filter((d) => d.severity === 'error');
  assert.match(errors.map((d) => d.message).join(), /first 5 arguments of allocate_available_at\(\) must name auxiliaries of equally many elements/);
});

test.run();
