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

test.run();
