/** Global limit options before the command: their value is not taken for the command word. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from './cli-helpers.js';
import { commandWord } from '../../src/cli/commands/index.js';

test('the value of a global option before the command is not the command', () => {
  assert.is(commandWord(['--max-elements', '5000', 'run', 'm.yaml']), 'run');
  assert.is(commandWord(['--max-elements=5000', 'run', 'm.yaml']), 'run');
  assert.is(commandWord(['--data-dir', 'loops', 'check', 'm.yaml']), 'check');
  assert.is(commandWord(['--help']), undefined);
});

test('stockflow --max-elements N run MODEL runs the model', () => {
  const r = cli('--max-elements', '5000', 'run', 'models/teacup.yaml');
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /^time,Teacup Temperature/);
});

test('--data-dir takes one folder: before the command it no longer swallows the command, and a second word is a usage error', () => {
  const one = cli('--data-dir', 'models', 'run', 'models/teacup.yaml');
  assert.is(one.code, 0, one.stderr);
  assert.match(one.stdout, /^time,Teacup Temperature/);
  const two = cli('--data-dir', 'models', '--data-dir', 'test', 'run', 'models/teacup.yaml');
  assert.is(two.code, 0, two.stderr);
  const stray = cli('--data-dir', 'models', 'test', 'run', 'models/teacup.yaml');
  assert.is(stray.code, 2);
  assert.is(stray.stdout, '');
  assert.match(stray.stderr, /^stockflow: 'test' comes before the command 'run' but is neither a command nor an option's value: --data-dir, .* take one value each \(repeat --data-dir for more folders/);
  assert.match(cli('--max-runs', '5', 'b', 'check', 'models/teacup.yaml').stderr, /'b' comes before the command 'check'/);
  const after = cli('run', 'models/teacup.yaml', '--data-dir', 'models', 'test');
  assert.is(after.code, 2);
  assert.match(after.stderr, /Unknown argument: test/);
});

test('--data-dir must name an existing folder: a missing one or a file is a usage error', () => {
  const missing = cli('run', 'models/teacup.yaml', '--data-dir', 'no-such-folder');
  assert.is(missing.code, 2);
  assert.is(missing.stdout, '');
  assert.match(missing.stderr, /--data-dir 'no-such-folder' does not exist/);
  const file = cli('--data-dir', 'models/teacup.yaml', 'run', 'models/teacup.yaml');
  assert.is(file.code, 2);
  assert.match(file.stderr, /--data-dir 'models\/teacup.yaml' is a file, not a folder/);
});

test.run();
