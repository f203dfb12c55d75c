import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from './cli-helpers.js';

const ALLEE = 'test/fixtures/dynamics/allee.yaml';

test('equilibria prints a table and writes the JSON contract { equilibria: [ { stocks, stable, eigenvalues } ] }', () => {
  const out = join(tempDir(), 'eq.json');
  const r = cli('equilibria', ALLEE, '--json', out);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /3 found/);
  assert.match(r.stdout, /20\s+unstable\s+0\.8/);
  const doc = JSON.parse(readFileSync(out, 'utf8'));
  assert.is(doc.equilibria.length, 3);
  for (const e of doc.equilibria) {
    assert.equal(Object.keys(e.stocks), ['Population']);
    assert.type(e.stable, 'boolean');
    assert.ok(e.eigenvalues.every((p: unknown) => Array.isArray(p) && p.length === 2));
    assert.type(e.flows.Harvest, 'number');
  }
  assert.equal(doc.equilibria.map((e: { stable: boolean }) => e.stable), [true, false, true]);
});

test('equilibria --set moves them; --json - prints only JSON', () => {
  const r = cli('equilibria', ALLEE, '--set', 'Carrying Capacity=60', '--json', '-');
  assert.is(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.equilibria.map((e: { stocks: { Population: number } }) => Math.round(e.stocks.Population)), [0, 20, 60]);
});

test('equilibria refuses a fixed delay with a located diagnostic and exit 1; bad --box is exit 2', () => {
  const r = cli('equilibria', 'test/fixtures/dynamics/fixed-delay.yaml');
  assert.is(r.code, 1);
  assert.match(r.stderr, /fixed-delay\.yaml:7:\d+: error\[no-equilibrium-state\] 'Outflow'/);
  const bad = cli('equilibria', ALLEE, '--box', 'Population=5:1');
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /--box expects NAME=LO:HI/);
});

test.run();
