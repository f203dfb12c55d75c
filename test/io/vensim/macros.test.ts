/**
 * Vensim macros (Vensim reference, "Macros"): inside a macro, a name ending in `$` is the
 * calling model's variable (`Time$`, `TIME STEP$`, as in the common SAMPLE UNTIL, PINK NOISE
 * and RAMP FROM TO macros), never a parameter or a variable of the macro; a macro may have
 * further outputs after a colon, `:MACRO: M(a, b : out1, out2)`, which a call names as the
 * caller's own variables, `x = M(p, q : v1, v2)`. A call may stand in a subscripted equation
 * (Vensim reference, "Macros": "you can use subscripted values when calling the macro"): each
 * element calls the macro, so the outputs are subscripted like the left-hand side.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readVensim } from '../../../src/io/vensim/index.js';
import { trySimulate } from '../../../src/sim/simulate.js';
import { cli } from '../../cli/cli-helpers.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 5 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = TIME STEP ~~|\n';

function read(equations: string) {
  return readVensim(`{UTF-8}\n${equations}\n${CONTROL}`, 'm.mdl');
}

/** The first error reading `equations` gives. */
const first = (eqs: string) => read(eqs).diagnostics.find((d) => d.severity === 'error');

function run(equations: string, name: string): number[] {
  const { model, diagnostics } = read(equations);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  assert.is(errors.length, 0, errors.map((d) => d.message).join('; '));
  return Array.from(trySimulate(model!).result!.series(name));
}

// SAMPLE UNTIL: follows its input until lastTime, then holds the last value it took. The stock
// moves to the input in one TIME STEP$ while Time$ < lastTime: with x = 2·Time it reads
// 0, 0, 2, 4 at times 0..3 (each step takes the previous step's x), then holds 4.
const SAMPLE_UNTIL = `:MACRO: SAMPLE UNTIL(lastTime, input, initVal)
SAMPLE UNTIL = INTEG(IF THEN ELSE(Time$ < lastTime, (input - SAMPLE UNTIL) / TIME STEP$, 0), initVal) ~ input ~ |
:END OF MACRO:`;

test('Time$ and TIME STEP$ inside a macro are the calling model\'s time and time step', () => {
  assert.equal(run(`${SAMPLE_UNTIL}\nx = Time * 2 ~~|\ns = SAMPLE UNTIL(3, x, 0) ~~|`, 's'), [0, 0, 2, 4, 4, 4]);
});

test('name$ is the model\'s variable even where the macro has a parameter or a variable of that name', () => {
  const macro = `:MACRO: ADD LEVEL(level)\nADD LEVEL = level + base$ + base ~~|\nbase = 100 ~~|\n:END OF MACRO:`;
  // level (the parameter) = 1, base$ (the model's) = 10, base (the macro's own) = 100.
  assert.equal(run(`${macro}\nbase = 10 ~~|\ny = ADD LEVEL(1) ~~|`, 'y'), [111, 111, 111, 111, 111, 111]);
  const unknown = read(`${macro}\ny = ADD LEVEL(1) ~~|`).diagnostics.find((d) => d.severity === 'error');
  assert.match(unknown?.message ?? '', /'base' is not defined/);
});

const MINMAX = `:MACRO: MINMAX(a, b : lo, mid)\nMINMAX = MAX(a, b) ~~|\nlo = MIN(a, b) ~~|\nmid = (a + b) / 2 ~~|\n:END OF MACRO:`;

test('a macro call with outputs defines the caller\'s variables, usable anywhere in the model', () => {
  const eqs = `${MINMAX}\nuse = low * 10 + middle ~~|\nx = Time * 2 ~~|\nhi = MINMAX(x, 5 : low, middle) ~~|`;
  assert.equal(run(eqs, 'hi'), [5, 5, 5, 6, 8, 10]);
  assert.equal(run(eqs, 'low'), [0, 2, 4, 5, 5, 5]);
  assert.equal(run(eqs, 'middle'), [2.5, 3.5, 4.5, 5.5, 6.5, 7.5]);
  assert.equal(run(eqs, 'use'), [2.5, 23.5, 44.5, 55.5, 56.5, 57.5]);
});

test('macro outputs that do not match, clash or follow a non-macro are located errors', () => {
  const few = first(`${MINMAX}\nhi = MINMAX(1, 2 : low) ~~|`);
  assert.is(few?.code, 'wrong-arity');
  assert.match(few!.message, /MINMAX has 2 further outputs, and the call names 1/);
  assert.is(few!.line, 7);
  const clash = first(`${MINMAX}\nlow = 3 ~~|\nhi = MINMAX(1, 2 : low, m) ~~|`);
  assert.is(clash?.code, 'duplicate-definition');
  assert.is(clash!.line, 8);
  const notMacro = first('y = MAX(1, 2 : z) ~~|');
  assert.match(notMacro?.message ?? '', /MAX is not a macro/);
  const undefinedOutput = first(`:MACRO: M(a : out)\nM = a ~~|\n:END OF MACRO:\ny = M(1 : v) ~~|`);
  assert.match(undefinedOutput?.message ?? '', /macro M defines no variable named out/);
});

