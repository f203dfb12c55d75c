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

test('a bare --json (no file) prints only JSON, as --json - does', () => {
  // The empty name was falsy, so the table was printed and no JSON at all.
  const r = cli('equilibria', ALLEE, '--set', 'Carrying Capacity=60', '--json');
  assert.is(r.code, 0, r.stderr);
  assert.is(JSON.parse(r.stdout).equilibria.length, 3);
});

test('equilibria --freeze / --only analyse a sub-system and report the held stocks with their rates', () => {
  const TOGGLE = 'test/fixtures/dynamics/toggle.yaml';
  const r = cli('equilibria', TOGGLE, '--freeze', 'V=0.5', '--json', '-');
  assert.is(r.code, 0, r.stderr);
  const [e] = JSON.parse(r.stdout).equilibria;
  assert.equal(Object.keys(e.stocks), ['U']);
  assert.ok(Math.abs(e.stocks.U - 2.8) < 1e-7);
  assert.is(e.held.V.value, 0.5);
  const text = cli('equilibria', TOGGLE, '--only', 'U');
  assert.is(text.code, 0, text.stderr);
  assert.match(text.stdout, /Held: V = /);
  const unknown = cli('equilibria', TOGGLE, '--freeze', 'W=1');
  assert.is(unknown.code, 1);
  assert.match(unknown.stderr, /toggle\.yaml: error\[unknown-variable\] 'W': --freeze names 'W', which is not a stock/);
  const bad = cli('equilibria', TOGGLE, '--freeze', 'V=x');
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /--freeze expects NAME=NUMBER/);
});

test('equilibria says when an equilibrium lies on a switch and prints each side\'s eigenvalues', () => {
  const r = cli('equilibria', 'test/fixtures/dynamics/kink.yaml');
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /warning\[jacobian-at-switch\]/);
  assert.match(r.stdout, /at a switch, stable on every side\s+above: -2, -3 \| below: -1, -3/);
  assert.match(r.stdout, /#1: the rates switch slope at X \(in the rate of X\)/);
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
