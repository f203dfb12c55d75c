/** rankLeverage end to end: models with and without interventions, formats, seeds, threads, bad input. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadModel } from '../../../src/io/load.js';
import { drawConstants } from '../../../src/analysis/draws.js';
import { formatRanking, rankingJson, rankLeverage } from '../../../src/analysis/leverage/index.js';
import { runPaired } from '../../../src/analysis/leverage/paired-runs.js';
import { applyScenario } from '../../../src/scenarios/index.js';
import { modelFrom } from '../../helpers.js';

const path = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const teacup = loadModel(path('models/teacup.yaml'));

test('teacup: interventions by robust effect beside their level, constants by mu* with the rule that fired', async () => {
  const { ranking, diagnostics } = await rankLeverage(teacup, { draws: 40, seed: 3, trajectories: 4, workers: 1 });
  assert.equal(diagnostics, []);
  const r = ranking!;
  assert.is(r.metric.name, 'Final temperature', "the model's first metric");
  // After 30 minutes the colder room matters more than the faster cooling: the shallow fix
  // wins on effect, the deep one on depth, and neither dominates the other.
  assert.equal(r.interventions.map((x) => [x.id, x.level, x.levelSource]), [['cold-room', 12, 'user'], ['thin-cup', 9, 'user']]);
  assert.equal(r.frontier, ['thin-cup', 'cold-room']);
  const thin = r.interventions[1];
  assert.ok(thin.effect.p10 > 0 && thin.effect.pPositive === 1, JSON.stringify(thin.effect));
  assert.equal(thin.auto && [thin.auto.level, thin.auto.rule], [9, 'C'], 'the rules agree with the model file');
  // over their ranges τ (5–20 min) moves the final temperature by ~24 F, the room (60–80 F) by ~19 F
  assert.equal(r.parameters.map((p) => [p.name, p.level.level, p.level.rule]), [['Characteristic Time', 9, 'C'], ['Room Temperature', 12, 'H']]);
  assert.is(r.draws, 40);
  const text = formatRanking(r);
  assert.match(text, /thin-cup +9 +/);
  assert.match(text, /Pareto frontier on \(robust effect, depth of leverage\), no weights: thin-cup \(L9, [\d.]+%\) · cold-room/);
  assert.not.match(text, /VALUE JUDGEMENT/);
});

test('--metric chooses the outcome: on minutes above 120 F the thin cup is deeper and better, so it dominates', async () => {
  const r = (await rankLeverage(teacup, { metric: { kind: 'named', name: 'minutes above 120 f' }, draws: 40, seed: 3, sensitivity: false, workers: 1 })).ranking!;
  assert.is(r.metric.name, 'Minutes above 120 F');
  assert.equal(r.interventions.map((x) => [x.id, x.pareto]), [['thin-cup', { frontier: true }], ['cold-room', { frontier: false, dominatedBy: 'thin-cup' }]]);
});

test('the weighted score is opt-in and labelled as a value judgement', async () => {
  const r = (await rankLeverage(teacup, { draws: 8, beta: 0.5, sensitivity: false, loops: false, workers: 1 })).ranking!;
  assert.is(r.view, 'weighted');
  assert.ok(r.interventions.every((x) => typeof x.score === 'number'));
  assert.match(formatRanking(r), /VALUE JUDGEMENT: the order above weights depth of leverage/);
  const plain = (await rankLeverage(teacup, { draws: 8, sensitivity: false, loops: false, workers: 1 })).ranking!;
  assert.ok(plain.interventions.every((x) => x.score === undefined));
});

test('same seed, same bytes; another seed, other draws', async () => {
  const json = async (seed: number) => rankingJson((await rankLeverage(teacup, { draws: 16, seed, trajectories: 3, workers: 1 })).ranking!);
  const a = await json(5);
  assert.is(await json(5), a);
  assert.is.not(await json(6), a);
  assert.equal(Object.keys(JSON.parse(a)), ['model', 'metric', 'view', 'draws', 'seed', 'baseline', 'interventions', 'counterfactuals', 'frontier', 'settings', 'parameters', 'timeUnit', 'sensitivity', 'loops', 'notes']);
});

test('paired runs give the same numbers on worker threads as in-process', async () => {
  const kinesis = loadModel(path('models/kinesis-outage.yaml'));
  const draws = drawConstants(kinesis, 6, 2);
  const units = ['faster-cold-start', 'fast-restart', 'cloudwatch-3h-buffer'].map((id) => {
    const scenario = kinesis.scenarios!.find((s) => s.id === id)!;
    return { model: applyScenario(kinesis, scenario), scenario };
  });
  const job = { draws, metrics: kinesis.metrics!.slice(0, 3) };
  const local = await runPaired([{ model: kinesis }, ...units], job, { workers: 1 });
  const threads = await runPaired([{ model: kinesis }, ...units], job, { workers: 2, threadsOnly: true });
  assert.equal(threads, local);
  assert.is(local.length, 4);
  assert.ok(local[1].every((r, d) => r['Kinesis full recovery'] < local[0][d]['Kinesis full recovery']), 'a faster cold start recovers earlier in every draw');
});

test('an XMILE model without scenarios or metrics: constants over assumed ranges and its loops', async () => {
  const sir = loadModel(path('models/sir-epidemic.xmile'));
  const { ranking, diagnostics } = await rankLeverage(sir, { metric: { kind: 'output', variable: 'Infected', aggregate: 'max' }, trajectories: 4, workers: 1 });
  assert.equal(diagnostics.filter((d) => d.severity === 'error'), []);
  const r = ranking!;
  assert.is(r.interventions.length, 0);
  assert.ok(r.notes.some((n) => /no scenarios/.test(n)));
  assert.ok(r.parameters.every((p) => p.range.assumed));
  const level = (n: string) => r.parameters.find((p) => p.name === n)!.level;
  assert.equal([level('Illness Duration').level, level('Illness Duration').rule], [9, 'C']);
  assert.equal([level('Contact Rate').level, level('Contact Rate').rule], [7, 'D'], 'the gain of the infection loop');
  assert.ok(r.loops && r.loops.loops.some((l) => l.polarity === 'reinforcing'));
});

const TEACUP_MDL = '/work/shared/test-models/tests/odd_number_quotes/teacup_3quotes.mdl';

test('a Vensim model from the SDXorg suite (skipped when the suite is absent)', async () => {
  if (!existsSync(TEACUP_MDL)) {
    console.log(`  skipped: ${TEACUP_MDL} not found (the SDXorg test-models suite is not checked out)`);
    return;
  }
  const { ranking } = await rankLeverage(loadModel(TEACUP_MDL), { trajectories: 3, workers: 1 });
  const byName = new Map(ranking!.parameters.map((p) => [p.name, p.level]));
  assert.is(byName.get('Characteristic Time')!.level, 9);
  assert.is(byName.get('Room Temperature')!.rule, 'H');
});

test('bad input comes back as diagnostics, never as a throw', async () => {
  const unknown = await rankLeverage(teacup, { metric: { kind: 'named', name: 'Final temprature' } });
  assert.is(unknown.ranking, undefined);
  assert.match(unknown.diagnostics[0].message, /no metric 'Final temprature'/);
  assert.match(unknown.diagnostics[0].hint ?? '', /did you mean 'Final temperature'/);
  const scenario = await rankLeverage(teacup, { scenarios: ['cold-rom'] });
  assert.is(scenario.diagnostics[0].code, 'unknown-scenario');
  const broken = modelFrom('sim: { start: 0, stop: 2, dt: 1 }\nstocks:\n  S: { initial: 1, inflows: [f] }\nflows:\n  f: { equation: S / zero }\nconstants:\n  zero: { value: 0 }\n');
  const failed = await rankLeverage(broken, { workers: 1 });
  assert.is(failed.ranking, undefined);
  assert.ok(failed.diagnostics.some((d) => d.severity === 'error'), JSON.stringify(failed.diagnostics));
});

test.run();
