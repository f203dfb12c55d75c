/** Tables fit the terminal (or $COLUMNS), never cutting a word; --wide prints them whole. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './cli-helpers.js';

function run(columns: string | undefined, ...args: string[]): string {
  const env = { ...process.env, COLUMNS: columns ?? '' };
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), ...args], { cwd: ROOT, encoding: 'utf8', env });
  assert.is(r.status, 0, r.stderr);
  return r.stdout;
}

const table = (out: string) => out.slice(out.indexOf('\n#')).split('\n\nPareto')[0];

test('compare fits its 27-column table to 100 columns in blocks that repeat # and scenario; --wide and a pipe keep it whole', () => {
  const args = ['compare', 'models/kinesis-outage.yaml'];
  const fitted = run('100', ...args);
  const whole = run(undefined, ...args);
  assert.is(run('100', ...args, '--wide'), whole);
  for (const line of table(fitted).split('\n')) assert.ok(line.length <= 100, line);
  assert.ok(Math.max(...table(whole).split('\n').map((l) => l.length)) > 200, 'the whole table is wider than 200');
  const blocks = table(fitted).trim().split('\n\n');
  assert.ok(blocks.length >= 2, `${blocks.length} blocks`);
  for (const b of blocks) {
    assert.match(b, /^#\s+scenario\s/);
    assert.match(b, /\n\s+baseline\s/);
    assert.match(b, /\n11\s+cognito-bigger-buffer\s/);
  }
  // Every cell of the whole table appears in the fitted one (nothing cut).
  const cells = (s: string) => s.split(/\s{2,}|\n/).map((c) => c.trim()).filter(Boolean).sort();
  const missing = cells(table(whole)).filter((c) => !table(fitted).includes(c));
  assert.equal(missing, []);
});

test('loops wraps its loop column at spaces within 60 columns: only the line breaks differ from --wide', () => {
  const fitted = run('60', 'loops', 'models/teacup.yaml');
  const whole = run('60', 'loops', 'models/teacup.yaml', '--wide');
  const rows = (s: string) => s.split('\n').filter((l) => /^ {2}(id|B1) /.test(l) || /^ {31}\S/.test(l));
  assert.ok(rows(fitted).length > rows(whole).length, 'the loop column wrapped');
  for (const line of rows(fitted)) assert.ok(line.length <= 60, line);
  const words = (s: string) => s.split(/\s+/).filter(Boolean);
  assert.equal(words(fitted), words(whole));
});

test.run();
