/**
 * Times of events are times, not quantities: shown as H:MM and differences in hours and
 * minutes, never as percentages; crossings that do not happen are censored states ("never
 * happened", "not by the end of the run") in the table, the CSV and the JSON, and rank as
 * such. Counterfactuals are shown apart and never ranked with the remediations.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compareVariants, paretoAcross, type Variant } from '../../src/analysis/compare.js';
import { comparisonCsv, comparisonJson, formatComparison, formatEnsemble } from '../../src/analysis/report.js';
import { runEnsemble } from '../../src/analysis/ensemble.js';
import { computeMetric, isBetter, metricKind, NEVER, NOT_BY_END } from '../../src/analysis/metrics.js';
import { formatChange, formatDuration, formatEffect, formatTime } from '../../src/analysis/metric-format.js';
import { effectSizes } from '../../src/analysis/leverage/effects.js';
import type { Metric, Model, Scenario } from '../../src/model/types.js';
import { formatRanking, rankLeverage } from '../../src/analysis/leverage/index.js';
import { rankingJson } from '../../src/analysis/leverage/json.js';
import { applyScenario } from '../../src/scenarios/index.js';

/** An outage: availability falls at 2 h and recovers at a rate; a scenario changes the rate. */
const outage: Model = {
  name: 'outage', sim: { start: 0, stop: 30, dt: 0.0625, saveper: 0.25, method: 'euler', timeUnit: 'hour' },
  variables: [
    { kind: 'stock', name: 'Health', id: 'health', initial: '1', inflows: ['Repair'], outflows: ['Damage'] },
    { kind: 'flow', name: 'Repair', id: 'repair', equation: 'if time > 4 then Repair_Rate * (1 - Health) else 0' },
    { kind: 'flow', name: 'Damage', id: 'damage', equation: 'if time >= 2 and time < 3 then Hit else 0' },
    { kind: 'constant', name: 'Repair Rate', id: 'repair_rate', value: 0.3 },
    { kind: 'constant', name: 'Hit', id: 'hit', value: 0.9 },
  ],
  metrics: [
    { name: 'Recovered', variable: 'Health', aggregate: 'last_time_below', threshold: 0.99, better: 'lower', units: 'hour' },
    { name: 'Lost', variable: 'Health', aggregate: 'min', better: 'higher' },
  ],
  scenarios: [
    { id: 'faster', title: 'Faster repair', kind: 'remediation', changes: [{ kind: 'set', variable: 'Repair Rate', value: 0.6 }] },
    { id: 'no-hit', title: 'Nothing breaks', kind: 'remediation', changes: [{ kind: 'set', variable: 'Hit', value: 0 }] },
    { id: 'never-repair', title: 'Nobody repairs', kind: 'counterfactual', changes: [{ kind: 'set', variable: 'Repair Rate', value: 0 }] },
  ],
};
const variants: Variant[] = outage.scenarios!.map((scenario: Scenario) => ({ scenario, model: applyScenario(outage, scenario) }));
const [recovered] = outage.metrics!;

test('crossing and time-of aggregates are times of events; the others quantities', () => {
  assert.is(metricKind(recovered), 'time');
  assert.is(metricKind({ aggregate: 'time_of_max' }), 'time');
  assert.is(metricKind({ aggregate: 'integral' }), 'quantity');
});

test('a crossing that never happens, or is still on at the end, is a censored state, not 0 or the stop time', () => {
  const c = compareVariants(outage, variants, outage.metrics!);
  const by = new Map([...c.scenarios, ...c.counterfactuals].map((s) => [s.id, s.metrics.Recovered]));
  assert.is(by.get('no-hit'), NEVER);
  assert.is(by.get('never-repair'), NOT_BY_END);
  assert.ok(Number.isFinite(c.baseline.metrics.Recovered) && c.baseline.metrics.Recovered > 4);
  const first: Metric = { name: 'Onset', variable: 'Health', aggregate: 'first_time_below', threshold: 0.1, better: 'higher' };
  const r = { time: new Float64Array([0, 1, 2]), series: () => new Float64Array([1, 1, 1]) };
  assert.is(computeMetric(first, r), NOT_BY_END, 'first_time that never holds: not by the end of the run');
});

