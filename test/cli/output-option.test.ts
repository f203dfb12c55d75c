/** -o/--output on every command that writes a result file: the format from the extension. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from './cli-helpers.js';
import { resolveOutput } from '../../src/cli/output-option.js';

test('run -o FILE.csv writes the CSV that --csv writes, and -o FILE.json the JSON', () => {
  const dir = tempDir();
  assert.is(cli('run', 'models/teacup.yaml', '-o', join(dir, 'o.csv')).code, 0);
  assert.is(cli('run', 'models/teacup.yaml', '--csv', join(dir, 'c.csv')).code, 0);
  assert.is(readFileSync(join(dir, 'o.csv'), 'utf8'), readFileSync(join(dir, 'c.csv'), 'utf8'));
  assert.is(cli('run', 'models/teacup.yaml', '--output', join(dir, 'o.JSON')).code, 0);
  assert.ok(Array.isArray(JSON.parse(readFileSync(join(dir, 'o.JSON'), 'utf8')).time));
});

test('every command that writes a result takes -o with its own extensions', () => {
  const dir = tempDir();
  for (const [args, file] of [
    [['equilibria', 'models/retry-storm.yaml'], 'eq.json'],
    [['loops', 'models/teacup.yaml'], 'loops.json'],
    [['compare', 'models/kinesis-outage.yaml', '--scenario', 'cellular-frontend'], 'compare.csv'],
    [['plot', 'models/teacup.yaml', '--vars', 'Teacup Temperature'], 'plot.html'],
    [['sweep', 'models/retry-storm.yaml', '--param', 'Arrival Rate=5:10'], 'sweep.json'],
  ] as const) {
    const r = cli(...args, '-o', join(dir, file));
    assert.is(r.code, 0, `${args[0]}: ${r.stderr}`);
    assert.ok(existsSync(join(dir, file)), `${args[0]} -o ${file}`);
  }
  assert.match(readFileSync(join(dir, 'plot.html'), 'utf8'), /^<!DOCTYPE html>/i);
  assert.ok(JSON.parse(readFileSync(join(dir, 'sweep.json'), 'utf8')).branches);
});

test('an extension the command does not write is a usage error listing the accepted ones, before any work', () => {
  const dir = tempDir();
  for (const [cmd, file, accepted] of [
    ['run', 'o.txt', '.csv, .json'], ['run', 'o.html', '.csv, .json'], ['run', 'noext', '.csv, .json'],
    ['equilibria', 'e.csv', '.json'], ['report', 'r.json', '.html, .htm'], ['sweep', 's.csv', '.json, .html, .htm'],
  ]) {
    const model = cmd === 'run' || cmd === 'report' ? 'models/teacup.yaml' : 'models/retry-storm.yaml';
    const extra = cmd === 'sweep' ? ['--param', 'Arrival Rate=5:10'] : [];
    const r = cli(cmd, model, ...extra, '-o', join(dir, file));
    assert.is(r.code, 2, `${cmd} ${file}`);
    assert.match(r.stderr, new RegExp(`^stockflow: -o .*${file}: .*; accepted: ${accepted.replace(/\./g, '\\.')}\\n$`), `${cmd} ${file}: ${r.stderr}`);
    assert.is(r.stdout, '');
  }
  assert.equal(readdirSync(dir), []);
});

test('-o beside the format option it stands for, -o twice, -o - and -o with no file are usage errors', () => {
  for (const [extra, message] of [
    [['-o', 'a.csv', '--csv', 'b.csv'], /-o a\.csv and --csv b\.csv both ask for CSV: give one of them/],
    [['-o', 'a.csv', '-o', 'b.csv'], /-o\/--output is given more than once/],
    [['-o', '-'], /-o - cannot tell the format of standard output; use --csv - or --json -/],
    [['-o'], /Not enough arguments following: o/],
  ] as const) {
    const r = cli('run', 'models/teacup.yaml', ...extra);
    assert.is(r.code, 2, extra.join(' '));
    assert.match(r.stderr, message);
    assert.not.match(r.stderr, /internal error/);
  }
});

test('resolveOutput moves the file onto the option of its format and leaves no output key', () => {
  const argv: Record<string, unknown> = { output: 'x/Report.HTM', o: 'x/Report.HTM' };
  resolveOutput(argv, ['html']);
  assert.equal(argv, { html: 'x/Report.HTM' });
  const none: Record<string, unknown> = { csv: 'a.csv' };
  resolveOutput(none, ['csv']);
  assert.equal(none, { csv: 'a.csv' });
});

test('an option given without its value, or a number option given text, is a usage error naming it', () => {
  for (const [extra, message] of [
    [['--dt'], /^stockflow: --dt needs a value\n$/], [['--stop', 'NaN'], /^stockflow: --stop expects a number\n$/],
    [['--start', 'abc'], /^stockflow: --start expects a number\n$/], [['--set'], /^stockflow: --set needs a value\n$/],
  ] as const) {
    const r = cli('run', 'models/teacup.yaml', ...extra);
    assert.is(r.code, 2, extra.join(' '));
    assert.match(r.stderr, message);
    assert.is(r.stdout, '');
  }
});

test.run();
