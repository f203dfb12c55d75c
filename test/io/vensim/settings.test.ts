/**
 * The settings block that ends a .mdl file (after the sketch, from the `:L<%^E!@` line):
 * `15:…` carries the integration type chosen in Vensim's Simulation Settings (Vensim
 * reference, "Integration Type": Euler, RK4 Auto/Fixed, RK2 Auto/Fixed, Difference; the
 * fourth number as Vensim saves it: 0 Euler, 1 RK4 Auto, 2 Difference, 3 RK2 Auto, 4 RK2
 * Fixed, 5 RK4 Fixed; the Auto types are tested in auto-integration.test.ts) and `30:?tag=file` a data file alias (Vensim reference, "Data file
 * aliases"). Both change what a run computes, so both are read.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readModelFile } from '../../../src/io/load.js';
import { readVensim } from '../../../src/io/vensim/index.js';
import { mdlSettings } from '../../../src/io/vensim/settings.js';
import { trySimulate } from '../../../src/sim/simulate.js';
import { cli } from '../../cli/cli-helpers.js';

// dx/dt = x, x(0) = 1, one step of 1: Euler gives 2, the midpoint/Heun RK2 step 1 + 1 + 1/2 = 2.5,
// classical RK4 1 + 1 + 1/2 + 1/6 + 1/24 = 2.708333… (the exact e = 2.71828).
const GROWTH = `{UTF-8}\nx = INTEG(x, 1) ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = TIME STEP ~~|\n`;
const SKETCH = '\\\\\\---/// Sketch information - do not modify anything except names\nV300  Do not put anything below this section - it will be ignored\n*View 1\n$0-0-0,0,|0||0-0-0|0-0-0|0-0-0|0-0-0|0-0-0|0,0,100,0\n///---\\\\\\\n';
const withSettings = (...lines: string[]) => `${GROWTH}${SKETCH}:L\x7f<%^E!@\n1:Current.vdf\n9:Current\n${lines.join('\n')}\n19:100,0\n24:0\n25:1\n26:1\n`;

function finalX(text: string): number {
  const { model, diagnostics } = readVensim(text, 'growth.mdl');
  assert.ok(model, diagnostics.map((d) => d.message).join('; '));
  const x = trySimulate(model!).result!.series('x');
  return x[x.length - 1];
}

test('the integration type of the settings block picks the method: Euler, RK4 and RK2 (Auto and Fixed)', () => {
  assert.is(finalX(withSettings('15:0,0,0,0,0,0')), 2);
  assert.is(finalX(withSettings('15:0,0,0,2,0,0')), 2, 'Difference steps like Euler');
  assert.ok(Math.abs(finalX(withSettings('15:0,0,0,5,0,0')) - 65 / 24) < 1e-12, 'RK4 Fixed');
  assert.ok(Math.abs(finalX(withSettings('15:0,0,0,4,0,0')) - 2.5) < 1e-12, 'RK2 Fixed');
  // The Auto types cut the step until each part is within 0.001 × x (Vensim's default
  // tolerances), so they land near e: RK4 Auto within 0.001, RK2 Auto (8 parts) within 0.01.
  assert.ok(Math.abs(finalX(withSettings('15:0,0,0,1,0,0')) - Math.E) < 0.001, 'RK4 Auto');
  assert.ok(Math.abs(finalX(withSettings('15:0,0,0,3,0,0')) - Math.E) < 0.01, 'RK2 Auto');
  const methods = [0, 1, 2, 3, 4, 5].map((code) => mdlSettings(withSettings(`15:0,0,0,${code},0,0`)).method);
  assert.equal(methods, ['euler', 'rk4-auto', 'euler', 'rk2-auto', 'rk2-midpoint', 'rk4']);
});

test('a model without a settings block, or with an unknown code, runs with Euler (Vensim\'s default)', () => {
  assert.is(finalX(GROWTH), 2);
  assert.is(finalX(`${GROWTH}${SKETCH}`), 2);
  assert.is(finalX(withSettings('15:0,0,0,9,0,0')), 2);
  assert.is(mdlSettings(withSettings('15:0,0,0,5,0,0')).methodName, 'RK4 Fixed');
  // The marker may be written without the DEL character (a file saved by another editor).
  assert.is(mdlSettings(`${SKETCH}:L<%^E!@\n15:0,0,0,1,0,0\n`).method, 'rk4-auto');
});

test('the CLI runs an RK4 model as RK4', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stockflow-settings-'));
  writeFileSync(join(dir, 'g.mdl'), withSettings('15:0,0,0,5,0,0'));
  const r = cli('run', join(dir, 'g.mdl'), '--vars', 'x');
  assert.is(r.code, 0, r.stderr);
  assert.ok(Math.abs(Number(r.stdout.trim().split('\n').at(-1)!.split(',')[1]) - 65 / 24) < 1e-6, r.stdout);
});

const aliasModel = `{UTF-8}\nc := GET DIRECT DATA('?Data', ',', 'A', 'B2') ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = TIME STEP ~~|\n${SKETCH}:L\x7f<%^E!@\n30:?data=c.csv\n15:0,0,0,0,0,0\n`;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'stockflow-alias-'));
  for (const [name, text] of Object.entries(files)) {
    if (name.includes('/')) mkdirSync(join(dir, name.replace(/\/[^/]*$/, '')), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

test('the model\'s own alias line maps ?tag to a file beside it (tags ignore case); the caller\'s mapping wins', () => {
  const dir = folder({ 'm.mdl': aliasModel, 'c.csv': 'time,c\n0,5\n4,9\n', 'other.csv': 'time,c\n0,1\n4,1\n' });
  const own = readModelFile(join(dir, 'm.mdl'));
  assert.equal(Array.from(trySimulate(own.model!).result!.series('c')), [5, 6, 7, 8, 9]);
  const given = readModelFile(join(dir, 'm.mdl'), { dataAliases: { '?data': 'other.csv' } });
  assert.equal(Array.from(trySimulate(given.model!).result!.series('c')), [1, 1, 1, 1, 1]);
  const r = cli('run', join(dir, 'm.mdl'), '--vars', 'c');
  assert.is(r.code, 0, r.stderr);
});

test('a model\'s alias stays confined to the model\'s folder, like a file name written in an equation', () => {
  const dir = folder({ 'sub/m.mdl': aliasModel.replace('30:?data=c.csv', '30:?data=../c.csv'), 'c.csv': 'time,c\n0,5\n4,9\n' });
  const loaded = readModelFile(join(dir, 'sub', 'm.mdl'));
  const err = loaded.diagnostics.find((d) => d.severity === 'error');
  assert.ok(err, 'expected the alias outside the folder to be refused');
  assert.is(err!.code, 'external-data');
  assert.is(err!.line, 2);
});

test.run();
