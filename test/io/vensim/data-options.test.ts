/**
 * The data a Vensim model is given besides its text (Vensim reference, "Data Variables" and
 * "GET DIRECT DATA"): data files for data variables (`x ~~|`), in Vensim's .dat form
 * (a name line, then time<TAB>value lines) or as time-first tables, and `?tag` aliases that
 * GET DIRECT/XLS functions name instead of a file. From the library and from the CLI.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readModelFile } from '../../../src/io/load.js';
import { trySimulate } from '../../../src/sim/simulate.js';
import { cli } from '../../cli/cli-helpers.js';

const CONTROL = 'INITIAL TIME = 0 ~ ~ |\nFINAL TIME = 4 ~ ~ |\nTIME STEP = 1 ~ ~ |\nSAVEPER = TIME STEP ~ ~ |\n';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'stockflow-data-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function series(file: string, options: Parameters<typeof readModelFile>[1], name: string): number[] {
  const loaded = readModelFile(file, options);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  assert.is(errors.length, 0, errors.map((d) => d.message).join('; '));
  return Array.from(trySimulate(loaded.model!).result!.series(name));
}

const dataModel = `{UTF-8}\nDimA: A1, A2 ~~|\nsimple ~~|\nvals[DimA] ~~|\ntotal = simple + vals[A2] ~~|\n${CONTROL}`;
// Vensim interpolates a data variable between its points (:INTERPOLATE: is the default).
const dat = 'simple\n0\t10\n4\t50\nvals[A1]\n0\t1\nvals[A2]\n0\t2\n2\t4\n';

test('a given .dat data file feeds data variables, block by block, interpolated in time', () => {
  const dir = folder({ 'm.mdl': dataModel, 'inputs.dat': dat });
  assert.equal(series(join(dir, 'm.mdl'), { dataFiles: ['inputs.dat'] }, 'simple'), [10, 20, 30, 40, 50]);
  // vals[A2]: 2, 3, 4, then held at its last point.
  assert.equal(series(join(dir, 'm.mdl'), { dataFiles: ['inputs.dat'] }, 'total'), [12, 23, 34, 44, 54]);
});

test('an element missing from sparse data is :NA: with a warning (Vensim); so is a variable with no data at all', () => {
  const model = `{UTF-8}\nDimA: A1, A2, A3 ~~|\nvals[DimA] ~~|\nhave = SUM(IF THEN ELSE(vals[DimA!] = :NA:, 0, 1)) ~~|\nnone ~~|\nuse = none ~~|\n${CONTROL}`;
  const dir = folder({ 'm.mdl': model.replace('none ~~|\nuse = none ~~|\n', ''), 'in.dat': 'vals[A1]\n0\t1\nvals[A3]\n0\t3\n' });
  const loaded = readModelFile(join(dir, 'm.mdl'), { dataFiles: ['in.dat'] });
  assert.ok(loaded.diagnostics.some((d) => d.severity === 'warning' && d.code === 'missing-data' && /vals\[A2\]/.test(d.message)));
  assert.equal(series(join(dir, 'm.mdl'), { dataFiles: ['in.dat'] }, 'have'), [2, 2, 2, 2, 2]);
  // "If you have a model with Data variables and not all of those data variables are contained in
  // the data files Vensim will issue a warning message and attempt to proceed" (Vensim Help,
  // "Simulation Error Messages"): 'none' is :NA: = −2^109, and 'use' computes with that number.
  const bare = folder({ 'm.mdl': model, 'in.dat': 'vals[A1]\n0\t1\n' });
  const read = readModelFile(join(bare, 'm.mdl'), { dataFiles: ['in.dat'] });
  assert.not.ok(read.diagnostics.some((d) => d.severity === 'error'), read.diagnostics.map((d) => d.message).join('; '));
  const warned = read.diagnostics.find((d) => d.code === 'missing-data' && /'none'/.test(d.message));
  assert.match(warned?.message ?? '', /'none' is a data variable without an equation, and none of the data files given has a column for it: it is :NA:/);
  assert.is(warned?.line, 5, 'located at the variable');
  assert.match(warned?.hint ?? '', /--data FILE/);
  assert.equal(series(join(bare, 'm.mdl'), { dataFiles: ['in.dat'] }, 'use'), Array(5).fill(-(2 ** 109)));
});

test('a data variable that nothing reads runs with :NA: and a warning from the CLI (exit 0), as a calibration model\'s dummy data does', () => {
  const dir = folder({ 'm.mdl': `{UTF-8}\ndummy data ~~|\nLevel = INTEG(1, 0) ~~|\n${CONTROL}` });
  const r = cli('run', join(dir, 'm.mdl'), '--vars', 'Level');
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /m\.mdl:2:\d+: warning\[missing-data\].*'dummy data'.*no data file beside the model/);
  assert.equal(r.stdout.trim().split('\n').slice(1).map((l) => Number(l.split(',')[1])), [0, 1, 2, 3, 4]);
});

test('GET DATA functions read a data variable without data as :NA: at every time, as its plain value is', () => {
  const model = `{UTF-8}\nnone ~~|\nlater = GET DATA BETWEEN TIMES(none, Time + 1, 0) ~~|\nlast = GET DATA LAST TIME(none) ~~|\n${CONTROL}`;
  const dir = folder({ 'm.mdl': model });
  const read = readModelFile(join(dir, 'm.mdl'));
  assert.not.ok(read.diagnostics.some((d) => d.severity === 'error'), read.diagnostics.map((d) => d.message).join('; '));
  assert.equal(series(join(dir, 'm.mdl'), {}, 'none'), Array(5).fill(-(2 ** 109)));
  assert.equal(series(join(dir, 'm.mdl'), {}, 'later'), Array(5).fill(-(2 ** 109)));
});

test('a .dat file beside the model is not read as data unless given (it is often the model\'s own run)', () => {
  const dir = folder({ 'm.mdl': dataModel, 'm.dat': dat });
  const loaded = readModelFile(join(dir, 'm.mdl'));
  const err = loaded.diagnostics.find((d) => d.code === 'missing-data');
  assert.ok(err, 'expected a missing-data diagnostic');
  assert.match(err!.hint ?? '', /--data FILE/);
});

test('the CLI takes data files with --data', () => {
  const dir = folder({ 'm.mdl': dataModel, 'inputs.dat': dat });
  const r = cli('run', join(dir, 'm.mdl'), '--data', join(dir, 'inputs.dat'), '--vars', 'simple');
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim().split('\n').slice(1).map((l) => Number(l.split(',')[1])), [10, 20, 30, 40, 50]);
});

const aliasModel = `{UTF-8}\nc := GET DIRECT DATA('?data', ',', 'A', 'B2') ~~|\n${CONTROL}`;
const csv = 'time,c\n0,5\n4,9\n';

test('a ?tag alias names the file GET DIRECT DATA reads', () => {
  const dir = folder({ 'm.mdl': aliasModel, 'c.csv': csv });
  assert.equal(series(join(dir, 'm.mdl'), { dataAliases: { '?data': 'c.csv' } }, 'c'), [5, 6, 7, 8, 9]);
});

test('an unmapped ?tag is a located error that says how to map it; the CLI maps it with --data-alias', () => {
  const dir = folder({ 'm.mdl': aliasModel, 'c.csv': csv });
  const bare = cli('run', join(dir, 'm.mdl'));
  assert.is(bare.code, 1);
  assert.match(bare.stderr, /m\.mdl:2:\d+: error\[external-data\].*'\?data'.*--data-alias/);
  const mapped = cli('run', join(dir, 'm.mdl'), '--data-alias', '?data=c.csv', '--vars', 'c');
  assert.is(mapped.code, 0, mapped.stderr);
  assert.equal(mapped.stdout.trim().split('\n').slice(1).map((l) => Number(l.split(',')[1])), [5, 6, 7, 8, 9]);
  assert.is(cli('run', join(dir, 'm.mdl'), '--data-alias', 'nofile').code, 2);
});

test('GET DIRECT SUBSCRIPT reads to a column letter or a row number until the first blank cell (Vensim reference)', () => {
  const model = `{UTF-8}\nDimB: GET DIRECT SUBSCRIPT('b.csv', ',', 'A2', 'A', '') ~~|\nDimC: GET DIRECT SUBSCRIPT('c.csv', ',', 'a2', '2', '') ~~|
x[DimB] = 1, 2, 3 ~~|\ny[DimC] = 4, 5 ~~|\n${CONTROL}`;
  const dir = folder({ 'm.mdl': model, 'b.csv': 'DimB\nB1\nB2\nB3\n\nnot this\n', 'c.csv': 'DimC,,\nC1,C2,,C9\n' });
  assert.equal(series(join(dir, 'm.mdl'), {}, 'x[B3]'), [3, 3, 3, 3, 3]);
  assert.equal(series(join(dir, 'm.mdl'), {}, 'y[C2]'), [5, 5, 5, 5, 5]);
});

test.run();
