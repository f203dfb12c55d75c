/**
 * `stockflow rank` as a user runs it: the built CLI (npm test builds first), or the sources
 * through tsx when dist/ has no rank command yet (running this folder on its own).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli, ROOT, tempDir, type CliRun } from '../../cli/cli-helpers.js';

function rank(...args: string[]): CliRun {
  if (existsSync(join(ROOT, 'dist/cli/commands/rank.js'))) return cli('rank', ...args);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'rank', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

test('Kinesis: the table and the JSON rank every remediation with its Meadows level, constants and dominant loops', () => {
  const file = join(tempDir(), 'rank.json');
  const r = rank('models/kinesis-outage.yaml', '--uncertainty', '8', '--trajectories', '2', '--seed', '4', '--json', file);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /Leverage ranking of 'AWS Kinesis outage.*' on Customer impact \[service-hours\]/);
  assert.match(r.stdout, /Pareto frontier on \(robust effect, depth of leverage\), no weights:/);
  assert.match(r.stdout, /Uncertain constants, by Morris mu\*/);
  assert.match(r.stdout, /Loops that dominate the outcome/);
  // loops carry the names the model declares; the analysis's own ids only in brackets beside them
  assert.match(r.stdout, /B3 membership learning/);
  assert.match(r.stdout, /B1 operator pacing/);
  assert.match(r.stdout, /\(B\d+\)/);
  assert.match(r.stdout, /\(B7\) is a loop the model does not name/);
  const j = JSON.parse(readFileSync(file, 'utf8'));
  assert.is(j.draws, 8);
  assert.is(j.interventions.length, 11);
  const ids = j.interventions.map((x: { id: string }) => x.id);
  // the four fixes that prevent the outage remove it in every draw
  assert.equal(new Set(ids.slice(0, 4)), new Set(['cellular-frontend', 'raise-thread-limit', 'larger-servers', 'thread-alarms']));
  // counterfactuals are ranked apart, never among the remediations; never restarting is the worse
  assert.ok(!ids.includes('no-restart') && !ids.includes('fast-restart'));
  assert.equal(j.counterfactuals.map((x: { id: string }) => x.id), ['fast-restart', 'no-restart']);
  assert.match(r.stdout, /Counterfactuals \(what-ifs about the event/);
  for (const x of j.interventions) {
    assert.type(x.level, 'number');
    assert.ok(x.effect.p10 <= x.effect.median + 1e-12 && x.effect.median <= x.effect.p90 + 1e-12, x.id);
  }
  assert.is(j.parameters.length, 40);
  for (const p of j.parameters) assert.ok(p.level.level >= 7 && p.level.level <= 12 && p.level.rule, p.name);
  assert.ok(j.loops.loops.length > 0);
  assert.ok(Object.values(j.loops.names).includes('R1 restart contention'), JSON.stringify(j.loops.names));
  assert.is(j.workers, undefined, 'the thread count stays out of the JSON (same bytes whatever --workers)');
});

test('--weight-depth orders by the weighted score and says it is a value judgement', () => {
  const r = rank('models/teacup.yaml', '--uncertainty', '8', '--no-sensitivity', '--no-loops', '--weight-depth', '0.5');
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /by depth-weighted score \(β = 0\.5; a value judgement/);
  assert.match(r.stdout, /VALUE JUDGEMENT/);
  assert.match(r.stdout, /loops not analysed/);
});

test('an XMILE model without metrics ranks its constants on the outcome given with --metric', () => {
  const r = rank('models/sir-epidemic.xmile', '--metric', 'Infected:max', '--trajectories', '3', '--json=-');
  assert.is(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.is(j.metric.name, 'Infected:max');
  assert.equal(j.interventions, []);
  assert.ok(j.parameters.some((p: { name: string; level: { level: number } }) => p.name === 'Illness Duration' && p.level.level === 9));
});

test('model problems exit 1 with a diagnostic, usage errors exit 2, never a stack trace', () => {
  const metric = rank('models/teacup.yaml', '--metric', 'Final temprature');
  assert.is(metric.code, 1);
  assert.match(metric.stderr, /unknown-metric.*did you mean 'Final temperature'/s);
  const missing = rank('models/nothing-here.yaml');
  assert.is(missing.code, 1);
  assert.match(missing.stderr, /missing-file/);
  for (const bad of [['--uncertainty', '0'], ['--weight-depth', '-1'], ['--view', 'weighted']]) {
    const u = rank('models/teacup.yaml', ...bad);
    assert.is(u.code, 2, `${bad.join(' ')}: ${u.stderr}`);
  }
  const all = [metric, missing].map((x) => x.stderr).join('\n');
  assert.not.match(all, /\n\s+at /);
});

test.run();
