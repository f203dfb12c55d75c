/**
 * "The model against the record": each published event's time beside the time the model
 * gives it (the calibration's event dating, analysis/calibrate/fit.ts), on the clock when
 * the model has one; and each reference series' error.
 */
import type { Model } from '../../model/types.js';
import type { SimulationResult } from '../../sim/result.js';
import type { ReferenceData } from '../../analysis/calibrate/targets.js';
import { fitReport } from '../../analysis/calibrate/fit.js';
import { clockOf, shortClock, spansDays, zoneLabel } from '../../model/clock.js';
import { escapeHtml } from '../html/escape.js';
import { fmt, table } from './charts.js';
import type { Figure } from '../figure.js';
import { timeSeriesFigure } from '../timeseries.js';

/** `chart` draws a figure over time dressed with the record (build.ts). */
export function recordSection(model: Model, run: SimulationResult, data: ReferenceData, chart: (fig: Figure, variables: readonly string[]) => string): string {
  const fits = fitReport(data.targets, run);
  const clock = clockOf(model.sim);
  const days = clock ? spansDays(clock, model.sim.start, model.sim.stop) : false;
  const when = (t: number) => (clock ? shortClock(clock, t, days) : fmt(t));
  const unit = model.sim.timeUnit ?? 'time units';
  const events = fits.filter((f) => f.kind === 'event');
  const series = fits.filter((f) => f.kind === 'series');
  const parts: string[] = [];
  if (events.length) {
    const late = (f: (typeof events)[number]) => f.modelTime! - f.observedTime!;
    const mean = events.reduce((s, f) => s + Math.abs(late(f)), 0) / events.length;
    parts.push(`<p>${events.length} published events${data.file ? ` (${escapeHtml(data.file.replace(/^.*[\\/]/, ''))})` : ''} against the baseline run: the model's time is when its variable first or last crosses the level the event is dated by. Mean absolute difference ${fmt(mean)} ${escapeHtml(unit)}${clock ? `; clock times in ${escapeHtml(zoneLabel(clock))}` : ''}.</p>`);
    parts.push(table(['event', 'variable', 'record', 'model', `model − record [${unit}]`],
      events.map((f) => [f.target, f.variable, when(f.observedTime!), when(f.modelTime!), Number(late(f).toFixed(2))])));
  }
  const variables = [...new Set(data.targets.map((t) => t.variable))].filter((v) => run.has(v));
  if (variables.length) parts.unshift(chart(timeSeriesFigure(run, variables, { title: 'The baseline against the published timeline', timeUnit: model.sim.timeUnit, yTitle: 'as each variable is measured' }), variables));
  if (series.length) {
    parts.push(table(['reference series', 'points', 'RMS error'], series.map((f) => [f.variable, f.n, Number(f.rmse.toPrecision(3))])));
  }
  return parts.join('\n');
}
