import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandName, commands } from '../../src/cli/commands/index.js';
import { cli, ROOT, tempFile } from './cli-helpers.js';

test('the command table lists every command module, each loaded on use with a builder and a handler', async () => {
  // A command module exports a `…Command` CommandModule; other files there are its helpers.
  const dir = join(ROOT, 'src/cli/commands');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && /export const \w+Command\b/.test(readFileSync(join(dir, f), 'utf8')));
  const loaded = await Promise.all(commands.map((c) => c.load()));
  for (const body of loaded) {
    assert.ok(body.builder, 'builder');
    assert.type(body.handler, 'function');
  }
  assert.equal(new Set(loaded).size, commands.length, 'each entry loads its own command');
  assert.is(commands.length, files.length, `${files.length} command files, ${commands.length} entries`);
});

test('stockflow --help lists every command with its description, without loading any', () => {
  const r = cli('--help');
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /^stockflow <command> \[options\]/);
  for (const c of commands) assert.ok(r.stdout.includes(`stockflow ${c.command}`), c.command);
  assert.ok(r.stdout.includes('--version'));
  // yargs' own top-level help (any other argument routes through it) is the same text.
  assert.is(r.stdout, cli('--max-data-mb', '64', '--help').stdout);
});

test('stockflow <command> --help shows that command\'s usage, description and options', () => {
  for (const c of commands) {
    const r = cli(commandName(c), '--help');
    assert.is(r.code, 0, `${c.command}: ${r.stderr}`);
    assert.ok(r.stdout.startsWith(`stockflow ${c.command}`), `${c.command}: ${r.stdout.slice(0, 80)}`);
    assert.ok(r.stdout.replace(/\s+/g, ' ').includes(c.describe.slice(0, 40)), c.command);
    assert.match(r.stdout, /Options:/);
  }
});

test('run --help tells rk2 (Heun) from rk2-midpoint (Vensim RK2 Fixed), which a Vensim user would otherwise confuse', () => {
  const help = cli('run', '--help').stdout.replace(/\s+/g, ' ');
  assert.match(help, /rk2: Heun's method/);
  assert.match(help, /rk2-midpoint: the explicit midpoint rule, Vensim's RK2 Fixed/);
});

test("every command's --help ends with at least one example that names a model or the queue", () => {
  for (const c of commands) {
    const r = cli(commandName(c), '--help');
    const examples = r.stdout.split('\nExamples:\n')[1];
    assert.ok(examples, `${c.command} has no example in --help (add .example(...) to its builder)`);
    assert.match(examples, new RegExp(`^  stockflow ${commandName(c)} `, 'm'), c.command);
  }
});

test('--scenario and --scenarios are one option everywhere; a command that analyses one scenario refuses a list', () => {
  for (const name of ['run', 'loops', 'equilibria', 'compare', 'rank', 'plot', 'report']) {
    const help = cli(name, '--help').stdout;
    assert.match(help, /--scenario, --scenarios/, name);
  }
  const a = cli('compare', 'models/kinesis-outage.yaml', '--scenario', 'larger-servers', '--json', '-');
  const b = cli('compare', 'models/kinesis-outage.yaml', '--scenarios', 'larger-servers', '--json', '-');
  assert.is(a.code, 0, a.stderr);
  assert.is(a.stdout, b.stdout);
  assert.equal(JSON.parse(a.stdout).scenarios.map((s: { id: string }) => s.id), ['larger-servers']);
  const one = cli('run', 'models/kinesis-outage.yaml', '--scenario', 'larger-servers,thread-alarms');
  assert.is(one.code, 2);
  assert.match(one.stderr, /one scenario at a time \(got larger-servers, thread-alarms\)/);
});

test('compare on a model without metrics or scenarios says how to add them, by way of the native format for a Vensim or XMILE file', () => {
  const xmile = cli('compare', 'models/sir-epidemic.xmile');
  assert.is(xmile.code, 1);
  assert.match(xmile.stderr, /error\[no-metrics\] the model defines no metrics to compare — an XMILE model has none: convert it to the native format \(stockflow convert models\/sir-epidemic\.xmile models\/sir-epidemic\.yaml\) and add a metrics: section/);
  const spaced = cli('compare', tempFile('my model.mdl', '{UTF-8}\nx = 1 ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n'));
  assert.match(spaced.stderr, /a Vensim model has none: convert it to the native format \(stockflow convert ".*my model\.mdl" ".*my model\.yaml"\)/);
  const yaml = cli('compare', 'models/bass-diffusion.yaml');
  assert.is(yaml.code, 1, 'a model that lacks what the command needs is a model problem, as missing metrics are');
  assert.match(yaml.stderr, /^models\/bass-diffusion\.yaml: error\[no-scenarios\] the model defines no scenarios to compare — add a scenarios: section \(docs\/model-format\.md\)\n$/);
});

test('a mistyped or missing command is a usage error (exit 2) that suggests the command', () => {
  const r = cli('rnu', 'models/teacup.yaml');
  assert.is(r.code, 2);
  assert.match(r.stderr, /'rnu' is not a command \(did you mean run\?\); the commands: run, check/);
  assert.is(cli().code, 2);
  const model = cli('models/teacup.yaml');
  assert.is(model.code, 2);
  assert.match(model.stderr, /'models\/teacup\.yaml' is a model, not a command: give the command first, e\.g\. stockflow run models\/teacup\.yaml/);
});

test('a global option left without its value before the command says so, rather than that the model is no command', () => {
  const r = cli('--data-dir', 'run', 'models/teacup.yaml');
  assert.is(r.code, 2);
  assert.match(r.stderr, /--data-dir takes a value before the command, but got the command 'run': give its value first, e\.g\. stockflow --data-dir FOLDER run models\/teacup\.yaml/);
  assert.not.match(r.stderr, /is a model, not a command/);
});

test.run();