// x = 2·Time, 3, 10 − Time over d1..d3; MINMAX(x, 5) per element: low = MIN(x, 5), middle = (x + 5)/2.
const ARRAYED = `${MINMAX}\nDim: d1, d2, d3 ~~|\nx[d1] = Time * 2 ~~|\nx[d2] = 3 ~~|\nx[d3] = 10 - Time ~~|\nhi[Dim] = MINMAX(x[Dim], 5 : low, middle) ~~|`;

test('a macro call with outputs in a subscripted equation: each element calls it, the outputs are subscripted like the left-hand side', () => {
  const eqs = `${ARRAYED}\nuse[Dim] = low[Dim] * 10 + middle[d2] ~~|\ntotal = SUM(low[Dim!]) ~~|`;
  assert.equal(run(eqs, 'hi[d1]'), [5, 5, 5, 6, 8, 10]);
  assert.equal(run(eqs, 'hi[d3]'), [10, 9, 8, 7, 6, 5]);
  assert.equal(run(eqs, 'low[d1]'), [0, 2, 4, 5, 5, 5]);
  assert.equal(run(eqs, 'low[d2]'), [3, 3, 3, 3, 3, 3]);
  assert.equal(run(eqs, 'low[d3]'), [5, 5, 5, 5, 5, 5]);
  assert.equal(run(eqs, 'middle[d3]'), [7.5, 7, 6.5, 6, 5.5, 5]);
  // use[d1] = low[d1]·10 + middle[d2] = 10·(0, 2, 4, 5, 5, 5) + 4; total = Σ low.
  assert.equal(run(eqs, 'use[d1]'), [4, 24, 44, 54, 54, 54]);
  assert.equal(run(eqs, 'total'), [8, 10, 12, 13, 13, 13]);
});

test('an output of a subscripted call is an array: a bare reference, an unknown element or a second definition is a located error', () => {
  const bare = first(`${ARRAYED}\nbare = low * 2 ~~|`);
  assert.is(bare?.code, 'wrong-subscript-count', 'low has subscripts');
  assert.is(bare!.variable, 'bare');
  assert.is(bare!.message, "'low' is subscripted, as in low[Dim], but is written here without subscripts");
  assert.match(bare!.hint ?? '', /such as low\[Dim\] .*SUM\(low\[Dim!\]\)/);
  const inArray = first(`${ARRAYED}\nw[Dim] = low * 2 ~~|`);
  assert.is(inArray?.variable, 'w');
  assert.match(inArray!.message, /^'low' is subscripted, as in low\[Dim\], .*, in 3 elements$/);
  const count = first(`${ARRAYED}\nD2: e1, e2 ~~|\nm[Dim, D2] = 1 ~~|\nc = m[d1] ~~|`);
  assert.is(count?.message, "'m' has 2 subscript(s), as in m[Dim,D2], but is written here with 1");
  const other = first(`${ARRAYED}\nlo2[Dim] = MINMAX(x[Dim], 1 : low, m2) ~~|`);
  assert.is(other?.code, 'duplicate-definition');
  assert.is(other!.line, 12);
  // A call in the equation of one element defines that element only.
  const one = `${MINMAX}\nDim: d1, d2 ~~|\ny[d1] = MINMAX(1, 2 : lo1, mid1) ~~|\ny[d2] = 0 ~~|\nz = lo1[d1] + mid1[d1] ~~|`;
  assert.equal(run(one, 'z'), [2.5, 2.5, 2.5, 2.5, 2.5, 2.5]);
  assert.ok(first(`${one}\nw = lo1[d2] ~~|`), 'lo1 has no element d2');
});

test('the CLI runs a model with $ references and macro outputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stockflow-macro-'));
  writeFileSync(join(dir, 'm.mdl'), `{UTF-8}\n${SAMPLE_UNTIL}\n${MINMAX}\nx = Time * 2 ~~|\ns = SAMPLE UNTIL(3, x, 0) ~~|\nhi = MINMAX(s, 3 : low, middle) ~~|\n${CONTROL}`);
  const r = cli('run', join(dir, 'm.mdl'), '--vars', 's,low');
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim().split('\n').slice(1).map((l) => l.split(',').slice(1).map(Number)), [[0, 0], [0, 0], [2, 2], [4, 3], [4, 3], [4, 3]]);
});

test.run();
