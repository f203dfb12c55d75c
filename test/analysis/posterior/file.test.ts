/** The ensemble file: written by posteriorJson, read back for a model, run by compare's engine. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fileURLToPath } from 'node:url';
import { loadModel } from '../../../src/io/load.js';
import { parseLocated } from '../../../src/io/located.js';
import { ensembleFromJson, posteriorJson, type Posterior } from '../../../src/analysis/posterior/index.js';
import { runEnsemble } from '../../../src/analysis/ensemble.js';
import { formatEnsemble } from '../../../src/analysis/report.js';
import { selectMetrics } from '../../../src/analysis/compare.js';
import { selectVariants } from '../../../src/scenarios/index.js';

const decay = loadModel(fileURLToPath(new URL('../../fixtures/posterior/decay.yaml', import.meta.url)));

const posterior: Posterior = {
  seed: 4,
  parameters: [
    { name: 'Initial Load', prior: { min: 80, max: 120, distribution: 'uniform' }, mean: 100, sd: 1, p05: 99, p50: 100, p95: 101, rhat: 1.001, ess: 900 },
    { name: 'Tau', prior: { min: 2, max: 8, distribution: 'uniform' }, mean: 4, sd: 0.1, p05: 3.9, p50: 4, p95: 4.1, rhat: 1.002, ess: 850 },
  ],
  members: [[100, 4], [90, 3], [110, 5]],
  sampler: { method: 'DREAM(ZS)', chains: 8, generations: 100, burnIn: 50, crossover: [1 / 3, 2 / 3, 1], crossoverProbabilities: [0.5, 0.3, 0.2], jumpRate: 0.2, archiveEvery: 10, evaluations: 808, acceptance: 0.3, outlierResets: 0, failedRuns: 0 },
  convergence: { maxRhat: 1.002, minEss: 850, rhatThreshold: 1.01, essThreshold: 800, converged: true },
  fit: [],
};
const text = posteriorJson(posterior, { model: { file: 'decay.yaml', sha256: 'a'.repeat(64) }, data: { files: [{ file: 'd.csv' }] } });

function read(json: string, modelSha256?: string) {
  const p = parseLocated(json, 'e.json');
  return ensembleFromJson(decay, { value: p.value, file: 'e.json', locate: p.locate, modelSha256 });
}

test('an ensemble file reads back as the members it holds, and compare runs exactly those, paired', () => {
  const r = read(text, 'a'.repeat(64));
  assert.equal(r.diagnostics, []);
  assert.equal(r.draws, { seed: 4, factors: ['Initial Load', 'Tau'], rows: [[100, 4], [90, 3], [110, 5]], fixed: [], from: 'e.json' });
  const metrics = selectMetrics(decay).metrics;
  const e = runEnsemble(decay, selectVariants(decay, 'all').variants, { draws: 999, members: r.draws, seed: 1, metrics });
  assert.is(e.draws, 3);
  assert.is(e.from, 'e.json');
  // time below 20 = τ·ln(S0/20): the median member (S0 100, τ 4) gives 6.44 h
  assert.ok(Math.abs(e.baseline['Time below 20'].median - 4 * Math.log(5)) < 0.01, JSON.stringify(e.baseline));
  const out = formatEnsemble(e, metrics);
  assert.match(out, /3 members of the posterior ensemble e\.json \(seed 4\)/);
  assert.match(out, /P\(best\) ± se/);
  assert.match(out, /1\.00 ± 0\.00/);
});

test('a changed model is a warning; unknown names, short members and schema errors are located errors', () => {
  assert.equal(read(text, 'b'.repeat(64)).diagnostics.map((d) => [d.code, d.severity, d.line]), [['ensemble-model-changed', 'warning', 8]]);
  const doc = JSON.parse(text);
  const bad = read(JSON.stringify({ ...doc, parameters: [{ name: 'Load' }, { name: 'Tau' }, { name: 'tau' }], members: [[1, 2, 3], [1]] }, null, 1));
  assert.equal(bad.diagnostics.map((d) => [d.code, d.field]), [
    ['not-a-parameter', 'parameters.0.name'], ['duplicate-name', 'parameters.2.name'], ['bad-ensemble', 'members.1'],
  ]);
  assert.ok(bad.diagnostics.every((d) => d.file === 'e.json' && d.line! > 1));
  const schema = read(JSON.stringify({ ...doc, version: 2, seed: -1 }));
  assert.equal(schema.diagnostics.map((d) => d.field), ['version', 'seed']);
  assert.is(schema.draws, undefined);
});

test.run();
