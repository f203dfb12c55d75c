/**
 * One rule for exit codes in every command: 2 when the command line is wrong whatever the
 * model (README "Exit codes"), 1 when this model cannot do what a well-formed command asks.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli, tempFile } from './cli-helpers.js';

const NO_EXTRAS = 'sim: { start: 0, stop: 4, dt: 1 }\nstocks:\n  S: { initial: 1, inflows: [f] }\nflows:\n  f: { equation: k * S }\nconstants:\n  k: { value: 0.1 }\n';
const METRIC = 'metrics:\n  Final S: { variable: S, aggregate: final, better: lower }\n';

test('a model that lacks what the command needs is exit 1 with a located diagnostic, for every command alike', () => {
  const model = tempFile('plain.yaml', NO_EXTRAS);
  const measured = tempFile('measured.yaml', NO_EXTRAS + METRIC);
  for (const [args, code] of [
    [['compare', model], 'no-metrics'],
    [['compare', measured], 'no-scenarios'],
    [['sensitivity', model, '--samples', '4'], 'no-metrics'],
    [['calibrate', model], 'no-reference-data'],
    [['run', model, '--clock'], 'no-clock'],
    [['run', model, '--vars', 'Q'], 'unknown-variable'],
    [['run', model, '--set', 'kk=2'], 'unknown-variable'],
    [['sweep', model, '--param', 'S=0:1'], 'not-sweepable'],
    [['sensitivity', measured, '--design', 'oat', '--param', 'S=0:1'], 'not-a-parameter'],
  ] as const) {
    const r = cli(...args);
    assert.is(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`^${args[1].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(:\\d+:\\d+)?: error\\[${code}\\] `), `${args.join(' ')}: ${r.stderr}`);
    assert.not.match(r.stderr, /internal error|\n\s+at /);
  }
});

test('a command line that is wrong whatever the model is exit 2 before the model is run', () => {
  const model = tempFile('plain.yaml', NO_EXTRAS);
  for (const args of [
    ['run', model, '--dt'], ['run', model, '--stop', 'abc'], ['run', model, '--csv', 'a.csv', '--json', 'b.json'],
    ['run', model, '-o', 'a.txt'], ['run', model, '--seed', '-1'], ['run', model, '--bogus'],
    ['compare', model, '--queue', 'redis://localhost:1/0'], ['compare', model, '--json', '-', '--csv', '-'],
    ['sweep', model, '--param', 'k=2:1'], ['run', model, '--set', 'k=abc'], ['run', model, '-o'], ['plot', model], ['rnu', model],
  ]) {
    const r = cli(...args);
    assert.is(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^stockflow: [^\n]+\n$/, `one line: ${args.join(' ')}`);
    assert.is(r.stdout, '', args.join(' '));
  }
});

test('--set follows one rule: a stock starts at the value, an auxiliary is held at it, a lookup is refused', () => {
  const model = tempFile('set.yaml', `${NO_EXTRAS}auxiliaries:\n  twice: { equation: 2 * S }\nlookups:\n  g: { points: [[0, 0], [1, 1]] }\n`);
  const stock = cli('run', model, '--set', 'S=10', '--vars', 'S,twice');
  assert.is(stock.code, 0, stock.stderr);
  assert.equal(stock.stdout.trim().split('\n').slice(0, 3), ['time,S,twice', '0,10,20', '1,11,22']);
  const aux = cli('run', model, '--set', 'twice=5', '--vars', 'S,twice');
  assert.equal(aux.stdout.trim().split('\n').slice(0, 3), ['time,S,twice', '0,1,5', '1,1.1,5']);
  const lookup = cli('run', model, '--set', 'g=1');
  assert.is(lookup.code, 1);
  assert.match(lookup.stderr, /error\[not-settable\] 'g': 'g' is a lookup and cannot be set to a number — change its table with a scenario's lookup change/);
  const typo = cli('equilibria', model, '--set', 'K=1', '--set', 'twic=3');
  assert.is(typo.code, 1);
  assert.match(typo.stderr, /cannot set unknown variable 'twic' — did you mean 'twice'\?/);
});

test('a name the model does not define says "did you mean" when one is close, in every command that takes names', () => {
  const R = 'models/retry-storm.yaml';
  for (const [args, near] of [
    [['run', R, '--vars', 'Queu'], 'Queue'], [['run', R, '--set', 'Arrival Rat=9'], 'Arrival Rate'],
    [['equilibria', R, '--set', 'Arrival Rat=9'], 'Arrival Rate'],
    [['sweep', R, '--param', 'Arrival Rat=5:10'], 'Arrival Rate'], [['sweep', R, '--param', 'Arrival Rate=5:10', '--vars', 'Queu'], 'Queue'],
    [['equilibria', R, '--only', 'Queu'], 'Queue'], [['equilibria', R, '--freeze', 'Queu=3'], 'Queue'], [['equilibria', R, '--box', 'Queu=1:2'], 'Queue'],
    [['tipping', R, '--step', 'Arrival Rat', '--duration', '10'], 'Arrival Rate'], [['tipping', R, '--pulse', 'Arrival', '--duration', '10'], 'Arrivals'],
    [['compare', 'models/kinesis-outage.yaml', '--scenario', 'larger-server'], 'larger-servers'],
  ] as const) {
    const r = cli(...args);
    assert.is(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, `did you mean '${near}'?`, args.join(' '));
  }
});

test('the help states the exit codes and -o, and every writing command lists -o with its extensions', () => {
  assert.match(cli('--help').stdout, /-o FILE, its format from the extension\.\nExit codes: 0 success, 1 a model problem, 2 a usage error\./);
  for (const [command, exts] of [['run', '.csv, .json'], ['report', '.html, .htm'], ['rank', '.json'], ['tipping', '.json, .html, .htm']]) {
    const help = cli(command, '--help').stdout.replace(/\s+/g, ' ');
    assert.match(help, `-o, --output write the result to this file, its format from the extension (${exts})`, command);
  }
});

test('a sim-spec warning (a dt that does not divide the saveper) is printed, not taken for a failure, in every command', () => {
  for (const args of [
    ['run', 'models/teacup.yaml'], ['loops', 'models/teacup.yaml'],
    ['sensitivity', 'models/teacup.yaml', '--metric', 'Teacup Temperature', '--design', 'oat'],
  ]) {
    const r = cli(...args, '--dt', '0.3', '--saveper', '1');
    assert.is(r.code, 0, `${args[0]}: ${r.stderr}`);
    assert.match(r.stderr, /warning\[saveper-not-multiple\] \(sim\.saveper\): saveper \(1\) is not a multiple of dt \(0\.3\)/, args[0]);
    assert.not.match(r.stderr, /internal error/);
  }
});

test.run();