test('censored states rank as such: never happened before any time, not by the end after any time', () => {
  assert.ok(isBetter(recovered, NEVER, 5) && isBetter(recovered, 29.9, NOT_BY_END) && !isBetter(recovered, NEVER, NEVER));
  const c = compareVariants(outage, variants, outage.metrics!);
  assert.equal(c.scenarios.map((s) => s.id), ['no-hit', 'faster']);
});

test('counterfactuals are shown apart and never ranked with the remediations', () => {
  const c = compareVariants(outage, variants, outage.metrics!);
  assert.equal(c.counterfactuals.map((s) => s.id), ['never-repair']);
  assert.ok(!c.scenarios.some((s) => s.kind === 'counterfactual'));
  const table = formatComparison(c, outage.metrics!);
  const [ranked, apart] = table.split('Counterfactuals');
  assert.ok(apart.includes('never-repair') && !ranked.includes('never-repair'));
});

test('no percentage of a time anywhere: table, ensemble table, CSV, JSON, effects', () => {
  const c = compareVariants(outage, variants, [recovered]);
  const table = formatComparison(c, [recovered]);
  const rows = table.split('\n').filter((l) => /^\d|^ +baseline/.test(l.trim()) || l.includes('baseline'));
  for (const row of rows) assert.not.match(row, /%/, row);
  assert.match(table, /never happened/);
  assert.match(table, /not by the end of the run/);
  assert.match(table, /−\d+ h \d\d min|−\d+ min/);
  const e = runEnsemble(outage, variants.slice(0, 2), { draws: 3, seed: 1, metrics: [recovered] });
  assert.not.match(formatEnsemble(e, [recovered], { unit: 'hour' }).split('\n').slice(3).join('\n'), /%/);
  const json = JSON.parse(comparisonJson(c));
  assert.is(json.scenarios.find((s: { id: string }) => s.id === 'no-hit').metrics.Recovered, 'never happened');
  assert.is(json.counterfactuals[0].metrics.Recovered, 'not by the end of the run');
  assert.match(comparisonCsv(c, [recovered]), /never happened/);
  const sizes = effectSizes(recovered, [10, 10], [[8, 9]]);
  assert.is(sizes[0].effect.median, 1.5, 'the effect on a time is in hours (10 − 8.5), not a fraction of 10');
});

test('the Pareto view across metrics needs no weights: an outcome is dominated only if beaten on every metric', () => {
  const o = (id: string, a: number, b: number) => ({ id, title: id, kind: 'remediation' as const, leverage: null, metrics: { A: a, B: b }, delta: {} });
  const ms: Metric[] = [{ name: 'A', variable: 'x', aggregate: 'integral', better: 'lower' }, { name: 'B', variable: 'y', aggregate: 'integral', better: 'lower' }];
  const d = paretoAcross([o('p', 1, 5), o('q', 5, 1), o('r', 2, 6), o('s', 1, 5)], ms);
  assert.equal([d.get('p'), d.get('q'), d.get('r'), d.get('s')], [undefined, undefined, 'p', undefined]);
});

test('times print as H:MM and differences as hours and minutes', () => {
  const hour = { unit: 'hour' };
  assert.is(formatTime(22 + 23 / 60, hour), '22:23');
  assert.is(formatTime(26 + 5 / 60, hour), '02:05 +1d');
  assert.is(formatTime(NEVER, hour), 'never happened');
  assert.is(formatDuration(-(2 + 15 / 60), 'hour'), '−2 h 15 min');
  assert.is(formatDuration(0.75, 'hour'), '+45 min');
  assert.is(formatChange(recovered, 20, 22.5, hour), '−2 h 30 min');
  assert.is(formatChange(recovered, NEVER, 22.5, hour), 'never happened');
  assert.is(formatEffect(recovered, 2.5, 'hour'), '2 h 30 min earlier');
  assert.is(formatTime(3, { unit: 'day' }), '3 day');
});

