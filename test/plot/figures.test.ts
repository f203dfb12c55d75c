/** Figure builders give the expected Plotly data (golden JSON, numbers rounded to 4 digits). */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { modelFrom } from '../helpers.js';
import { simulate } from '../../src/sim/simulate.js';
import {
  effectMatrixFigure, interventionFigure, leverageFigure, loopDominanceFigure, loopDominanceFigures, morrisFigure, probabilityFigure,
  round, roundAll, runsFigure, scenarioOverlayFigure, sobolFigure, timeSeriesFigure, tornadoFigure, levelColor, levelName, interventionColor, levelDash,
} from '../../src/plot/index.js';
import { matchesGolden } from './golden.js';
import * as d from './data.js';

const decay = modelFrom(`name: decay
sim: { start: 0, stop: 4, dt: 0.5, saveper: 1 }
stocks:
  Level: { initial: 100, outflows: [Drain], units: litres }
flows:
  Drain: { equation: Level * Rate, units: litres/hour }
constants:
  Rate: { value: 0.25, uncertainty: { min: 0.1, max: 0.5, distribution: uniform } }
`);

test('round keeps significant digits and turns non-finite values into gaps', () => {
  assert.is(round(123456.789, 4), 123500);
  assert.is(round(0.000123456, 3), 0.000123);
  assert.is(round(NaN), null);
  assert.equal(roundAll([1 / 3, Infinity], 2), [0.33, null]);
});

test('a time series has one line per variable at the save times', () => {
  const r = simulate(decay);
  const fig = timeSeriesFigure(r, ['Level', 'Drain'], { timeUnit: 'hour' });
  assert.is(fig.data.length, 2);
  assert.equal(fig.data[0].x, [0, 1, 2, 3, 4]);
  matchesGolden('timeseries', fig);
});

test('a stacked time series puts every variable in one stack group', () => {
  const fig = timeSeriesFigure(simulate(decay), ['Level', 'Drain'], { stacked: true });
  assert.ok(fig.data.every((t) => t.stackgroup === 'one'));
});

test('runs of several scenarios get one line per variable and run', () => {
  const r = simulate(decay);
  const fig = runsFigure([{ id: 'baseline', result: r }, { id: 'slow', result: simulate(decay, { overrides: { Rate: 0.1 } }) }], ['Level', 'Drain']);
  assert.equal(fig.data.map((t) => t.name), ['Level · baseline', 'Drain · baseline', 'Level · slow', 'Drain · slow']);
});

test('a scenario overlay draws the baseline black, each scenario in its own colour with its Meadows level as line style, bands tied to their lines', () => {
  const t = [0, 1, 2];
  const fig = scenarioOverlayFigure('Level', { id: 'baseline', time: t, values: [3, 2, 1], band: { low: [2, 1, 0], high: [4, 3, 2] } },
    [{ id: 'cells', title: 'Cellular', leverage: 10, time: t, values: [3, 3, 3] }, { id: 'rush', leverage: null, time: t, values: [3, 1, 0], visible: false }], { bandLabel: 'P10–P90' });
  assert.is(fig.data.length, 4);
  assert.is(fig.data[0].fill, 'toself');
  assert.is(fig.data[0].legendgroup, fig.data[1].legendgroup);
  const line = (k: number) => fig.data[k].line as { color: string; dash: string };
  assert.is(line(2).color, interventionColor(0));
  assert.is(line(3).color, interventionColor(1));
  assert.is(line(2).dash, levelDash(10));
  assert.is(line(1).dash, 'solid');
  assert.is(fig.data[2].name, 'cells · L10');
  assert.is(fig.data[3].visible, 'legendonly');
  matchesGolden('overlay', fig);
});

test('intervention bars point right when better, are grouped by Meadows level and carry ensemble whiskers', () => {
  const fig = interventionFigure(d.comparison, d.metrics[0], { ensemble: d.ensemble });
  assert.equal(fig.data.map((t) => t.name), [levelName(6), levelName(10), levelName(11), levelName(null), 'median, P10–P90 over 20 draws']);
  const cells = fig.data.find((t) => t.name === levelName(10))!;
  assert.equal(cells.x, [10]);
  const whisk = fig.data[4] as unknown as { x: number[]; error_x: { array: number[]; arrayminus: number[] } };
  assert.equal(whisk.x, [10, 6, 0.5, -3]);
  assert.equal(whisk.error_x.array, [4, 3, 0.5, 2]);
  assert.equal(whisk.error_x.arrayminus, [2, 4, 0.5, 3]);
  matchesGolden('interventions', fig);
});

