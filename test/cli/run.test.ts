import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, tempFile } from './cli-helpers.js';

test('run prints CSV with a time column and the variables as written', () => {
  const r = cli('run', 'models/teacup.yaml');
  assert.is(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.is(lines[0], 'time,Teacup Temperature,Heat Loss to Room,Room Temperature,Characteristic Time');
  assert.is(lines.length, 32);
  assert.is(lines[1], '0,180,11,70,10');
});

test('run --vars selects columns by any spelling of their names', () => {
  const r = cli('run', 'models/teacup.yaml', '--vars', 'teacup_temperature,HEAT LOSS TO ROOM');
  assert.is(r.stdout.split('\n')[0], 'time,Teacup Temperature,Heat Loss to Room');
});

test('run --set, --method, --dt, --stop and --saveper change the run', () => {
  const r = cli('run', 'models/teacup.yaml', '--set', 'Room Temperature=60', '--method', 'rk4', '--dt', '0.5', '--stop', '10', '--saveper', '5', '--vars', 'Teacup Temperature');
  assert.is(r.code, 0, r.stderr);
  const rows = r.stdout.trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
  assert.equal(rows.map((x) => x[0]), [0, 5, 10]);
  const exact = 60 + 120 * Math.exp(-1);
  assert.ok(Math.abs(rows[2][1] - exact) < 1e-4, `${rows[2][1]} vs ${exact}`);
});

test('run --csv and --json write files', () => {
  const dir = tempDir();
  assert.is(cli('run', 'models/teacup.yaml', '--csv', join(dir, 'out.csv')).code, 0);
  assert.match(readFileSync(join(dir, 'out.csv'), 'utf8'), /^time,Teacup Temperature/);
  assert.is(cli('run', 'models/teacup.yaml', '--json', join(dir, 'out.json'), '--vars', 'Teacup Temperature').code, 0);
  const json = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
  assert.equal(Object.keys(json), ['time', 'Teacup Temperature']);
  assert.is(json.time.length, 31);
});

test('--json - and --csv - write to stdout', () => {
  const r = cli('run', 'models/teacup.yaml', '--json', '-', '--vars', 'Teacup Temperature');
  assert.is(r.code, 0, r.stderr);
  assert.equal(Object.keys(JSON.parse(r.stdout)), ['time', 'Teacup Temperature']);
  assert.match(cli('run', 'models/teacup.yaml', '--csv', '-').stdout, /^time,/);
});

test('a bare --json (no file) writes JSON to stdout, not CSV', () => {
  // It was read as an empty file name, so the run quietly printed CSV.
  const r = cli('run', 'models/teacup.yaml', '--vars', 'Teacup Temperature', '--json');
  assert.is(r.code, 0, r.stderr);
  assert.equal(Object.keys(JSON.parse(r.stdout)), ['time', 'Teacup Temperature']);
});

test('a model problem exits 1 with located diagnostics, no stack trace, and no output file', () => {
  const model = tempFile('bad.yaml', 'sim: { start: 0, stop: 5, dt: 1 }\nauxiliaries:\n  x: { equation: "y + zap(1)" }\n');
  const out = join(tempDir(), 'out.csv');
  const r = cli('run', model, '--csv', out);
  assert.is(r.code, 1);
  assert.match(r.stderr, /bad\.yaml:3:\d+: error\[unknown-variable\] 'x' \(equation\): unknown variable 'y'/);
  assert.match(r.stderr, /error\[unknown-function\]/);
  assert.not.match(r.stderr, /\n\s+at /);
  assert.not.ok(existsSync(out));
});

test('a NaN during the run exits 1 and leaves no output file', () => {
  const model = tempFile('nan.yaml', 'sim: { start: 0, stop: 5, dt: 1 }\nauxiliaries:\n  x: { equation: "sqrt(2 - time)" }\n');
  const out = join(tempDir(), 'out.csv');
  const r = cli('run', model, '--csv', out);
  assert.is(r.code, 1);
  assert.match(r.stderr, /non-finite.*'x'.*time 3/);
  assert.not.ok(existsSync(out));
  assert.is(cli('run', model, '--allow-nonfinite').code, 0);
});

test('missing, empty and binary files are diagnostics with exit 1', () => {
  for (const [file, code] of [['nope.yaml', 'missing-file'], [tempFile('e.yaml', ''), 'empty-file'], [tempFile('b.yaml', Buffer.from([0, 1, 2, 3, 255, 0])), 'binary-file'], [tempFile('m.txt', 'x'), 'unknown-format']]) {
    const r = cli('run', file);
    assert.is(r.code, 1, file);
    assert.match(r.stderr, new RegExp(`error\\[${code}\\]`));
  }
});

test('a folder given as the model says it is a folder, with or without an extension; a name without one says so', () => {
  const dir = tempDir();
  for (const folder of [dir, join(dir, 'models.yaml')]) {
    mkdirSync(folder, { recursive: true });
    const r = cli('run', folder);
    assert.is(r.code, 1);
    assert.match(r.stderr, /error\[not-a-file\] is a directory, not a model file — give the path of a model file in it/, folder);
  }
  const bare = cli('run', tempFile('model', 'x'));
  assert.match(bare.stderr, /error\[unknown-format\] the file name has no extension, which tells its format — use one of \.yaml/);
});

test('usage errors exit 2', () => {
  assert.is(cli('run').code, 2);
  assert.is(cli('run', 'models/teacup.yaml', '--set', 'oops').code, 2);
  assert.is(cli('run', 'models/teacup.yaml', '--dt', 'abc').code, 2);
  assert.is(cli('frobnicate').code, 2);
});

test('bad sim options from the command line are model problems', () => {
  const r = cli('run', 'models/teacup.yaml', '--dt', '0');
  assert.is(r.code, 1);
  assert.match(r.stderr, /dt must be greater than 0/);
  assert.match(cli('run', 'models/teacup.yaml', '--stop', '-5').stderr, /stop \(-5\) is before start/);
});

test('every command has --help', () => {
  for (const c of ['run', 'check', '']) {
    const r = cli(...(c ? [c, '--help'] : ['--help']));
    assert.is(r.code, 0, c);
    assert.match(r.stdout, /stockflow/);
  }
});



test('--clock adds ISO clock times from sim.time_origin; JSON carries them beside model time; a model without one is a usage error', () => {
  const file = tempFile('clock.yaml', 'sim: { start: 0, stop: 1, dt: 0.5, time_unit: hour, time_origin: 2020-11-25T23:30-08:00 }\nstocks:\n  S: { initial: 1 }\n');
  const r = cli('run', file, '--clock');
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim().split('\n'), ['time,clock,S', '0,2020-11-25T23:30:00-08:00,1', '0.5,2020-11-26T00:00:00-08:00,1', '1,2020-11-26T00:30:00-08:00,1']);
  const j = JSON.parse(cli('run', file, '--json', '-').stdout);
  assert.equal(j.clock, ['2020-11-25T23:30:00-08:00', '2020-11-26T00:00:00-08:00', '2020-11-26T00:30:00-08:00']);
  assert.equal(j.time, [0, 0.5, 1]);
  const none = cli('run', 'models/teacup.yaml', '--clock');
  assert.is(none.code, 1, 'the option is well formed; this model lacks a clock');
  assert.match(none.stderr, /error\[no-clock\] --clock needs a model with sim.time_origin .*; this model declares no time_origin — add sim.time_origin/);
});

test.run();
