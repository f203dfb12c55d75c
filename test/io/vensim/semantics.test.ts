/**
 * Vensim semantics that real models rely on, each from the Vensim reference and checked
 * against a hand-worked run:
 * - SAMPLE IF TRUE(cond, input, initial) "returns input when cond is true, otherwise the
 *   value it last took (initial before cond was ever true)": the variable holds a value, so
 *   naming itself in cond or input (a running minimum) reads that held value, not a loop.
 * - GET DIRECT CONSTANTS reads a blank cell as 0 (text in a cell is an error in Vensim too).
 * - INVERT MATRIX(m, n) inverts a matrix whose numbers are read from a file with the model;
 *   each element of the left-hand side takes the inverse's entry at its own subscripts.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readModelFile } from '../../../src/io/load.js';
import { readVensim } from '../../../src/io/vensim/index.js';
import { trySimulate } from '../../../src/sim/simulate.js';
import { cli } from '../../cli/cli-helpers.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 5 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = TIME STEP ~~|\n';

function run(equations: string, name: string): number[] {
  const { model, diagnostics } = readVensim(`{UTF-8}\n${equations}\n${CONTROL}`, 'm.mdl');
  const errors = diagnostics.filter((d) => d.severity === 'error');
  assert.is(errors.length, 0, errors.map((d) => d.message).join('; '));
  return Array.from(trySimulate(model!).result!.series(name));
}

// input over time 0..5: 4, 6, 3, 5, 1, 2 — its running minimum is 4, 4, 3, 3, 1, 1.
const INPUT = 'input = WITH LOOKUP(Time, ([(0,0)-(5,10)],(0,4),(1,6),(2,3),(3,5),(4,1),(5,2))) ~~|';

test('SAMPLE IF TRUE that names itself is a running minimum, not an algebraic loop', () => {
  assert.equal(run(`${INPUT}\nrunning min = SAMPLE IF TRUE(input < running min, input, input) ~~|`, 'running min'), [4, 4, 3, 3, 1, 1]);
  // The held value may also be the input: a running maximum that adds to itself.
  assert.equal(run(`${INPUT}\npeak = SAMPLE IF TRUE(input > peak, input, 0) ~~|`, 'peak'), [4, 6, 6, 6, 6, 6]);
});

test('SAMPLE IF TRUE takes the input in the step its condition holds, and holds it after', () => {
  // Vensim's own run of SDEverywhere's `sample`: MODULO(Time, 5) = 0 samples Time at 0 and 5.
  assert.equal(run('a = SAMPLE IF TRUE(MODULO(Time, 5) = 0, Time, 0) ~~|', 'a'), [0, 0, 0, 0, 0, 5]);
  assert.equal(run('f = SAMPLE IF TRUE(Time = 3, 2, 7) ~~|', 'f'), [7, 7, 7, 2, 2, 2]);
});

test('the CLI runs a self-referring SAMPLE IF TRUE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stockflow-sample-'));
  writeFileSync(join(dir, 'm.mdl'), `{UTF-8}\n${INPUT}\nrunning min = SAMPLE IF TRUE(input < running min, input, input) ~~|\n${CONTROL}`);
  const r = cli('run', join(dir, 'm.mdl'), '--vars', 'running min');
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim().split('\n').slice(1).map((l) => Number(l.split(',')[1])), [4, 4, 3, 3, 1, 1]);
});

function constants(csv: string) {
  const dir = mkdtempSync(join(tmpdir(), 'stockflow-const-'));
  writeFileSync(join(dir, 'm.mdl'), `{UTF-8}\nDimB: B1, B2, B3 ~~|\nc[DimB] = GET DIRECT CONSTANTS('c.csv', ',', 'B2') ~~|\ntotal = SUM(c[DimB!]) ~~|\n${CONTROL}`);
  writeFileSync(join(dir, 'c.csv'), csv);
  return readModelFile(join(dir, 'm.mdl'));
}

test('GET DIRECT CONSTANTS reads a blank cell as 0, with a warning that names the cell', () => {
  const loaded = constants('x,b1,b2,b3\nrow,1,,4\n');
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  assert.is(errors.length, 0, errors.map((d) => d.message).join('; '));
  const warn = loaded.diagnostics.find((d) => d.code === 'blank-cell');
  assert.ok(warn, 'expected a blank-cell warning');
  assert.match(warn!.message, /row 2, column 3 of 'c\.csv' for c\[B2\]/);
  assert.equal(Array.from(trySimulate(loaded.model!).result!.series('c[B2]')), [0, 0, 0, 0, 0, 0]);
  assert.equal(Array.from(trySimulate(loaded.model!).result!.series('total')), [5, 5, 5, 5, 5, 5]);
  // A cell past the end of the row is blank too (the file's row is shorter than the range).
  assert.equal(Array.from(trySimulate(constants('x,b1,b2,b3\nrow,1,2\n').model!).result!.series('c[B3]')), [0, 0, 0, 0, 0, 0]);
});

test('GET DIRECT CONSTANTS reads text in a cell as 0, with a warning that names the cell and its text', () => {
  // Vensim stops at such a cell; SDEverywhere reads it as 0 and its folder's reference
  // (directconst_invalidcell, made with the cell set to 0) shows that value.
  const loaded = constants('x,b1,b2,b3\nrow,1,ZERO,4\n');
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  assert.is(errors.length, 0, errors.map((d) => d.message).join('; '));
  const warn = loaded.diagnostics.find((d) => d.code === 'text-cell');
  assert.ok(warn, 'expected a text-cell warning');
  assert.is(warn!.line, 3);
  assert.match(warn!.message, /row 2, column 3 of 'c\.csv' for c\[B2\] holds "ZERO", not a number; it reads as 0/);
  assert.equal(Array.from(trySimulate(loaded.model!).result!.series('total')), [5, 5, 5, 5, 5, 5]);
});

// [[4, 7], [2, 6]] has determinant 10 and inverse [[0.6, -0.7], [-0.2, 0.4]].
test('INVERT MATRIX of numbers read by GET DIRECT CONSTANTS, placed by the left-hand side\'s subscripts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stockflow-invert-'));
  writeFileSync(join(dir, 'm.csv'), 'x,t1,t2\ns1,4,7\ns2,2,6\n');
  const eqs = `S: s1, s2 ~~|\nT: s1, s2 ~~|\nm[S, T] = GET DIRECT CONSTANTS('m.csv', ',', 'B2') ~~|
i[S, T] = INVERT MATRIX(m[S, T], 2) ~~|\nj[S, T] = INVERT MATRIX(m[S, S], ELMCOUNT(S)) ~~|\n`;
  writeFileSync(join(dir, 'm.mdl'), `{UTF-8}\n${eqs}${CONTROL}`);
  const loaded = readModelFile(join(dir, 'm.mdl'));
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  assert.is(errors.length, 0, errors.map((d) => d.message).join('; '));
  const result = trySimulate(loaded.model!).result!;
  for (const name of ['i', 'j']) {
    const got = ['[s1,s1]', '[s1,s2]', '[s2,s1]', '[s2,s2]'].map((e) => result.series(`${name}${e}`)[0]);
    [0.6, -0.7, -0.2, 0.4].forEach((want, k) => assert.ok(Math.abs(got[k] - want) < 1e-12, `${name}: ${got}`));
  }
  // A matrix that changes during the run cannot be inverted when the model is read.
  const err = readVensim(`{UTF-8}\nS: s1, s2 ~~|\nm[S, S] = Time ~~|\ni[S, S] = INVERT MATRIX(m[S, S], 2) ~~|\n${CONTROL}`, 'm.mdl').diagnostics.find((d) => d.severity === 'error');
  assert.match(err?.message ?? '', /INVERT MATRIX needs constant entries/);
});

// Each matrix is inverted once and its inverse reused by every element, but a leading subscript
// names a different matrix: m[k2] = 2 · m[k1], so its inverse is half of k1's.
test('INVERT MATRIX over a leading subscript inverts each of its matrices', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stockflow-invert-'));
  writeFileSync(join(dir, 'm.csv'), 'x,t1,t2\ns1,4,7\ns2,2,6\n');
  const eqs = `K: k1, k2 ~~|\nS: s1, s2 ~~|\nT: s1, s2 ~~|\nbase[S, T] = GET DIRECT CONSTANTS('m.csv', ',', 'B2') ~~|
scale[K] = 1, 2 ~~|\nm[K, S, T] = base[S, T] * scale[K] ~~|\ni[K, S, T] = INVERT MATRIX(m[K, S, T], 2) ~~|\n`;
  writeFileSync(join(dir, 'm.mdl'), `{UTF-8}\n${eqs}${CONTROL}`);
  const loaded = readModelFile(join(dir, 'm.mdl'));
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  assert.is(errors.length, 0, errors.map((d) => d.message).join('; '));
  const result = trySimulate(loaded.model!).result!;
  for (const [k, scale] of [['k1', 1], ['k2', 2]] as const) {
    const got = ['s1,s1', 's1,s2', 's2,s1', 's2,s2'].map((e) => result.series(`i[${k},${e}]`)[0]);
    [0.6, -0.7, -0.2, 0.4].forEach((want, n) => assert.ok(Math.abs(got[n] - want / scale) < 1e-12, `${k}: ${got}`));
  }
});

test.run();
