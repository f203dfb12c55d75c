/** Attack cases against outputs from the CLI: never over an input, never replacing what is not a regular file. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, lstatSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, tempDir } from '../cli/cli-helpers.js';

function teacupCopy(): { dir: string; model: string; text: string } {
  const dir = tempDir();
  const model = join(dir, 'teacup.yaml');
  copyFileSync(join(ROOT, 'models/teacup.yaml'), model);
  return { dir, model, text: readFileSync(model, 'utf8') };
}

test('run --csv MODEL and report --html MODEL refuse to overwrite the model (exit 2)', () => {
  const { dir, model, text } = teacupCopy();
  symlinkSync(model, join(dir, 'link.yaml'));
  for (const args of [['run', model, '--csv', model], ['run', model, '--json', join(dir, 'link.yaml')], ['report', model, '--html', model], ['convert', model, join(dir, 'link.yaml')]]) {
    const r = cli(...args);
    assert.is(r.code, 2, args.join(' '));
    assert.match(r.stderr, /is the input/);
    assert.is(readFileSync(model, 'utf8'), text);
  }
});

test('run --csv through a symlink writes its target and keeps the link', () => {
  const { dir, model } = teacupCopy();
  writeFileSync(join(dir, 'real.csv'), 'old');
  symlinkSync('real.csv', join(dir, 'out.csv'));
  const r = cli('run', model, '--csv', join(dir, 'out.csv'));
  assert.is(r.code, 0, r.stderr);
  assert.ok(lstatSync(join(dir, 'out.csv')).isSymbolicLink());
  assert.match(readFileSync(join(dir, 'real.csv'), 'utf8'), /^time,Teacup Temperature/);
});

test('run --csv /dev/null succeeds and /dev/null stays a character device', () => {
  const r = cli('run', join(ROOT, 'models/teacup.yaml'), '--csv', '/dev/null');
  assert.is(r.code, 0, r.stderr);
  assert.ok(statSync('/dev/null').isCharacterDevice());
});

test.run();
