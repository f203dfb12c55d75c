import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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

test('every output, whatever its format, makes the folders it names that do not exist yet', () => {
  const dir = tempDir();
  for (const args of [
    ['run', 'models/teacup.yaml', '--csv', join(dir, 'a', 'b', 'out.csv')],
    ['run', 'models/teacup.yaml', '-o', join(dir, 'c', 'out.json')],
    ['equilibria', 'models/retry-storm.yaml', '--json', join(dir, 'd', 'e.json')],
    ['plot', 'models/teacup.yaml', '--vars', 'Teacup Temperature', '--html', join(dir, 'e', 'p.html')],
    ['convert', 'models/teacup.yaml', join(dir, 'f', 't.xmile')],
  ]) {
    const r = cli(...args);
    assert.is(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    const out = args.find((a) => a.startsWith(dir))!;
    assert.ok(existsSync(out), out);
    assert.equal(readdirSync(dirname(out)), [basename(out)], 'no temporary file is left beside it');
  }
});

test('every command refuses an output it cannot write before its work, printing nothing else', () => {
  const dir = tempDir();
  const file = tempFile('plain.txt', 'x');
  for (const args of [
    ['sensitivity', 'models/teacup.yaml', '--json', join(file, 's.json')],
    ['compare', 'models/teacup.yaml', '--csv', join(file, 'sub', 'c.csv')],
    ['equilibria', 'models/teacup.yaml', '-o', join(file, 'e.json')],
    ['convert', 'models/teacup.yaml', join(file, 't.xmile')],
    ['report', 'models/teacup.yaml', '--html', join(file, 'r.html')],
    ['sweep', 'models/retry-storm.yaml', '--param', 'Arrival Rate=5:10', '-o', join(file, 's.html')],
    ['run', 'models/teacup.yaml', '--csv', 'models/teacup.yaml/x.csv'],
  ]) {
    const r = cli(...args);
    assert.is(r.code, 2, args.join(' '));
    assert.is(r.stdout, '', `${args[0]} printed before refusing`);
    assert.match(r.stderr, /^stockflow: cannot write .*: '.*' is a file, not a folder\n$/, args.join(' '));
  }
  const folder = cli('run', 'models/teacup.yaml', '-o', join(dir, 'x.csv'), '--csv', dir);
  assert.is(folder.code, 2);
  const isDir = cli('report', 'models/teacup.yaml', '--html', dir);
  assert.is(isDir.code, 2);
  assert.match(isDir.stderr, /is a directory/);
  assert.equal(readdirSync(dir), []);
});

test('the default outputs of plot and report (build/…) are checked before the work as given ones are', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'build'), 'a file where the folder would go');
  const model = join(ROOT, 'models/teacup.yaml');
  for (const args of [['plot', model, '--vars', 'Teacup Temperature'], ['report', model, '--sensitivity', 'none', '--no-loops']]) {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), ...args], { cwd: dir, encoding: 'utf8' });
    assert.is(r.status, 2, `${args[0]}: ${r.stderr}`);
    assert.match(r.stderr, /^stockflow: cannot write build\/(plots|reports)\/teacup\.html: 'build' is a file, not a folder\n$/, args[0]);
  }
});

test('a place that refuses new files (/proc) is a usage error naming the output, and no run output is left', () => {
  if (!existsSync('/proc/self')) return;
  const r = cli('run', 'models/teacup.yaml', '-o', '/proc/stockflow-out.csv');
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stderr, /^stockflow: cannot write \/proc\/stockflow-out\.csv: .*\n$/);
  assert.not.match(r.stderr, /internal error|\n\s+at /);
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
