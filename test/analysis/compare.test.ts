import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compareRuns, compareVariants, runVariants, selectMetrics, type Variant } from '../../src/analysis/compare.js';
import { interventionSection } from '../../src/plot/report/interventions.js';
import { runEnsemble } from '../../src/analysis/ensemble.js';
import { comparisonCsv, comparisonJson, formatComparison, formatEnsemble } from '../../src/analysis/report.js';
import { applyScenario } from '../../src/scenarios/index.js';
import { simulate } from '../../src/sim/simulate.js';
import { bathtub } from '../scenarios/fixture.js';

const model = bathtub();
const variants: Variant[] = model.scenarios!.map((scenario) => ({ scenario, model: applyScenario(model, scenario) }));
const { metrics } = selectMetrics(model);

test('compare runs baseline and variants and reports metrics and deltas', () => {
  const c = compareVariants(model, variants, metrics);
  const base = simulate(model).final('Water');
  assert.is(c.baseline.metrics['Final water'], base);
  const slow = c.scenarios.find((s) => s.id === 'slow-tap')!;
  assert.is(slow.leverage, 12);
  assert.is(slow.title, 'Slow tap');
  assert.is(slow.delta['Final water'], slow.metrics['Final water'] - base);
  assert.is(c.scenarios.find((s) => s.id === 'nothing')!.leverage, null);
});

test('runs made once are compared without running again: compareRuns reads the runs it is given, and the report\'s interventions reuse its baseline run', () => {
  const runs = runVariants(model, variants);
  assert.equal([...runs.variants.keys()], variants.map((v) => v.scenario.id));
  assert.equal(compareRuns(model, variants, metrics, runs), compareVariants(model, variants, metrics));
  // A baseline run with another tap rate (7, not 10) stands in for the model's own: its final
  // water, not the model's, is what the comparison reports.
  const other = simulate(model, { overrides: { 'Tap Rate': 7 } });
  assert.is(compareRuns(model, variants, metrics, runVariants(model, variants, {}, other)).baseline.metrics['Final water'], other.final('Water'));
  const section = interventionSection({ model, baseline: other, variants, metrics }, () => '');
  assert.is(section.comparison.baseline.metrics['Final water'], other.final('Water'), 'the report section runs no second baseline');
  assert.not.equal(other.final('Water'), simulate(model).final('Water'));
});

test('variants are ranked by the first metric, ties broken by the next', () => {
  const c = compareVariants(model, variants, metrics);
  const fw = c.scenarios.map((s) => s.metrics['Final water']);
  for (let i = 1; i < fw.length; i++) assert.ok(fw[i - 1] <= fw[i] + 1e-9, 'lower final water first');
  assert.is(c.scenarios[c.scenarios.length - 1].id, 'nothing');
  const byPeak = compareVariants(model, variants, [metrics[1], metrics[0]]);
  assert.is(byPeak.scenarios[0].id, 'fast-drain', 'higher peak drain is better');
});

test('selectMetrics resolves names and reports unknown ones', () => {
  assert.equal(selectMetrics(model, ['peak drain']).metrics.map((m) => m.name), ['Peak drain']);
  const bad = selectMetrics(model, ['Final watr']);
  assert.is(bad.diagnostics[0].code, 'unknown-metric');
  assert.is(bad.diagnostics[0].hint, "did you mean 'Final water'?");
});

test('the JSON has exactly the documented shape', () => {
  const json = JSON.parse(comparisonJson(compareVariants(model, variants, metrics)));
  assert.equal(Object.keys(json), ['baseline', 'scenarios', 'counterfactuals']);
  assert.equal(Object.keys(json.baseline), ['metrics']);
  assert.equal(Object.keys(json.scenarios[0]), ['id', 'title', 'kind', 'leverage', 'metrics', 'delta']);
});

test('the ensemble is reproducible byte for byte for a seed', () => {
  const run = (seed: number) => runEnsemble(model, variants, { draws: 12, seed, metrics });
  assert.is(JSON.stringify(run(5)), JSON.stringify(run(5)));
  assert.is.not(JSON.stringify(run(5)), JSON.stringify(run(6)));
});

test('paired runs: a scenario that changes nothing has zero effect in every draw', () => {
  const e = runEnsemble(model, variants, { draws: 10, seed: 1, metrics });
  const nothing = e.scenarios.find((s) => s.id === 'nothing')!.effects['Final water'];
  assert.equal([nothing.medianDelta, nothing.p10Delta, nothing.p90Delta, nothing.pBeatsBaseline], [0, 0, 0, 0]);
  const slow = e.scenarios.find((s) => s.id === 'slow-tap')!.effects['Final water'];
  assert.ok(slow.pBeatsBaseline === 1 && slow.p10Delta <= slow.medianDelta && slow.medianDelta <= slow.p90Delta);
  const total = e.scenarios.reduce((s, x) => s + x.effects['Final water'].pBest, 0);
  assert.ok(Math.abs(total - 1) < 1e-12, 'the best-of probabilities sum to 1');
  assert.equal(e.factors, ['Tap Rate', 'Drain Time']);
});

test('constants the scenario sets are not overridden by the draws', () => {
  const scenario = { id: 'pinned', title: 'Pinned', changes: [{ kind: 'set' as const, variable: 'Tap Rate', value: 5 }, { kind: 'set' as const, variable: 'Drain Time', value: 3 }] };
  const pinned = applyScenario(model, scenario);
  const e = runEnsemble(model, [{ scenario, model: pinned }], { draws: 8, seed: 2, metrics });
  assert.is(e.scenarios[0].metrics['Final water'], simulate(pinned).final('Water'), 'every draw runs the scenario as written');
  const b = e.baseline['Final water'];
  assert.ok(b.p10 < b.p90, 'while the baseline varies with the draws');
});

test('the table, CSV and JSON forms carry every scenario', () => {
  const c = compareVariants(model, variants, metrics);
  const e = runEnsemble(model, variants, { draws: 6, seed: 3, metrics });
  const table = formatComparison(c, metrics, 'Bathtub');
  for (const v of variants) assert.ok(table.includes(v.scenario.id));
  assert.ok(table.includes('M1 = Final water') && table.includes('baseline'));
  assert.ok(formatEnsemble(e, metrics).includes('P(best)'));
  const csv = comparisonCsv(c, metrics, e).trim().split('\n');
  assert.is(csv.length, 1 + 1 + variants.length);
  assert.ok(csv[0].startsWith('id,title,kind,leverage,Final water,Peak drain,delta Final water'));
  const json = JSON.parse(comparisonJson(c, e));
  assert.equal(Object.keys(json), ['baseline', 'scenarios', 'counterfactuals', 'uncertainty']);
  assert.ok('pBest' in json.scenarios[0].ensemble['Final water']);
});

test.run();
