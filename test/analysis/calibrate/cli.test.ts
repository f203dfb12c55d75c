/** `stockflow calibrate` as a user runs it (the built CLI; npm test builds first). */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli, tempFile } from '../../cli/cli-helpers.js';

test('calibrate fits the characteristic time to a series file and writes JSON', () => {
  // T(t) = 70 + 110·(1 − 1/(8τ))^(8t) is the Euler solution with dt 1/8; here τ = 15.
  const rows = [0, 3, 6, 10, 20, 30].map((t) => `${t},${70 + 110 * (1 - 1 / (8 * 15)) ** (8 * t)}`);
  const data = tempFile('tea.csv', `time,Teacup Temperature\n${rows.join('\n')}\n`);
  const r = cli('calibrate', 'models/teacup.yaml', '--data', data, '--param', 'Characteristic Time=5:20', '--starts', '2', '--workers', '1', '--json=-');
  assert.is(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.ok(Math.abs(out.parameters['Characteristic Time'] - 15) < 1e-3, JSON.stringify(out.parameters));
  assert.is(out.fit[0].target, 'Teacup Temperature');
  assert.is(out.starts.length, 3);
});

test('a bad data file is a located diagnostic, exit 1', () => {
  const data = tempFile('bad.csv', 'time,Teacup Temperature\n0,180\nlater,150\n');
  const r = cli('calibrate', 'models/teacup.yaml', '--data', data);
  assert.is(r.code, 1);
  assert.match(r.stderr, /bad\.csv:3: error\[bad-data\] 'later' is not a time/);
});

test.run();
