import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { aggregate, checkMetrics, computeMetrics, improvement, isBetter } from '../../src/analysis/metrics.js';
import type { Metric } from '../../src/model/types.js';
import { bathtub } from '../scenarios/fixture.js';

const t = Float64Array.from([0, 1, 2, 3, 4]);
const y = Float64Array.from([0, 2, 4, 2, 0]);

test('plain aggregates of a hand-made series', () => {
  assert.is(aggregate(t, y, 'initial'), 0);
  assert.is(aggregate(t, y, 'final'), 0);
  assert.is(aggregate(t, y, 'max'), 4);
  assert.is(aggregate(t, y, 'min'), 0);
  assert.is(aggregate(t, y, 'time_of_max'), 2);
  assert.is(aggregate(t, y, 'time_of_min'), 0, 'the first time of the minimum');
});

test('integral is the trapezoid rule, also on uneven time steps; mean is time-weighted', () => {
  assert.is(aggregate(t, y, 'integral'), 8);
  assert.is(aggregate(t, y, 'mean'), 2);
  const tu = Float64Array.from([0, 1, 3]);
  const yu = Float64Array.from([1, 1, 3]);
  assert.is(aggregate(tu, yu, 'integral'), 1 + 4);
  assert.is(aggregate(tu, yu, 'mean'), 5 / 3);
  assert.is(aggregate([2], [7], 'mean'), 7);
});

test('crossing times are interpolated between saved points', () => {
  assert.is(aggregate(t, y, 'first_time_above', 1), 0.5);
  assert.is(aggregate(t, y, 'first_time_above', 3), 1.5);
  assert.is(aggregate(t, y, 'last_time_above', 1), 3.5);
  assert.is(aggregate(t, y, 'first_time_below', 3, ), 0, 'holds at the start');
  assert.is(aggregate(t, y, 'last_time_below', 3), 4, 'still holds at the end');
  const down = Float64Array.from([5, 4, 3, 2, 1]);
  assert.is(aggregate(t, down, 'first_time_below', 2.5), 2.5);
  assert.is(aggregate(t, down, 'last_time_above', 2.5), 2.5);
});

test('crossings that never happen: first_* gives the stop time, last_* the start time', () => {
  assert.is(aggregate(t, y, 'first_time_above', 10), 4);
  assert.is(aggregate(t, y, 'last_time_above', 10), 0);
  assert.is(aggregate(t, y, 'first_time_below', -1), 4);
  assert.is(aggregate(t, y, 'last_time_below', -1), 0);
});

test('computeMetrics reads series by name and keys results by metric name', () => {
  const source = { time: t, series: (n: string) => (n === 'x' ? y : t) };
  const metrics: Metric[] = [
    { name: 'Peak', variable: 'x', aggregate: 'max', better: 'lower' },
    { name: 'Up', variable: 'x', aggregate: 'first_time_above', threshold: 3, better: 'higher' },
  ];
  assert.equal(computeMetrics(metrics, source), { Peak: 4, Up: 1.5 });
});

test('checkMetrics reports unknown variables and missing thresholds', () => {
  const model = bathtub();
  const diags = checkMetrics(model, [
    { name: 'A', variable: 'Watr', aggregate: 'final', better: 'lower' },
    { name: 'B', variable: 'Water', aggregate: 'first_time_above', better: 'lower' },
    { name: 'C', variable: 'Water', aggregate: 'final', better: 'lower' },
  ]);
  assert.equal(diags.map((d) => d.code), ['unknown-variable', 'missing-threshold']);
  assert.equal(checkMetrics(model), []);
});

test('better and improvement follow the metric direction', () => {
  const lower = { better: 'lower' as const };
  const higher = { better: 'higher' as const };
  assert.ok(isBetter(lower, 1, 2));
  assert.not.ok(isBetter(lower, 2, 2));
  assert.not.ok(isBetter(lower, 1 + 1e-12, 1), 'rounding noise is not an improvement');
  assert.ok(isBetter(higher, 3, 2));
  assert.is(improvement(lower, 1, 3), 2);
  assert.is(improvement(higher, 1, 3), -2);
});

test.run();
