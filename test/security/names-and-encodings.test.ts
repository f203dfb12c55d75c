/** Attack cases: names like __proto__, YAML alias bombs, UTF-16 model files. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readModelFile } from '../../src/io/load.js';
import { parseSets } from '../../src/cli/options.js';
import { computeMetrics } from '../../src/analysis/metrics.js';
import { trySimulate, withOverrides } from '../../src/sim/index.js';
import { ROOT, tempDir } from '../cli/cli-helpers.js';

const TEACUP = readFileSync(join(ROOT, 'models/teacup.yaml'), 'utf8');
const write = (name: string, content: string | Buffer) => {
  const file = join(tempDir(), name);
  writeFileSync(file, content);
  return file;
};

test('--set __proto__=77 is an own key and an unknown-variable error, not silently ignored', () => {
  const sets = parseSets(['__proto__=77', 'constructor=1']);
  assert.equal(Object.keys(sets), ['__proto__', 'constructor']);
  const model = readModelFile(join(ROOT, 'models/teacup.yaml')).model!;
  const r = withOverrides(model, sets);
  assert.equal(r.diagnostics.map((d) => d.message), ["cannot set unknown variable '__proto__'", "cannot set unknown variable 'constructor'"]);
});

test('a metric named __proto__ or toString is computed as a number', () => {
  const model = readModelFile(join(ROOT, 'models/teacup.yaml')).model!;
  const sim = trySimulate(model).result!;
  const metrics = ['__proto__', 'toString', 'constructor'].map((name) => ({ name, variable: 'Teacup Temperature', aggregate: 'final' as const, better: 'lower' as const }));
  const out = computeMetrics(metrics, sim);
  for (const m of metrics) assert.type(out[m.name], 'number', m.name);
  assert.equal(Object.keys(out), ['__proto__', 'toString', 'constructor']);
});

test('a YAML alias bomb is a located alias-bomb error, and readModelFile does not throw', () => {
  const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (const [p, n] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f']]) levels.push(`${n}: &${n} [${Array(9).fill(`*${p}`).join(',')}]`);
  const file = write('bomb.yaml', `${levels.join('\n')}\nsim: {start: 0, stop: 1, dt: 1}\n`);
  const r = readModelFile(file);
  assert.is(r.model, undefined);
  assert.is(r.diagnostics[0].code, 'alias-bomb');
  assert.is(r.diagnostics[0].line, 2);
});

test('UTF-16 model files with a byte-order mark are read, both byte orders', () => {
  const le = write('le.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEACUP, 'utf16le')]));
  const be = Buffer.from(TEACUP, 'utf16le');
  for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
  const bef = write('be.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
  for (const f of [le, bef]) {
    const r = readModelFile(f);
    assert.ok(r.model, JSON.stringify(r.diagnostics));
    assert.is(r.model!.name, 'Teacup');
  }
});

test('UTF-16 without a byte-order mark is named as such', () => {
  const r = readModelFile(write('nobom.yaml', Buffer.from(TEACUP, 'utf16le')));
  assert.match(r.diagnostics[0].message, /UTF-16 text without a byte-order mark/);
  assert.match(r.diagnostics[0].hint ?? '', /UTF-8/);
});

test.run();
