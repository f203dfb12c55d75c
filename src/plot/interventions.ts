/**
 * The comparison of interventions, as pictures: the effect of each scenario on one outcome
 * metric as bars coloured by Meadows level (best at the top, "better" always to the right),
 * with P10–P90 whiskers over an uncertainty ensemble; every metric at once as a heatmap of
 * relative improvement; and the ensemble's probabilities of beating the baseline and of
 * being the best intervention.
 */
import type { Metric } from '../model/types.js';
import type { Comparison } from '../analysis/compare.js';
import type { Ensemble } from '../analysis/ensemble.js';
import { effectOf, improvement, metricKind } from '../analysis/metrics.js';
import { baseLayout, label, round, type Figure, type Trace } from './figure.js';
import { levelColor, levelName } from './palette.js';

export interface InterventionOptions {
  readonly ensemble?: Ensemble;
  readonly title?: string;
}

/** Bars of improvement vs baseline on `metric` (positive = better), one trace per Meadows level. */
export function interventionFigure(c: Comparison, metric: Metric, o: InterventionOptions = {}): Figure {
  const base = c.baseline.metrics[metric.name];
  const ids = c.scenarios.map((s) => s.id);
  const levels = [...new Set(c.scenarios.map((s) => s.leverage))].sort(byLevel);
  const data: Trace[] = levels.map((level) => {
    const rows = c.scenarios.filter((s) => s.leverage === level);
    return {
      type: 'bar', orientation: 'h', name: levelName(level), marker: { color: levelColor(level) },
      y: rows.map((s) => s.id),
      x: rows.map((s) => round(improvement(metric, s.metrics[metric.name], base))),
      customdata: rows.map((s) => [s.title, round(s.metrics[metric.name])]),
      hovertemplate: `%{customdata[0]}<br>${metric.name}: %{customdata[1]} (baseline ${round(base)})<br>improvement: %{x}<extra>${levelName(level)}</extra>`,
    };
  });
  if (o.ensemble) data.push(whiskers(o.ensemble, metric, ids));
  const x = `improvement in ${label(metric.name, metric.units)}  (← worse · better →)`;
  const title = o.title ?? `Interventions: effect on ${metric.name} (${metric.better} is better)`;
  return {
    data,
    layout: baseLayout(title, { title: x }, {}, {
      hovermode: 'closest', barmode: 'overlay',
      yaxis: { categoryorder: 'array', categoryarray: ids, autorange: 'reversed', automargin: true, gridcolor: '#e5e5e5' },
      xaxis: { title: { text: x }, zeroline: true, zerolinecolor: '#444', gridcolor: '#e5e5e5', automargin: true },
      height: Math.max(320, 80 + 28 * ids.length),
      legend: { title: { text: 'Meadows level' } },
    }),
  };
}

/** Median improvement with P10–P90 whiskers over the ensemble's draws. */
function whiskers(e: Ensemble, metric: Metric, ids: readonly string[]): Trace {
  const byId = new Map(e.scenarios.map((s) => [s.id, s.effects[metric.name]]));
  const rows = ids.filter((id) => byId.has(id));
  // Improvement is −delta when lower is better, so P10/P90 of delta swap ends.
  const imp = (d: number) => improvement(metric, d, 0);
  const mid = rows.map((id) => imp(byId.get(id)!.medianDelta));
  const lo = rows.map((id) => Math.min(imp(byId.get(id)!.p10Delta), imp(byId.get(id)!.p90Delta)));
  const hi = rows.map((id) => Math.max(imp(byId.get(id)!.p10Delta), imp(byId.get(id)!.p90Delta)));
  return {
    type: 'scatter', mode: 'markers', name: `median, P10–P90 over ${e.draws} draws`, y: rows,
    x: mid.map((v) => round(v)), marker: { color: '#000', symbol: 'diamond', size: 7 },
    error_x: { type: 'data', symmetric: false, array: hi.map((h, i) => round(h - mid[i])), arrayminus: lo.map((l, i) => round(mid[i] - l)), color: '#000', thickness: 1.5, width: 4 },
    customdata: rows.map((id) => [round(byId.get(id)!.pBeatsBaseline, 3), round(byId.get(id)!.pBest, 3)]),
    hovertemplate: 'median improvement %{x}<br>P(beats baseline) %{customdata[0]}<br>P(best) %{customdata[1]}<extra></extra>',
  };
}

/**
 * Every scenario × quantity metric: relative improvement vs baseline in %, clipped to ±100%.
 * Times of events are left out: a percentage of a clock time measures nothing.
 */
export function effectMatrixFigure(c: Comparison, all: readonly Metric[], title = 'Interventions: improvement on every quantity metric, % of baseline'): Figure {
  const metrics = all.filter((m) => metricKind(m) === 'quantity');
  const ids = c.scenarios.map((s) => s.id);
  const pct = c.scenarios.map((s) => metrics.map((m) => 100 * effectOf(m, s.metrics[m.name], c.baseline.metrics[m.name])));
  const clip = (v: number) => Math.max(-100, Math.min(100, v));
  const trace: Trace = {
    type: 'heatmap', x: metrics.map((m) => m.name), y: ids,
    z: pct.map((row) => row.map((v) => round(clip(v), 4))),
    text: pct.map((row) => row.map((v) => `${v > 0 ? '+' : ''}${Math.round(v)}%`)),
    texttemplate: '%{text}', zmin: -100, zmax: 100, zmid: 0,
    colorscale: [[0, '#b2182b'], [0.25, '#ef8a62'], [0.5, '#f7f7f7'], [0.75, '#67a9cf'], [1, '#2166ac']],
    colorbar: { title: { text: '% better' }, ticksuffix: '%' },
    hovertemplate: '%{y}<br>%{x}: %{text} vs baseline<extra></extra>',
  };
  return {
    data: [trace],
    layout: baseLayout(title, {}, {}, {
      hovermode: 'closest',
      yaxis: { autorange: 'reversed', automargin: true },
      xaxis: { tickangle: -30, automargin: true, side: 'bottom' },
      height: Math.max(320, 120 + 26 * ids.length),
    }),
  };
}

/** P(beats baseline) and P(best) per scenario on `metric`, in the ensemble's ranking order. */
export function probabilityFigure(e: Ensemble, metric: Metric, title = `Interventions under uncertainty: how often each wins on ${metric.name}`): Figure {
  const ids = e.scenarios.map((s) => s.id);
  const bar = (name: string, color: string, f: (s: Ensemble['scenarios'][number]) => number): Trace => ({
    type: 'bar', orientation: 'h', name, y: ids, x: e.scenarios.map((s) => round(f(s), 4)), marker: { color },
    hovertemplate: `%{y}: ${name} %{x:.0%}<extra></extra>`,
  });
  return {
    data: [
      bar('P(beats baseline)', '#9ecae1', (s) => s.effects[metric.name].pBeatsBaseline),
      bar('P(best of all)', '#08519c', (s) => s.effects[metric.name].pBest),
    ],
    layout: baseLayout(`${title} (${e.draws} draws)`, { title: 'probability', range: [0, 1] }, {}, {
      hovermode: 'closest', barmode: 'group',
      yaxis: { categoryorder: 'array', categoryarray: ids, autorange: 'reversed', automargin: true },
      xaxis: { title: { text: 'probability' }, range: [0, 1], tickformat: '.0%', gridcolor: '#e5e5e5' },
      height: Math.max(320, 80 + 30 * ids.length),
    }),
  };
}

function byLevel(a: number | null, b: number | null): number {
  return (a ?? 13) - (b ?? 13);
}

