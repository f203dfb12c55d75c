import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from './cli-helpers.js';

test('sweep prints the folds, writes { branches, folds, hopf } and a bifurcation diagram page', () => {
  const dir = tempDir();
  const json = join(dir, 'sweep.json'), html = join(dir, 'sweep.html');
  const r = cli('sweep', 'test/fixtures/dynamics/toggle.yaml', '--param', 'a1=1:6', '--json', json, '--html', html);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /2 folds/);
  assert.match(r.stdout, /fold\s+2\.90909091/);
  assert.match(r.stdout, /Two or more stable equilibria for a1 in 2\.909…4\.3/);
  const doc = JSON.parse(readFileSync(json, 'utf8'));
  assert.equal(Object.keys(doc).filter((k) => ['branches', 'folds', 'hopf'].includes(k)), ['branches', 'folds', 'hopf']);
  assert.is(doc.folds.length, 2);
  const page = readFileSync(html, 'utf8');
  assert.match(page, /"dash":"dash"/);
  assert.match(page, /fold \(saddle-node\)/);
});

test('sweep rejects a malformed --param (exit 2) and an unknown constant (exit 1)', () => {
  const bad = cli('sweep', 'test/fixtures/dynamics/toggle.yaml', '--param', 'a1=6:1');
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /--param expects NAME=LO:HI/);
  const unknown = cli('sweep', 'test/fixtures/dynamics/toggle.yaml', '--param', 'a3=1:2');
  assert.is(unknown.code, 1);
  assert.match(unknown.stderr, /error\[unknown-variable\] --param names 'a3', which the model does not define — did you mean 'a1'\?/);
  const stock = cli('sweep', 'test/fixtures/dynamics/toggle.yaml', '--param', 'U=1:2');
  assert.is(stock.code, 1);
  assert.match(stock.stderr, /error\[not-sweepable\] 'U': --param names the stock 'U': its initial value does not move the equilibria.* — sweep a constant its flows depend on; to see how the start changes a run, use stockflow run --set "U=VALUE"\n$/);
});

test.run();
