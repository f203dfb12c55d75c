/**
 * Relative loop scores of logistic growth against Stella's, as published with simlin
 * (bpowers/simlin test/logistic_growth_ltm/ltm_results.tsv: percentages at t = 0 … 100,
 * dt = 1, Euler; model test/fixtures/loops/logistic.yaml). Stella labels the score of the
 * interval [t, t + dt] with t (interval-start); our default labels it t + dt
 * (interval-end), so the same numbers appear one step later. Tolerance: the file gives
 * 3 significant digits printed with 2 decimals, so |ours − theirs| ≤ max(0.006, 0.0051·|theirs|)
 * percentage points. At t = 0 Stella reports 0 (no history); interval-start here reports
 * the first interval's score, so t = 0 is not compared.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyse, fixture } from './helpers.js';

const R1 = '0 99.40 99.40 99.30 99.20 99.10 99 98.90 98.80 98.60 98.50 98.30 98.10 97.90 97.60 97.30 97 96.70 96.30 95.80 95.40 94.80 94.20 93.60 92.90 92.10 91.20 90.20 89.20 88 86.70 85.40 83.90 82.20 80.50 78.60 76.60 74.40 72.20 69.70 67.20 64.60 61.80 59 56.10 53.10 50.10 47.10 44.20 41.20 38.30 35.50 32.70 30.10 27.50 25.10 22.90 20.80 18.80 17 15.30 13.70 12.30 11 9.83 8.77 7.81 6.94 6.17 5.47 4.85 4.30 3.80 3.37 2.98 2.63 2.32 2.05 1.81 1.60 1.41 1.24 1.09 0.96 0.85 0.75 0.66 0.58 0.51 0.45 0.40 0.35 0.31 0.27 0.24 0.21 0.19 0.16 0.14 0.13 0.11';
const B1 = '0 -0.56 -0.63 -0.70 -0.79 -0.88 -0.98 -1.10 -1.23 -1.38 -1.54 -1.72 -1.92 -2.15 -2.40 -2.68 -3 -3.35 -3.73 -4.16 -4.64 -5.17 -5.76 -6.42 -7.14 -7.93 -8.81 -9.77 -10.80 -12 -13.30 -14.60 -16.10 -17.80 -19.50 -21.40 -23.40 -25.60 -27.80 -30.30 -32.80 -35.40 -38.20 -41 -43.90 -46.90 -49.90 -52.90 -55.80 -58.80 -61.70 -64.50 -67.30 -69.90 -72.50 -74.90 -77.10 -79.20 -81.20 -83 -84.70 -86.30 -87.70 -89 -90.20 -91.20 -92.20 -93.10 -93.80 -94.50 -95.10 -95.70 -96.20 -96.60 -97 -97.40 -97.70 -98 -98.20 -98.40 -98.60 -98.80 -98.90 -99 -99.20 -99.30 -99.30 -99.40 -99.50 -99.50 -99.60 -99.70 -99.70 -99.70 -99.80 -99.80 -99.80 -99.80 -99.90 -99.90 -99.90';
const reference = { reinforcing: R1.split(' ').map(Number), balancing: B1.split(' ').map(Number) };

function check(series: Float64Array, expected: number[], shift: number, what: string) {
  for (let t = 1; t + shift < series.length; t++) {
    const k = t + shift;
    const ours = 100 * series[k];
    const tol = Math.max(0.006, 0.0051 * Math.abs(expected[t]));
    assert.ok(Math.abs(ours - expected[t]) <= tol, `${what} at t = ${t}: ours ${ours.toFixed(4)}, Stella ${expected[t]}`);
  }
}

test('logistic growth has one reinforcing and one balancing loop through Population', () => {
  const a = analyse(fixture('logistic.yaml'));
  assert.equal(a.loops.map((l) => l.polarity).sort(), ['balancing', 'reinforcing']);
  assert.equal(a.loops.find((l) => l.polarity === 'reinforcing')!.variables, ['Population', 'Net Birth Rate']);
});

test('relative loop scores match Stella with interval-start labels', () => {
  const a = analyse(fixture('logistic.yaml'), { labels: 'interval-start' });
  for (const l of a.loops) check(l.relative, reference[l.polarity], 0, l.id);
});

test('interval-end labels report the same numbers one dt later', () => {
  const a = analyse(fixture('logistic.yaml'));
  for (const l of a.loops) check(l.relative, reference[l.polarity], 1, l.id);
  for (const l of a.loops) assert.is(l.relative[0], 0, 'nothing at the first time');
});

test('dominance passes from the reinforcing to the balancing loop between t = 47 and 48', () => {
  const a = analyse(fixture('logistic.yaml'));
  const [r, b] = ['reinforcing', 'balancing'].map((p) => a.loops.find((l) => l.polarity === p)!.id);
  assert.equal(a.dominance.map((d) => ({ from: d.from, to: d.to, loops: d.loops })), [
    { from: 1, to: 47, loops: [r] },
    { from: 48, to: 100, loops: [b] },
  ]);
});

test('continuous limit: the balancing share tends to P/K and takes over at P = K/2 (t = ln(199)/0.12)', () => {
  const model = fixture('logistic.yaml');
  const a = analyse(model, { dt: 1 / 64, saveper: 0.25 });
  const b = a.loops.find((l) => l.polarity === 'balancing')!;
  const P = (t: number) => 1000 / (1 + 199 * Math.exp(-0.12 * t));
  for (let k = 1; k < a.time.length; k++) {
    const t = a.time[k];
    assert.ok(Math.abs(-b.relative[k] - P(t) / 1000) < 0.005, `t = ${t}: share ${-b.relative[k]} vs P/K ${P(t) / 1000}`);
  }
  const switchTime = a.dominance[1].from;
  assert.ok(Math.abs(switchTime - Math.log(199) / 0.12) < 0.3, `switch at ${switchTime}`);
});

test.run();
