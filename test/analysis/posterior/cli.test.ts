/**
 * `calibrate --posterior` and `--ensemble FILE` as a user runs them (the built CLI): the file is
 * written once, then compare, rank, sensitivity and report run its members; bad files are
 * located diagnostics with exit 1.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, tempFile } from '../../cli/cli-helpers.js';

const MODEL = 'test/fixtures/posterior/decay.yaml';
const DATA = 'test/fixtures/posterior/decay-events.csv';
const dir = tempDir();
const ensemble = join(dir, 'decay.posterior.json');
const posterior = cli('calibrate', MODEL, '--data', DATA, '--posterior', '60', '--chains', '4', '--generations', '200', '--seed', '5', '--workers', '1', '--out', ensemble);

test('calibrate --posterior prints prior against posterior and diagnostics, and writes the ensemble with provenance', () => {
  assert.is(posterior.code, 0, posterior.stderr);
  assert.match(posterior.stdout, /posterior by DREAM\(ZS\), 4 chains × 200 generations \(burn-in 100\), seed 5: 804 runs/);
  assert.match(posterior.stdout, /Tau\s+2…8\s+/);
  assert.match(posterior.stdout, /max R-hat [\d.]+ \(want < 1\.01\), min ESS \d+ \(want ≥ 400\)/);
  assert.match(posterior.stderr, /warning\[low-ess\]/, 'this short run is not converged and says so');
  const doc = JSON.parse(readFileSync(ensemble, 'utf8'));
  assert.is(doc.format, 'stockflow-ensemble');
  assert.is(doc.kind, 'posterior');
  assert.is(doc.seed, 5);
  assert.is(doc.members.length, 60);
  assert.equal(doc.parameters.map((p: { name: string }) => p.name), ['Initial Load', 'Tau']);
  assert.match(doc.model.sha256, /^[0-9a-f]{64}$/);
  assert.is(doc.data.files[0].file, DATA);
  assert.match(doc.data.files[0].sha256, /^[0-9a-f]{64}$/);
  assert.is(doc.sampler.method, 'DREAM(ZS)');
  assert.is(doc.sampler.chains, 4);
  assert.ok(typeof doc.convergence.max_rhat === 'number' && typeof doc.parameters[1].ess === 'number');
});

test('the same seed writes the same bytes, whatever the number of threads', () => {
  const a = join(dir, 'a.json');
  const b = join(dir, 'b.json');
  const short = ['--posterior', '20', '--chains', '4', '--generations', '20', '--burn-in', '10', '--seed', '9'];
  assert.is(cli('calibrate', MODEL, '--data', DATA, ...short, '--workers', '1', '--out', a).code, 0);
  assert.is(cli('calibrate', MODEL, '--data', DATA, ...short, '--workers', '2', '--out', b).code, 0);
  assert.is(readFileSync(b, 'utf8'), readFileSync(a, 'utf8'));
});

test('compare --ensemble runs the posterior members, paired, and its JSON names the file', () => {
  const r = cli('compare', MODEL, '--ensemble', ensemble, '--json', '-');
  assert.is(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.is(out.uncertainty.draws, 60);
  assert.is(out.uncertainty.ensemble, ensemble);
  assert.is(out.uncertainty.seed, 5);
  assert.equal(out.uncertainty.ranking, ['faster-drain', 'slower-drain']);
  // the posterior pins the time below 20 near its observed 6.44 h; the prior's spread is far wider
  const b = out.uncertainty.baseline['Time below 20'];
  assert.ok(b.p10 > 5.9 && b.p90 < 7, JSON.stringify(b));
  // (the prior, τ 2…8 h and S0 80…120, spreads it over 2.8…14.5 h)
});

test('rank --ensemble reads the constants from the members, not Morris over the prior: what the order rests on', () => {
  const r = cli('rank', MODEL, '--ensemble', ensemble, '--no-loops', '--json', '-');
  assert.is(r.code, 0, r.stderr);
  const ranking = JSON.parse(r.stdout);
  assert.equal(ranking.parameters, [], 'no Morris screening over the prior ranges on an ensemble');
  assert.is(ranking.sensitivity, undefined);
  const [pair] = ranking.restsOn;
  assert.equal([pair.upper, pair.lower, pair.pUpperBetter, pair.pTied], ['faster-drain', 'slower-drain', 1, 0]);
  assert.equal(pair.constants.map((c: { name: string }) => c.name).sort(), ['Initial Load', 'Tau']);
  // over the prior, gap = t_slow − t_fast = 1.5·τ·ln(S0/20): τ (2…8 h) carries it, S0 (80…120) barely
  const prior = JSON.parse(cli('rank', MODEL, '--uncertainty', '100', '--no-loops', '--no-sensitivity', '--json', '-').stdout);
  assert.is(prior.restsOn[0].constants[0].name, 'Tau');
  assert.ok(prior.restsOn[0].constants[0].eta2 > 0.8 && prior.restsOn[0].constants[0].rho > 0.9, JSON.stringify(prior.restsOn[0].constants[0]));
  const text = cli('rank', MODEL, '--ensemble', ensemble, '--no-loops');
  assert.match(text.stdout, /What the order rests on \(measured on the 60 members of .*decay\.posterior\.json, no new runs\):/);
  assert.match(text.stdout, /faster-drain above slower-drain: better in 100\.0% of draws; median gap/);
  assert.match(text.stdout, /the gap varies with (Tau|Initial Load) \(ε² /);
  assert.not.match(text.stdout, /Pareto frontier.*%|bands of [\d.]+%/, 'a time of event has no percentage of effect');
});

test('rank, sensitivity and report take --ensemble too', () => {
  const rank = cli('rank', MODEL, '--ensemble', ensemble, '--no-loops', '--no-sensitivity', '--json', '-');
  assert.is(rank.code, 0, rank.stderr);
  const ranking = JSON.parse(rank.stdout);
  assert.is(ranking.draws, 60);
  assert.is(ranking.ensemble, ensemble);
  assert.is(ranking.interventions[0].id, 'faster-drain');
  const sens = cli('sensitivity', MODEL, '--ensemble', ensemble, '--json', '-');
  assert.is(sens.code, 0, sens.stderr);
  const s = JSON.parse(sens.stdout);
  assert.is(s.method, 'given-data');
  assert.is(s.runs, 60);
  assert.ok(s.parameters.Tau.lo > 2 && s.parameters.Tau.hi < 8, 'ranges are the members\', not the prior\'s');
  const html = join(dir, 'r.html');
  const report = cli('report', MODEL, '--ensemble', ensemble, '--no-loops', '--sensitivity', 'none', '--html', html);
  assert.is(report.code, 0, report.stderr);
  assert.ok(readFileSync(html, 'utf8').includes('members of the posterior ensemble'));
});

test('bad ensemble files and clashing options are located diagnostics or usage errors', () => {
  const doc = JSON.parse(readFileSync(ensemble, 'utf8'));
  const renamed = tempFile('renamed.json', JSON.stringify({ ...doc, parameters: [{ name: 'Initial Load' }, { name: 'Taux' }], members: [[1, 2], [3]] }, null, 1));
  const r1 = cli('rank', MODEL, '--ensemble', renamed);
  assert.is(r1.code, 1);
  assert.match(r1.stderr, /renamed\.json:\d+:\d+: error\[unknown-variable\] \(parameters\.1\.name\): the ensemble varies 'Taux', which is not in the model — did you mean 'Tau'\?/);
  assert.match(r1.stderr, /renamed\.json:\d+:\d+: error\[bad-ensemble\] \(members\.1\): member 1 has 1 values for 2 parameters/);
  const wrong = tempFile('wrong.json', JSON.stringify({ ...doc, format: 'other', members: 'x' }));
  const r3 = cli('sensitivity', MODEL, '--ensemble', wrong);
  assert.is(r3.code, 1);
  assert.match(r3.stderr, /error\[bad-ensemble\] \(format\)/);
  assert.match(r3.stderr, /error\[bad-ensemble\] \(members\)/);
  assert.is(cli('compare', MODEL, '--ensemble', ensemble, '--uncertainty', '5').code, 2);
  assert.is(cli('calibrate', MODEL, '--data', DATA, '--posterior', '10').code, 2, '--out is required');
  const out = join(dir, 'never.json');
  const noTol = tempFile('e.csv', 'event,variable,aggregate,threshold,time\nb,Load,first_time_below,50,2.8\n');
  const r4 = cli('calibrate', MODEL, '--data', noTol, '--posterior', '10', '--out', out);
  assert.is(r4.code, 1);
  assert.match(r4.stderr, /e\.csv: error\[missing-tolerance\]/);
  assert.not.ok(existsSync(out), 'no ensemble file on failure');
});

test.run();
