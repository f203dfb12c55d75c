/** Progress bars of long commands: on stderr when it is a terminal, never in pipes or files. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cli, ROOT, tempDir } from './cli-helpers.js';

const MAIN = join(ROOT, 'dist/cli/main.js');

/** Runs the CLI under a pseudo-terminal (util-linux `script`), stdout to /dev/null; returns what the terminal showed, escapes removed. */
function onTerminal(...args: string[]): string {
  const command = [process.execPath, MAIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qec', `${command} >/dev/null`, '/dev/null'], { cwd: ROOT, encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  return r.stdout.replace(/\x1b\[[0-9;?]*[a-zA-Z]|\x1b[78]/g, '').replace(/\r/g, '\n');
}

test('report shows its stages on a terminal, and nothing on stderr in a pipe', () => {
  const html = join(tempDir(), 'teacup.html');
  const shown = onTerminal('report', 'models/teacup.yaml', '--html', html, '--sensitivity', 'none');
  assert.match(shown, /0\/9 stages .*loop analysis/);
  assert.match(shown, /9\/9 stages .*done/);
  const piped = cli('report', 'models/teacup.yaml', '--html', html, '--sensitivity', 'none');
  assert.is(piped.code, 0, piped.stderr);
  assert.is(piped.stderr, '');
});

test('compare --uncertainty counts its runs on a terminal, and nothing on stderr in a pipe', () => {
  const args = ['compare', 'models/kinesis-outage.yaml', '--uncertainty', '5', '--scenario', 'larger-servers,no-restart'];
  const shown = onTerminal(...args);
  assert.match(shown, /\d+\/10 runs .*remediations/);
  assert.match(shown, /10\/10 runs .*counterfactuals/);
  const piped = cli(...args);
  assert.is(piped.code, 0, piped.stderr);
  assert.is(piped.stderr, '');
});

test.run();
