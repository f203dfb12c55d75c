/** `stockflow loops` as a user runs it (the built CLI: npm test builds first). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli, tempDir } from '../../cli/cli-helpers.js';

const LOGISTIC = 'test/fixtures/loops/logistic.yaml';
const KEYS = ['dominance', 'loops', 'relative_scores', 'time'];

test('prints the loop table and dominance timeline, and --json writes the issue-4 document', () => {
  const file = join(tempDir(), 'loops.json');
  const r = cli('loops', LOGISTIC, '--json', file);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /2 loops in 1 cycle partition/);
  assert.match(r.stdout, /R1 +R .*Population → Net Birth Rate/);
  assert.match(r.stdout, /Dominance/);
  assert.match(r.stdout, /1 … 47 +R1/);
  const json = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(Object.keys(json).sort(), KEYS);
  assert.is(json.time.length, 101);
});

test('--json=- prints only the JSON', () => {
  const r = cli('loops', LOGISTIC, '--json=-', '--labels', 'interval-start');
  assert.is(r.code, 0, r.stderr);
  assert.equal(Object.keys(JSON.parse(r.stdout)).sort(), KEYS);
});

test('a model problem exits 1 with a diagnostic, a usage error exits 2', () => {
  const missing = cli('loops', 'no-such-model.yaml');
  assert.is(missing.code, 1);
  assert.match(missing.stderr, /missing-file/);
  assert.not.match(missing.stderr, /at .*\.[jt]s:\d+/);
  assert.is(cli('loops', LOGISTIC, '--max-loops', '-3').code, 2);
});

test.run();
