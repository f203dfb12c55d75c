/** Attack cases: a model file naming files outside its folder, devices, FIFOs and huge ranges. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readModelFile } from '../../src/io/load.js';
import { cli, tempDir } from '../cli/cli-helpers.js';

const CONTROL = 'INITIAL TIME = 0\n\t~\t~\t|\nFINAL TIME = 1\n\t~\t~\t|\nTIME STEP = 1\n\t~\t~\t|\n';
const mdl = (dir: string, body: string) => {
  const file = join(dir, 'm.mdl');
  writeFileSync(file, `${body}\n${CONTROL}`);
  return file;
};
const passwd = "users:\n\tGET DIRECT SUBSCRIPT('/etc/passwd', 'Sheet1', 'A1', 'A6', 'u_')\n\t~\t~\t|\nx[users] = 1\n\t~\t~\t|";

function refused(file: string, pattern: RegExp, options = {}) {
  const r = readModelFile(file, options);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  assert.ok(errors.some((d) => pattern.test(d.message) && d.file === file && d.line !== undefined), JSON.stringify(r.diagnostics));
  assert.not.ok(JSON.stringify(r.model ?? {}).includes('root:x:0'), 'nothing of /etc/passwd reaches the model');
}

test('GET DIRECT SUBSCRIPT of /etc/passwd is a located error naming the range', () => {
  const file = mdl(tempDir(), passwd);
  refused(file, /'\/etc\/passwd' resolves to '\/etc\/passwd', outside the model's folder/);
  const d = readModelFile(file).diagnostics[0];
  assert.is(d.variable, 'users');
  assert.match(d.hint ?? '', /--data-dir/);
});

test('/proc files, ../ escapes and symlinks out are refused', () => {
  for (const target of ['/proc/sys/kernel/pid_max', '/proc/self/environ', '../../../../../../../../etc/hostname']) {
    refused(mdl(tempDir(), `x = GET DIRECT CONSTANTS('${target}', ',', 'A1')\n\t~\t~\t|`), /outside the model's folder/);
  }
  const dir = tempDir();
  symlinkSync('/etc/hostname', join(dir, 'h.csv'));
  refused(mdl(dir, "x = GET XLS CONSTANTS('h.csv', ',', 'A1')\n\t~\t~\t|"), /resolves to '\/etc\/hostname'/);
});

test('a data file that is /dev/zero or a FIFO is refused at once', () => {
  const dir = tempDir();
  symlinkSync('/dev/zero', join(dir, 'zero.csv'));
  execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
  refused(mdl(dir, "x = GET DIRECT CONSTANTS('zero.csv', ',', 'A1')\n\t~\t~\t|"), /outside the model's folder/);
  refused(mdl(dir, "x = GET DIRECT CONSTANTS('zero.csv', ',', 'A1')\n\t~\t~\t|"), /a device, not a regular file/, { dataDirs: ['/dev'] });
  refused(mdl(dir, "x = GET DIRECT DATA('pipe.csv', ',', 'A', 'B2')\n\t~\t~\t|"), /a FIFO/);
});

test('a model file that is a FIFO or a device is refused before it is opened (no blocking read)', () => {
  const dir = tempDir();
  const fifo = join(dir, 'model.yaml');
  execFileSync('mkfifo', [fifo]);
  const r = readModelFile(fifo);
  assert.equal(r.diagnostics.map((d) => [d.code, d.file]), [['not-a-file', fifo]]);
  assert.match(r.diagnostics[0].message, /is a FIFO, not a regular model file/);
  symlinkSync('/dev/zero', join(dir, 'zero.mdl'));
  assert.match(readModelFile(join(dir, 'zero.mdl')).diagnostics[0].message, /is a device/);
  const run = cli('check', fifo);
  assert.is(run.code, 1, run.stderr);
  assert.match(run.stderr, /model\.yaml.*is a FIFO/);
});

test('data variables skip a FIFO beside the model with a warning and read the real file', () => {
  const dir = tempDir();
  execFileSync('mkfifo', [join(dir, 'a-pipe.csv')]);
  writeFileSync(join(dir, 'b.csv'), 'time,y\n0,1\n1,2\n');
  const r = readModelFile(mdl(dir, 'y\n\t~\t~\t|'));
  assert.ok(r.model, JSON.stringify(r.diagnostics));
  assert.ok(r.diagnostics.some((d) => d.code === 'data-file-skipped' && /a-pipe\.csv/.test(d.message)));
});

test('a subscript range to XFD1048576 over a two-line CSV stops at the data', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'two.csv'), 'a,b\n1,2\n');
  const t0 = Date.now();
  const r = readModelFile(mdl(dir, "big:\n\tGET DIRECT SUBSCRIPT('two.csv', ',', 'A1', 'XFD1048576', 'e')\n\t~\t~\t|\nx[big] = 1\n\t~\t~\t|"));
  assert.ok(r.model, JSON.stringify(r.diagnostics));
  assert.equal(r.model!.variables.filter((v) => v.name.startsWith('x[')).map((v) => v.name), ['x[ea]', 'x[eb]', 'x[e1]', 'x[e2]']);
  assert.ok(Date.now() - t0 < 5000);
});

test('--data-dir from the CLI lets a model read a trusted folder', () => {
  const root = tempDir();
  mkdirSync(join(root, 'shared'));
  mkdirSync(join(root, 'model'));
  writeFileSync(join(root, 'shared', 'k.csv'), '7\n');
  const file = mdl(join(root, 'model'), "k = GET DIRECT CONSTANTS('../shared/k.csv', ',', 'A1')\n\t~\t~\t|");
  const no = cli('run', file);
  assert.is(no.code, 1);
  assert.match(no.stderr, /outside the model's folder.*--data-dir/);
  const yes = cli('run', file, '--data-dir', join(root, 'shared'));
  assert.is(yes.code, 0, yes.stderr);
  assert.match(yes.stdout, /^time,k\n0,7\n/);
});

test.run();
