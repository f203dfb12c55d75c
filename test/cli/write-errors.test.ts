import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, tempDir, tempFile } from './cli-helpers.js';

// /dev/full fails every write with ENOSPC: a disk that fills up in the middle of a run.
const FULL = '/dev/full';

test('a disk full in the middle of a CSV or JSON run is a usage error naming the output, not an internal error', () => {
  if (!existsSync(FULL)) return;
  for (const format of ['--csv', '--json']) {
    const r = cli('run', 'models/teacup.yaml', format, FULL);
    assert.is(r.code, 2, r.stderr);
    assert.match(r.stderr, /stockflow: cannot write \/dev\/full: no space left on the device \(ENOSPC\)/);
    assert.not.match(r.stderr, /internal error|\n\s+at /);
  }
});

test('an output in a folder that does not exist is refused before the run, and leaves nothing behind', () => {
  const dir = tempDir();
  const r = cli('run', 'models/teacup.yaml', '--csv', join(dir, 'missing', 'out.csv'));
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stderr, /cannot write .*out\.csv: its folder '.*missing' does not exist \(create it first\)/);
  assert.equal(readdirSync(dir), []);
});

test('every command refuses a --json, --csv or convert output in a missing folder before its work, printing nothing else', () => {
  const missing = join(tempDir(), 'missing');
  for (const args of [
    ['sensitivity', 'models/teacup.yaml', '--json', join(missing, 's.json')],
    ['compare', 'models/teacup.yaml', '--csv', join(missing, 'c.csv')],
    ['equilibria', 'models/teacup.yaml', '--json', join(missing, 'e.json')],
    ['convert', 'models/teacup.yaml', join(missing, 't.xmile')],
    ['run', 'models/teacup.yaml', '--csv', 'models/teacup.yaml/x.csv'],
  ]) {
    const r = cli(...args);
    assert.is(r.code, 2, args.join(' '));
    assert.is(r.stdout, '', `${args[0]} printed before refusing`);
    assert.match(r.stderr, /^stockflow: cannot write .*: (its folder '.*' does not exist \(create it first\)|'models\/teacup\.yaml' is not a folder)\n$/, args.join(' '));
  }
  assert.not.ok(existsSync(missing));
});

test('a failed write to a regular file leaves no temporary or half-written file', () => {
  // A model whose output is written, then a second write that fails: the output path names a directory.
  const dir = tempDir();
  const model = tempFile('m.yaml', 'sim: { start: 0, stop: 10, dt: 1 }\nconstants:\n  k: { value: 1 }\n');
  const r = cli('run', model, '--csv', dir);
  assert.is(r.code, 2, r.stderr);
  assert.equal(readdirSync(dir), []);
});

test('standard output closed by its reader (EPIPE) ends the run with a message and a non-zero exit', async () => {
  const child = spawn(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'run', 'models/teacup.yaml', '--stop', '2000'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.is(code, 2, stderr);
  assert.match(stderr, /cannot write standard output: the reading end of the pipe was closed \(EPIPE\)/);
  assert.not.match(stderr, /internal error|\n\s+at /);
});

test.run();