test('a model with a clock (sim.time_origin) shows times of events as its clock times, the report\'s conversion', () => {
  const sixAm = { unit: 'hour', origin: '2020-11-25T06:00-08:00' };
  assert.is(formatTime(1.25, sixAm), '07:15', 'time 1.25 h after a 06:00 origin is 07:15, not 01:15');
  assert.is(formatTime(20, sixAm), '11-26 02:00', 'past midnight of the origin day the date is shown');
  assert.is(formatTime(90, { unit: 'minute', origin: '2020-11-25T00:00Z' }), '01:30');
  assert.is(formatChange(recovered, 3, 1.25, sixAm), '+1 h 45 min', 'a difference of times does not depend on the origin');
  assert.is(formatTime(NOT_BY_END, sixAm), 'not by the end of the run');
  const shifted = compareVariants({ ...outage, sim: { ...outage.sim, timeUnit: 'hour', timeOrigin: '2020-11-25T06:00-08:00' } }, variants, [recovered]);
  const plain = compareVariants({ ...outage, sim: { ...outage.sim, timeUnit: 'hour', timeOrigin: undefined } }, variants, [recovered]);
  const t = plain.baseline.metrics.Recovered;
  assert.ok(formatComparison(shifted, [recovered]).includes(formatTime(t, sixAm)), 'compare prints the baseline on the clock');
  assert.ok(formatComparison(shifted, [recovered]).includes('time_origin 2020-11-25T06:00-08:00'));
});

test('rank on a time of event: effects in hours and minutes, no percentage; counterfactuals apart', async () => {
  const withRange: Model = { ...outage, variables: outage.variables.map((v) => (v.id === 'repair_rate' ? { ...v, uncertainty: { min: 0.2, max: 0.4, distribution: 'uniform' as const } } : v)) };
  const { ranking, diagnostics } = await rankLeverage(withRange, { metric: { kind: 'named', name: 'Recovered' }, draws: 4, loops: false, sensitivity: false, workers: 1 });
  assert.ok(ranking, JSON.stringify(diagnostics));
  assert.equal(ranking!.interventions.map((x) => x.id), ['no-hit', 'faster']);
  assert.equal(ranking!.counterfactuals.map((x) => x.id), ['never-repair']);
  const text = formatRanking(ranking!);
  const table = text.split('\n').filter((l) => /^\s+\d+\s+(no-hit|faster|never-repair)/.test(l));
  assert.is(table.length, 3);
  for (const row of table) assert.not.match(row, /%/, row);
  assert.match(text, /h \d\d min earlier|min earlier/);
  assert.match(text, /\+∞ \(censored\)/);
  assert.match(text, /Counterfactuals \(what-ifs about the event/);
  const json = JSON.parse(rankingJson(ranking!));
  const noHit = json.interventions.find((x: { id: string }) => x.id === 'no-hit');
  assert.is(noHit.effect.median, '+∞ (censored)', 'an event that never happens is recovered infinitely earlier, not null');
  assert.is(noHit.delta.median, '−∞ (censored)');
  assert.is(json.counterfactuals[0].effect.median, '−∞ (censored)', 'never repaired: not by the end of the run');
  assert.is(typeof json.interventions.find((x: { id: string }) => x.id === 'faster').effect.median, 'number');
  assert.not.match(rankingJson(ranking!), /null/, 'no censored value is written as null');
  assert.equal(json.interventions.map((x: { band: number }) => x.band), [0, 1], 'a finite effect is one band below an infinite one');
});

test.run();
