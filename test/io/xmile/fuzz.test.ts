/**
 * Fuzzing the reader with seeded mutations of valid XMILE (deterministic: mulberry32 from
 * core/random.ts). Whatever the input, readXmile must not throw, must return either a
 * model or at least one error, and every diagnostic must name the file; a model it
 * returns must also survive writeXmile → readXmile. Inputs that once broke the reader
 * are kept below as regression cases.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createRng, type Rng } from '../../../src/core/random.js';
import { ModelError } from '../../../src/core/diagnostics.js';
import { readXmile, writeXmile } from '../../../src/io/xmile/index.js';
import { trySimulate } from '../../../src/sim/simulate.js';
import { aux, xmileDoc } from './helpers.js';

const SEED_DOC = xmileDoc(`
      <stock name="Stock A"><eqn>10</eqn><inflow>in_flow</inflow><non_negative/></stock>
      <flow name="in flow"><eqn>IF TIME &gt; 2 THEN SMTH1(Stock_A, 2) ELSE -1</eqn></flow>
      <aux name="arr"><dimensions><dim name="d"/></dimensions><eqn>d * 2</eqn></aux>
      ${aux('total', 'SUM(arr[*]) + "Stock A" MOD 3 + table(TIME)')}
      <gf name="table"><xscale min="0" max="4"/><ypts>0,1,0.5</ypts></gf>
      <stock name="belt"><eqn>4</eqn><inflow>loading</inflow><outflow>unloading</outflow><conveyor><len>2</len></conveyor></stock>
      <flow name="loading"><eqn>RANK(arr, 1) + SUM(arr[a:b]) + HISTORY(Stock_A, TIME - 1)</eqn></flow>
      <flow name="unloading"/>`,
{ top: '<dimensions><dim name="d"><elem name="a"/><elem name="b"/></dim></dimensions>',
  sim: '<sim_specs method="euler" xmlns:stockflow="https://stockflow.dev/xmile" stockflow:varying_saveper="if time &lt; 2 then 1 else 2"><start>0</start><stop>4</stop><dt>1</dt></sim_specs>' });

const ALPHABET = ['<', '>', '&', '"', "'", '(', ')', '[', ']', '{', '}', ',', ';', '=', '+', '-', '*', '/', '^', ' ', '\n', 'a', 'Z', '0', '9', '.', 'é', '\u0000', '&lt;', '<![CDATA[', ']]>', '</eqn>', 'IF', 'THEN', '???'];

function mutate(text: string, rng: Rng): string {
  const pos = Math.floor(rng() * text.length);
  const len = 1 + Math.floor(rng() * 12);
  switch (Math.floor(rng() * 5)) {
    case 0: return text.slice(0, pos) + text.slice(pos + len);
    case 1: return text.slice(0, pos) + ALPHABET[Math.floor(rng() * ALPHABET.length)] + text.slice(pos);
    case 2: return text.slice(0, pos) + text.slice(pos, pos + len) + text.slice(pos);
    case 3: return text.slice(0, pos);
    default: {
      const other = Math.floor(rng() * text.length);
      return text.slice(0, pos) + text.slice(other, other + len) + text.slice(pos + len);
    }
  }
}

function check(text: string, what: string): void {
  let r;
  try {
    r = readXmile(text, 'fuzz.xmile');
  } catch (e) {
    assert.unreachable(`${what}: readXmile threw ${(e as Error).stack}\n--- input ---\n${text}`);
    return;
  }
  assert.ok(r.model || r.diagnostics.some((d) => d.severity === 'error'), `${what}: neither a model nor an error`);
  for (const d of r.diagnostics) assert.is(d.file, 'fuzz.xmile', `${what}: diagnostic without file: ${d.message}`);
  if (!r.model) return;
  try {
    const back = readXmile(writeXmile(r.model), 'again.xmile');
    assert.ok(back.model, `${what}: written model does not read back: ${back.diagnostics.map((d) => d.message).join('; ')}`);
  } catch (e) {
    if (!(e instanceof ModelError)) assert.unreachable(`${what}: writeXmile threw ${(e as Error).stack}`);
  }
}

test('the seed document is valid and runs', () => {
  const model = readXmile(SEED_DOC, 'fuzz.xmile').model;
  assert.ok(model);
  const run = trySimulate(model!);
  assert.ok(run.result, run.diagnostics.map((d) => d.message).join('; '));
});

test('1500 seeded mutations never make the reader throw', () => {
  const rng = createRng(20240601);
  for (let i = 0; i < 1500; i++) {
    let text = SEED_DOC;
    const n = 1 + Math.floor(rng() * 3);
    for (let k = 0; k < n; k++) text = mutate(text, rng);
    check(text, `mutation ${i}`);
  }
});

test('mutations inside equations reach the equation translator and never make it throw', () => {
  const rng = createRng(99);
  const eqns = [...SEED_DOC.matchAll(/<eqn>([^<]*)<\/eqn>/g)].map((m) => m[1]);
  let models = 0;
  for (let i = 0; i < 1500; i++) {
    const target = eqns[Math.floor(rng() * eqns.length)];
    const changed = mutate(target, rng).replace(/</g, '&lt;').replace(/&(?!lt;|gt;|amp;)/g, '&amp;');
    const text = SEED_DOC.replace(`<eqn>${target}</eqn>`, `<eqn>${changed}</eqn>`);
    check(text, `equation mutation ${i}: ${changed}`);
    if (readXmile(text, 'fuzz.xmile').model) models++;
  }
  assert.ok(models > 100, `only ${models} mutated documents still read`);
});

test('mutated suite files never make the reader throw', () => {
  const suite = process.env.SD_TEST_MODELS ?? join(process.cwd(), '../shared/test-models');
  const files = ['tests/subscripted_trig/test_subscripted_trig.xmile', 'tests/lookups/test_lookups.stmx', 'tests/delay_xmile/test_delay_xmile.xmile', 'tests/special_characters_xmile/test_special_variable_names.xmile'];
  if (!existsSync(join(suite, files[0]))) { console.log(`[xmile fuzz] suite files SKIPPED: none at ${suite}`); return; }
  const rng = createRng(7);
  for (const f of files) {
    const base = readFileSync(join(suite, f), 'utf8');
    for (let i = 0; i < 150; i++) check(mutate(mutate(base, rng), rng), `${f} mutation ${i}`);
  }
});

test('regressions: inputs that once broke the reader', () => {
  check('<xmile><sim_specs><start>0</start><stop>1</stop></sim_specs><model><variables><aux name="a"><eqn>a[</eqn></aux></variables></model></xmile>', 'open subscript');
  check(xmileDoc('<aux name="x"><eqn>&#1114112;</eqn></aux>'), 'out-of-range character reference');
  // Found by the equation mutations: a VarInfo's inherited Object.prototype.valueOf was
  // taken for the "graphical function as a value" hook and leaked into the tree.
  const leak = readXmile(xmileDoc(`<gf name="table"><xscale min="0" max="4"/><ypts>0,1,0.5</ypts></gf>${aux('t', '3 + table')}`), 'fuzz.xmile');
  assert.ok(leak.diagnostics.some((d) => d.code === 'lookup-as-value' && d.line !== undefined));
});

test.run();
