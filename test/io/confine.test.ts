/** The one resolver for files a model names: its own folder only, regular files only, under a size cap. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { dataAccess } from '../../src/io/confine.js';
import { tempDir } from '../cli/cli-helpers.js';

function world() {
  const root = tempDir();
  const model = join(root, 'model');
  const outside = join(root, 'outside');
  mkdirSync(join(model, 'sub'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(model, 'in.csv'), 'a,1\n');
  writeFileSync(join(model, 'sub', 'deep.csv'), 'b,2\n');
  writeFileSync(join(outside, 'secret.csv'), 'secret\n');
  symlinkSync(join(outside, 'secret.csv'), join(model, 'link-out.csv'));
  symlinkSync(join(model, 'in.csv'), join(outside, 'link-in.csv'));
  symlinkSync('/dev/zero', join(model, 'zero.csv'));
  symlinkSync('/proc/self/environ', join(model, 'environ.csv'));
  execFileSync('mkfifo', [join(model, 'pipe.csv')]);
  return { root, model, outside };
}

test('files in the model folder and below are read', () => {
  const { model } = world();
  const data = dataAccess(model);
  const a = data.read('in.csv');
  assert.ok(a.ok && a.bytes.toString() === 'a,1\n');
  assert.ok(data.read('sub/deep.csv').ok);
  assert.ok(data.read('./sub/../in.csv').ok);
  assert.ok(data.read(join(model, 'in.csv')).ok, 'an absolute path inside the folder is fine');
});

test('paths leaving the folder are refused with the resolved path and how to widen', () => {
  const { model, outside } = world();
  const data = dataAccess(model);
  for (const name of ['/etc/passwd', '../outside/secret.csv', join(outside, 'secret.csv'), 'link-out.csv', '/proc/self/environ', '/proc/sys/kernel/pid_max', 'environ.csv', `${relative(model, '/')}/etc/hostname`]) {
    const r = data.read(name);
    assert.not.ok(r.ok, name);
    if (!r.ok) {
      assert.match(r.problem, /outside the model's folder/, name);
      assert.match(r.hint, /--data-dir/);
    }
  }
});

test('a symlink from elsewhere into the folder is read, since it resolves inside', () => {
  const { model, outside } = world();
  assert.ok(dataAccess(model).read(join(outside, 'link-in.csv')).ok);
});

test('--data-dir widens the folders', () => {
  const { model, outside } = world();
  const data = dataAccess(model, { dataDirs: [outside] });
  assert.ok(data.read('../outside/secret.csv').ok);
  assert.ok(data.read('link-out.csv').ok);
  assert.not.ok(data.read('/etc/passwd').ok);
});

test('FIFOs and devices are refused without blocking, even in a trusted folder', () => {
  const { model } = world();
  const fifo = dataAccess(model).read('pipe.csv');
  assert.ok(!fifo.ok && /a FIFO, not a regular file/.test(fifo.problem));
  const zero = dataAccess(model, { dataDirs: ['/dev'] }).read('zero.csv');
  assert.ok(!zero.ok && /a device/.test(zero.problem));
  const dir = dataAccess(model).read('sub');
  assert.ok(!dir.ok && /a folder/.test(dir.problem));
});

test('a file over the size cap is refused; /proc files are read up to the cap only', () => {
  const { model } = world();
  writeFileSync(join(model, 'big.csv'), 'x'.repeat(2000));
  const r = dataAccess(model, { maxDataBytes: 1000 }).read('big.csv');
  assert.ok(!r.ok && /size cap \(1000 bytes\)/.test(r.problem) && /--max-data-mb/.test(r.hint));
  const proc = dataAccess(model, { dataDirs: ['/proc'], maxDataBytes: 4 }).read('/proc/self/status');
  assert.ok(!proc.ok && /size cap/.test(proc.problem), 'a /proc file reports size 0 but is still capped');
});

test('no generated path form reads a file outside the allowed folders', () => {
  const { model, outside } = world();
  const data = dataAccess(model);
  const part = fc.constantFrom('..', '.', 'sub', 'outside', 'model', 'secret.csv', 'in.csv', 'link-out.csv', 'link-in.csv', 'etc', 'passwd', '', 'zero.csv', 'pipe.csv');
  const prefix = fc.constantFrom('', '/', `${model}/`, `${outside}/`, '/proc/self/', '/dev/');
  fc.assert(fc.property(prefix, fc.array(part, { maxLength: 6 }), (p, parts) => {
    const r = data.read(p + parts.join('/'));
    if (!r.ok) return r.problem.length > 0 && r.hint.length > 0;
    return relative(model, r.path).split('/')[0] !== '..' && !r.path.startsWith(outside) && r.bytes.toString() !== 'secret\n';
  }), { numRuns: 400 });
});

test.run();
