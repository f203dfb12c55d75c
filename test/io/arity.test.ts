/**
 * Every builtin of every function table reports a call with the wrong number of arguments
 * the same way: a located `wrong-arity` error "FN takes N arguments, not M" (builtins/arity.ts,
 * docs/builtins.md "Wrong number of arguments"), in the Vensim reader, the XMILE reader and
 * the engine's own equations. Each function is called with far too many arguments (20) and,
 * where it needs any, with none.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readVensim } from '../../src/io/vensim/index.js';
import { readXmile } from '../../src/io/xmile/index.js';
import { SIMPLE, REWRITES } from '../../src/io/vensim/builtins.js';
import { RANDOM_REWRITES } from '../../src/io/vensim/random.js';
import { VECTOR_FUNCTIONS } from '../../src/io/vensim/vectors.js';
import { VENSIM_DELAYS } from '../../src/io/vensim/delays.js';
import { TABLE_CALLS } from '../../src/io/vensim/lookups.js';
import { XMILE_FUNCTIONS } from '../../src/io/xmile/builtins.js';
import { FUNCTIONS } from '../../src/builtins/functions.js';
import { STATEFUL } from '../../src/builtins/stateful.js';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { diagnosticsOf, auxModel } from '../helpers.js';
import { xmileDoc, aux } from './xmile/helpers.js';

const MANY = 20;
/** Functions only a stateful builtin's expansion writes (refused as unknown when written). */
const INTERNAL = new Set(['history_at', 'conveyor_flow']);
const args = (n: number) => Array.from({ length: n }, () => '1').join(', ');

/** The problem with a call, if it is not the one `wrong-arity` error located at the call. */
function misreported(d: readonly Diagnostic[], fn: string, given: number, located = true): string | undefined {
  const hit = d.find((x) => x.code === 'wrong-arity');
  if (!hit) return `${fn}(${given} arguments): ${d.map((x) => `${x.code} ${x.message}`).join('; ') || 'no diagnostic'}`;
  if (!new RegExp(`takes .*arguments?, not ${given}\\b`).test(hit.message)) return `${fn}: message '${hit.message}'`;
  if (located && hit.line === undefined) return `${fn}: no line`;
  return undefined;
}

function vensim(fn: string, given: number): Diagnostic[] {
  const text = `{UTF-8}\nx = ${fn}(${args(given)}) ~ ~ |\nINITIAL TIME = 0 ~ ~ |\nFINAL TIME = 4 ~ ~ |\nTIME STEP = 1 ~ ~ |\nSAVEPER = 1 ~ ~ |\n`;
  return readVensim(text, 'arity.mdl').diagnostics;
}

test('Vensim: every function of the reader tables, with too many or no arguments, is a wrong-arity error', () => {
  const names = [...Object.keys(SIMPLE), ...Object.keys(REWRITES), ...Object.keys(RANDOM_REWRITES), ...VECTOR_FUNCTIONS, ...VENSIM_DELAYS,
    ...Object.keys(TABLE_CALLS), 'integ', 'if_then_else', 'active_initial', 'elmcount', 'sample_if_true', 'sinteg', 'get_time_value', 'sum', 'prod', 'vmin', 'vmax'];
  const wrong: string[] = [];
  for (const id of new Set(names)) {
    const fn = id.toUpperCase().replace(/_/g, ' ');
    const many = misreported(vensim(fn, MANY), fn, MANY);
    if (many) wrong.push(many);
    const zero = vensim(fn, 0);
    if (zero.some((x) => x.severity === 'error')) { const z = misreported(zero, fn, 0); if (z) wrong.push(z); }
  }
  assert.equal(wrong, []);
  assert.ok(names.length > 80, `${names.length} functions checked`);
});

test('XMILE: every builtin of the reader table is a wrong-arity error past its arguments', () => {
  const wrong: string[] = [];
  for (const [id, spec] of XMILE_FUNCTIONS) {
    if (spec.max === Infinity) continue;
    const fn = id.toUpperCase();
    const d = readXmile(xmileDoc(aux('x', `${fn}(${args(MANY)})`)), 'arity.xmile').diagnostics;
    const bad = misreported(d, fn, MANY);
    if (bad) wrong.push(bad);
    if (spec.min > 0) {
      const z = misreported(readXmile(xmileDoc(aux('x', `${fn}()`)), 'arity.xmile').diagnostics, fn, 0);
      if (z) wrong.push(z);
    }
  }
  assert.equal(wrong, []);
});

test("the engine's own functions and stateful builtins are wrong-arity errors past their arguments", () => {
  const wrong: string[] = [];
  for (const f of [...FUNCTIONS, ...STATEFUL]) {
    if (f.maxArgs === Infinity || INTERNAL.has(f.name)) continue;
    const bad = misreported(diagnosticsOf(auxModel(`${f.name}(${args(MANY)})`)), f.name, MANY, false);
    if (bad) wrong.push(bad);
  }
  assert.equal(wrong, []);
});

test.run();
