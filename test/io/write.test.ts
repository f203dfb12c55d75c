/** The one output writer: atomic for regular files, write-through for everything else, never over an input. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { spawn } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync, chmodSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openOutput, OutputError, sameFile, writeOutput } from '../../src/io/write.js';
import { tempDir } from '../cli/cli-helpers.js';

const read = (f: string) => readFileSync(f, 'utf8');

test('a regular file is replaced only on commit, chunk by chunk', () => {
  const dir = tempDir();
  const f = join(dir, 'out.csv');
  writeFileSync(f, 'old');
  const out = openOutput(f);
  assert.ok(out.atomic);
  out.write('a,b\n');
  out.write(Buffer.from('1,2\n'));
  assert.is(read(f), 'old');
  out.commit();
  assert.is(read(f), 'a,b\n1,2\n');
  assert.equal(readdirSync(dir), ['out.csv']);
});

test('abort leaves the old file and no temporary file', () => {
  const dir = tempDir();
  const f = join(dir, 'out.csv');
  writeFileSync(f, 'old');
  const out = openOutput(f);
  out.write('half');
  out.abort();
  out.abort();
  assert.is(read(f), 'old');
  assert.equal(readdirSync(dir), ['out.csv']);
});

test('a replaced file keeps its permission bits', () => {
  const f = join(tempDir(), 'out.csv');
  writeFileSync(f, 'old');
  chmodSync(f, 0o640);
  writeOutput(f, 'new');
  assert.is(statSync(f).mode & 0o777, 0o640);
});

test('a symlink stays a link and its target gets the content', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'real.csv'), 'old');
  symlinkSync('real.csv', join(dir, 'link.csv'));
  writeOutput(join(dir, 'link.csv'), 'new');
  assert.ok(lstatSync(join(dir, 'link.csv')).isSymbolicLink());
  assert.is(read(join(dir, 'real.csv')), 'new');
});

test('a dangling symlink creates the file it names', () => {
  const dir = tempDir();
  symlinkSync('made.csv', join(dir, 'link.csv'));
  writeOutput(join(dir, 'link.csv'), 'x');
  assert.ok(lstatSync(join(dir, 'link.csv')).isSymbolicLink());
  assert.is(read(join(dir, 'made.csv')), 'x');
});

test('/dev/null is written through and stays a character device', () => {
  const out = openOutput('/dev/null');
  assert.not.ok(out.atomic);
  out.write('discarded');
  out.commit();
  assert.ok(statSync('/dev/null').isCharacterDevice());
});

test('a FIFO is written through to its reader and stays a FIFO', async () => {
  const dir = tempDir();
  const fifo = join(dir, 'pipe');
  const made = spawn('mkfifo', [fifo]);
  await new Promise((r) => made.on('close', r));
  const reader = spawn('cat', [fifo]);
  let got = '';
  reader.stdout.on('data', (d) => { got += d; });
  const done = new Promise((r) => reader.on('close', r));
  writeOutput(fifo, 'through the pipe\n');
  await done;
  assert.is(got, 'through the pipe\n');
  assert.ok(lstatSync(fifo).isFIFO());
});

test('a file planted at any temporary name is never followed or clobbered', () => {
  const dir = tempDir();
  const victim = join(dir, 'victim');
  writeFileSync(victim, 'precious');
  // The old writer used `.out.csv.<pid>.tmp`; plant links at every pid-like name it could pick.
  for (let p = process.pid - 2; p <= process.pid + 2; p++) symlinkSync(victim, join(dir, `.out.csv.${p}.tmp`));
  writeOutput(join(dir, 'out.csv'), 'data');
  assert.is(read(victim), 'precious');
  assert.is(read(join(dir, 'out.csv')), 'data');
});

test('an output that is an input is refused, by path, symlink or hard link', () => {
  const dir = tempDir();
  const model = join(dir, 'm.yaml');
  writeFileSync(model, 'sim: {}');
  symlinkSync(model, join(dir, 'alias.yaml'));
  for (const target of [model, join(dir, 'alias.yaml'), join(dir, '.', 'm.yaml')]) {
    try {
      writeOutput(target, 'x', { inputs: [model] });
      assert.unreachable(`wrote over ${target}`);
    } catch (e) {
      assert.instance(e, OutputError);
      assert.is((e as OutputError).code, 'same-as-input');
    }
  }
  assert.is(read(model), 'sim: {}');
  assert.ok(sameFile(model, join(dir, 'alias.yaml')));
  assert.not.ok(sameFile(model, join(dir, 'missing')));
});

test('a directory is refused', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'sub'));
  assert.throws(() => writeOutput(join(dir, 'sub'), 'x'), (e: unknown) => e instanceof OutputError);
});

test('any content written in any chunks arrives whole, with no temporary file left', () => {
  const dir = tempDir();
  const f = join(dir, 'out.txt');
  fc.assert(fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 20 }), (chunks) => {
    const out = openOutput(f);
    for (const c of chunks) out.write(c);
    out.commit();
    return read(f) === chunks.join('') && readdirSync(dir).length === 1;
  }), { numRuns: 60 });
});

test.run();