test('the effect matrix shows relative improvement per scenario and metric', () => {
  const fig = effectMatrixFigure(d.comparison, d.metrics);
  assert.equal(fig.data[0].z, [[100, 25], [60, 12.5], [5, 0], [-30, -12.5]]);
  matchesGolden('effect-matrix', fig);
});

test('the probability chart follows the ensemble ranking', () => {
  const fig = probabilityFigure(d.ensemble, d.metrics[0]);
  assert.equal(fig.data[1].x, [0.9, 0.1, 0, 0]);
  matchesGolden('probability', fig);
});

test('loop dominance stacks reinforcing loops up and balancing loops down, with dominance labels', () => {
  const fig = loopDominanceFigure(d.loops, { timeUnit: 'year' });
  assert.equal(fig.data.map((t) => [t.name, t.stackgroup]), [['B1', 'B'], ['R1', 'R'], ['B2', 'B']]);
  assert.equal((fig.layout.annotations as { text: string }[]).map((a) => a.text), ['R1', 'B1']);
  matchesGolden('loops', fig);
});

test('loops the model names are labelled by their declared names in the legend, the hover and the dominance labels', () => {
  const named = { ...d.loops, loops: d.loops.loops.map((l) => (l.id === 'R1' ? { ...l, name: 'R9 word of mouth' } : l)) };
  const fig = loopDominanceFigure(named);
  assert.equal(fig.data.map((t) => t.name), ['B1', 'R9 word of mouth', 'B2']);
  assert.match(String(fig.data[1].hovertemplate ?? fig.data[1].text ?? JSON.stringify(fig.data[1])), /R9 word of mouth \(found as R1\)/);
  assert.equal((fig.layout.annotations as { text: string }[]).map((a) => a.text), ['R9 word of mouth', 'B1']);
});

test('weak loops beyond the limit are summed per polarity, and partitions get a figure each', () => {
  const fig = loopDominanceFigure(d.loops, { maxLoops: 1 });
  assert.equal(fig.data.map((t) => t.name), ['B1', '1 other reinforcing loop', '1 other balancing loop']);
  const figs = loopDominanceFigures({ ...d.loops, partitions: [{ stocks: ['Adopters'], loops: ['R1'] }, { stocks: ['Potential Adopters'], loops: ['B1', 'B2'] }] });
  assert.is(figs.length, 2);
});

test('sensitivity: an OAT tornado around the nominal run, Morris mu* and sigma, Sobol S1 and ST', () => {
  const t = tornadoFigure(d.oat);
  assert.equal(t.data[0].y, ['Characteristic Time', 'Room Temperature']);
  assert.equal(t.data[0].x, [-20, -10]);
  assert.equal(t.data[1].x, [30, 10]);
  matchesGolden('tornado', t);
  const m = morrisFigure(d.morris);
  assert.equal(m.data[0].y, ['b', 'a', 'c']);
  matchesGolden('morris', m);
  const s = sobolFigure(d.sobol);
  assert.equal(s.data[1].x, [0.5576, 0.4424, 0.2437]);
  matchesGolden('sobol', s);
});

test('the leverage ranking keeps its order and colours entries by Meadows level', () => {
  const fig = leverageFigure(d.leverage);
  assert.equal((fig.layout.yaxis as { categoryarray: string[] }).categoryarray, ['cells · intervention', 'Thread Limit · parameter', 'alarm · intervention', 'rush · intervention']);
  assert.equal(fig.data.map((t) => t.name), [levelName(6), levelName(10), levelName(12), levelName(null)]);
  matchesGolden('leverage', fig);
});

test('figures are plain JSON data', () => {
  const fig = interventionFigure(d.comparison, d.metrics[0]);
  assert.equal(JSON.parse(JSON.stringify(fig)), fig);
});

test.run();
