import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from './cli-helpers.js';

test('tipping finds the smallest harvest pulse that tips the Allee population, with JSON and HTML', () => {
  const dir = tempDir();
  const json = join(dir, 't.json'), html = join(dir, 't.html');
  const r = cli('tipping', 'test/fixtures/dynamics/allee.yaml', '--pulse', 'Harvest', '--duration', '0.5', '--param', 'Harvest Rate=0:60', '--points', '7', '--json', json, '--html', html);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /from its stable state Population = 100/);
  assert.match(r.stdout, /smallest trigger that tips it: [\d.]+ \(to Population = [\d.e-]+\)/);
  assert.match(r.stdout, /Harvest Rate = 60: no stable state/);
  const doc = JSON.parse(readFileSync(json, 'utf8'));
  assert.ok(doc.threshold * 0.5 > 80 && doc.threshold * 0.5 < 100, String(doc.threshold));
  assert.is(doc.recovery.length, 7);
  assert.match(readFileSync(html, 'utf8'), /Recovery time/);
});

test('tipping needs exactly one trigger (exit 2) that names a flow (exit 1)', () => {
  assert.is(cli('tipping', 'test/fixtures/dynamics/allee.yaml', '--duration', '1').code, 2);
  const r = cli('tipping', 'test/fixtures/dynamics/allee.yaml', '--pulse', 'Harvest Rate', '--duration', '1');
  assert.is(r.code, 1);
  assert.match(r.stderr, /'Harvest Rate' is not a flow/);
});

test.run();
