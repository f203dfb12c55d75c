/**
 * `stockflow convert`: every .mdl of the SDXorg suite (read by path, never copied) survives
 * MDL → XMILE → run and MDL → native YAML → run with the same numbers; the CLI writes both.
 * Skips with a message when the suite is not at ../shared/test-models.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readModelFile } from '../../src/io/load.js';
import { readNative } from '../../src/io/native.js';
import { writeNative } from '../../src/io/native-write.js';
import { readXmile, writeXmile } from '../../src/io/xmile/index.js';
import { trySimulate } from '../../src/sim/simulate.js';
import type { SimulationResult } from '../../src/sim/result.js';
import type { Model } from '../../src/model/types.js';
import { cli, tempDir } from '../cli/cli-helpers.js';

const SUITE = process.env.SD_TEST_MODELS ?? join(process.cwd(), '../shared/test-models');

function same(a: SimulationResult, b: SimulationResult, what: string): void {
  assert.equal(Array.from(b.time), Array.from(a.time), `${what}: times`);
  for (const name of a.names) {
    const x = a.series(name);
    const y = b.series(name);
    for (let i = 0; i < x.length; i++) assert.ok(Object.is(x[i], y[i]) || Math.abs(x[i] - y[i]) <= 1e-12 * Math.max(1, Math.abs(x[i])), `${what}: ${name}[${i}] ${x[i]} vs ${y[i]}`);
  }
}

function roundTrips(model: Model, id: string): void {
  const original = trySimulate(model).result;
  if (!original) return; // cases the engine does not run are reported by conformance
  const viaYaml = readNative(writeNative(model), 'x.yaml');
  assert.ok(viaYaml.model, `${id}: YAML does not read back: ${viaYaml.diagnostics.map((d) => d.message).join('; ')}`);
  same(original, trySimulate(viaYaml.model!).result!, `${id} via YAML`);
  const viaXmile = readXmile(writeXmile(model), 'x.xmile');
  assert.ok(viaXmile.model, `${id}: XMILE does not read back: ${viaXmile.diagnostics.map((d) => d.message).join('; ')}`);
  same(original, trySimulate(viaXmile.model!).result!, `${id} via XMILE`);
}

test('the shipped models round-trip through YAML and XMILE', () => {
  for (const f of readdirSync('models').filter((x) => x.endsWith('.yaml'))) roundTrips(readModelFile(join('models', f)).model!, f);
});

if (!existsSync(join(SUITE, 'tests'))) {
  console.log(`[convert suite] SKIPPED: no SDXorg test-models at ${SUITE} (set SD_TEST_MODELS)`);
} else {
  test('every runnable .mdl of the suite round-trips MDL → XMILE and MDL → YAML with the same numbers', () => {
    let count = 0;
    for (const dir of readdirSync(join(SUITE, 'tests')).sort()) {
      for (const f of readdirSync(join(SUITE, 'tests', dir)).filter((x) => x.endsWith('.mdl'))) {
        const loaded = readModelFile(join(SUITE, 'tests', dir, f));
        if (!loaded.model) continue;
        roundTrips(loaded.model, `${dir}/${f}`);
        count++;
      }
    }
    assert.ok(count > 130, `only ${count} models round-tripped`);
  });
}

test('convert writes XMILE and YAML from the command line, and refuses unknown targets', () => {
  const dir = tempDir();
  assert.is(cli('convert', 'models/teacup.yaml', join(dir, 't.xmile')).code, 0);
  assert.match(readFileSync(join(dir, 't.xmile'), 'utf8'), /<xmile version="1.0"/);
  assert.is(cli('convert', join(dir, 't.xmile'), join(dir, 't.yaml')).code, 0);
  assert.equal(cli('run', join(dir, 't.yaml')).stdout, cli('run', 'models/teacup.yaml').stdout);
  assert.is(cli('convert', 'models/teacup.yaml', join(dir, 't.doc')).code, 2);
});

test.run();
