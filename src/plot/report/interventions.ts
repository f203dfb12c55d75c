/**
 * The interventions section: every scenario run against the baseline, ranked by effect on
 * the first metric; bars coloured by Meadows level, a heatmap over every metric, overlays
 * of the outcome over time, and with an ensemble the P10–P90 whiskers, bands and the
 * probabilities of winning.
 */
import type { Metric, Model } from '../../model/types.js';
import type { SimulateOptions } from '../../sim/simulate.js';
import type { SimulationResult } from '../../sim/result.js';
import { canonicalName } from '../../core/names.js';
import { compareRuns, kindOf, runVariants, type Comparison, type Variant } from '../../analysis/compare.js';
import { formatChange, formatMetric } from '../../analysis/metric-format.js';
import { runEnsemble, type Ensemble } from '../../analysis/ensemble.js';
import type { Draws } from '../../analysis/draws.js';
import { improvement } from '../../analysis/metrics.js';
import { interventionFigure, effectMatrixFigure, probabilityFigure } from '../interventions.js';
import { scenarioOverlayFigure, type OverlayLine } from '../overlay.js';
import { ensembleSeries, type EnsembleSeries } from '../bands.js';
import { escapeHtml } from '../html/escape.js';
import { levelName } from '../palette.js';
import type { AddChart } from './charts.js';
import type { Figure } from '../figure.js';

export interface InterventionInputs {
  readonly model: Model;
  readonly baseline: SimulationResult;
  readonly variants: readonly Variant[];
  readonly metrics: readonly Metric[];
  readonly simulate?: SimulateOptions;
  /** Ensemble size (0 or absent: none) and seed. */
  readonly draws?: number;
  readonly seed?: number;
  /** Members to run instead of prior draws (a posterior ensemble). */
  readonly members?: Draws;
  /** Lines shown at first in overlays (the rest are a legend click away). */
  readonly visibleLines?: number;
  /** Dresses the overlays (clock axis, the record's events). */
  readonly dress?: (fig: Figure, variables: readonly string[]) => Figure;
}

export interface InterventionResults {
  readonly comparison: Comparison;
  readonly ensemble?: Ensemble;
  readonly html: string;
}

/** Throws ModelError when a scenario cannot run. */
export function interventionSection(i: InterventionInputs, chart: AddChart): InterventionResults {
  // Each variant runs once: the comparison and the overlay charts read the same runs.
  const runs = runVariants(i.model, i.variants, i.simulate, i.baseline);
  const comparison = compareRuns(i.model, i.variants, i.metrics, runs);
  const draws = i.members ? i.members.rows.length : i.draws ?? 0;
  const remedies = i.variants.filter((v) => kindOf(v.scenario) === 'remediation');
  const ensemble = draws > 0 && remedies.length ? runEnsemble(i.model, remedies, { draws, members: i.members, seed: i.seed ?? 1, metrics: i.metrics, simulate: i.simulate }) : undefined;
  const m = i.metrics[0];
  const parts = [lead(comparison, m, ensemble), chart(interventionFigure(comparison, m, { ensemble }),
    ensemble ? `Bars: the run with the model's central values. Diamonds and whiskers: median and P10–P90 of the effect over ${ensemble.from ? `${ensemble.draws} members of the posterior ensemble ${escapeHtml(ensemble.from)}` : `${ensemble.draws} Latin-hypercube draws`} of the uncertain constants (paired runs, seed ${ensemble.seed}).` : 'Bars: the run with the model\'s central values; colour: the Meadows leverage level of each intervention.')];
  if (ensemble) parts.push(chart(probabilityFigure(ensemble, m), 'How often each intervention beats the baseline, and how often it is the best of all those compared, over the draws.'));
  if (i.metrics.length > 1) parts.push(chart(effectMatrixFigure(comparison, i.metrics), 'Blue: better than the baseline; red: worse. Percentages are of the baseline value, clipped at ±100%; times of events are not percentages and are in the list above.'));
  const vars = [...new Set(i.metrics.map((x) => x.variable))].slice(0, 2);
  const bands = ensemble ? ensembleSeries(i.model, remedies, vars, { draws, members: i.members, seed: i.seed ?? 1, simulate: i.simulate }) : undefined;
  const order = [...comparison.scenarios, ...comparison.counterfactuals].map((s) => s.id);
  for (const v of vars) {
    const fig = overlay(i, v, order, runs.variants, bands);
    parts.push(chart(i.dress ? i.dress(fig, [v]) : fig, `The baseline (black) and each intervention in its own colour; line style: Meadows level (dotted 12–11 numbers and buffers, dash-dot 10–9 structure and delays, dashed 8–7 loops, long dashes 6–4 information and rules, solid 3–1 goals and paradigms). ${i.visibleLines ?? 4} spread from best to worst are shown, click the legend for the others.`));
  }
  return { comparison, ensemble, html: parts.join('\n') };
}

function overlay(i: InterventionInputs, variable: string, order: readonly string[], runs: ReadonlyMap<string, SimulationResult>, bands?: EnsembleSeries) {
  const byId = new Map(i.variants.map((v) => [v.scenario.id, v.scenario]));
  const units = i.model.variables.find((v) => v.id === canonicalName(variable))?.units;
  const band = (b: EnsembleSeries['baseline'][string] | undefined) => (b ? { low: b.p10, high: b.p90 } : undefined);
  const base: OverlayLine = { id: 'baseline', time: i.baseline.time, values: i.baseline.series(variable), band: band(bands?.baseline[variable]) };
  const shown = spread(order, (id) => runs.get(id)!.series(variable), i.visibleLines ?? 4);
  const colour = new Map(i.variants.map((v, k) => [v.scenario.id, k]));
  const lines = order.map((id): OverlayLine => {
    const s = byId.get(id)!;
    const r = runs.get(id)!;
    return { id, title: s.title, leverage: s.leverage?.level ?? null, time: r.time, values: r.series(variable), band: band(bands?.scenarios[id]?.[variable]), visible: shown.has(id), colorIndex: colour.get(id) };
  });
  const bandLabel = bands ? `P10–P90 over ${bands.draws} draws` : undefined;
  return scenarioOverlayFigure(variable, base, lines, { timeUnit: i.model.sim.timeUnit, units, bandLabel });
}

/**
 * Which lines to show at first: `n` runs spread over the ranking (best, middle … worst)
 * among those whose series differ, so four interventions that all prevent the outage do
 * not hide the ones that only soften it.
 */
export function spread(order: readonly string[], series: (id: string) => ArrayLike<number>, n: number): Set<string> {
  const distinct: string[] = [];
  const seen = new Set<string>();
  for (const id of order) {
    const key = Array.from(series(id), (x) => x.toPrecision(3)).join(',');
    if (!seen.has(key)) { seen.add(key); distinct.push(id); }
  }
  if (distinct.length <= n) return new Set(distinct);
  return new Set(Array.from({ length: n }, (_, k) => distinct[Math.round((k * (distinct.length - 1)) / Math.max(1, n - 1))]));
}

/** A sentence or two a reader can take away. */
function lead(c: Comparison, m: Metric, e?: Ensemble): string {
  const base = c.baseline.metrics[m.name];
  const better = c.scenarios.filter((s) => improvement(m, s.metrics[m.name], base) > 1e-9 * Math.max(1, Math.abs(base)));
  const worse = c.scenarios.filter((s) => improvement(m, s.metrics[m.name], base) < -1e-9 * Math.max(1, Math.abs(base)));
  const axis = c.time;
  const describe = (s: Comparison['scenarios'][number]) =>
    `<b>${escapeHtml(s.id)}</b> (${escapeHtml(levelName(s.leverage))}): ${escapeHtml(m.name)} ${escapeHtml(formatMetric(m, s.metrics[m.name], axis))} vs ${escapeHtml(formatMetric(m, base, axis))}, ${escapeHtml(formatChange(m, s.metrics[m.name], base, axis))}`;
  const places = tiedPlaces(better, (s) => s.metrics[m.name]).slice(0, 3);
  const items = [
    `<li>${c.scenarios.length} remediations compared on <b>${escapeHtml(m.name)}</b>${m.units ? ` [${escapeHtml(m.units)}]` : ''} (${m.better} is better); ${better.length} improve on the baseline, ${worse.length} make it worse.</li>`,
    ...places.map((p, k) => (p.length === 1
      ? `<li>${k === 0 ? 'Most effective' : `Next`}: ${describe(p[0])}.</li>`
      : `<li>${k === 0 ? 'Tied for most effective' : 'Tied next'} (${p.length}, equal ${escapeHtml(m.name)} ${escapeHtml(formatMetric(m, p[0].metrics[m.name], axis))} vs ${escapeHtml(formatMetric(m, base, axis))}, ${escapeHtml(formatChange(m, p[0].metrics[m.name], base, axis))}): ${p.map((s) => `<b>${escapeHtml(s.id)}</b> (${escapeHtml(levelName(s.leverage))})`).join(', ')}.</li>`)),
    ...worse.slice(-1).map((s) => `<li>Worst: ${describe(s)}.</li>`),
    ...(c.counterfactuals.length ? [`<li>Counterfactuals (what-ifs about the event, not ranked with the remediations): ${c.counterfactuals.map(describe).join('; ')}.</li>`] : []),
  ];
  if (e?.scenarios[0]) {
    const w = e.scenarios[0];
    items.push(`<li>Under uncertainty (${e.draws} draws): <b>${escapeHtml(w.id)}</b> has the best median effect; it beats the baseline in ${Math.round(100 * w.effects[m.name].pBeatsBaseline)}% of draws and is the single best in ${Math.round(100 * w.effects[m.name].pBest)}%.</li>`);
  }
  return `<ul>${items.join('')}</ul>`;
}

/**
 * Consecutive runs of equal effect (to 6 significant digits, the precision shown) in ranked
 * order: a tie is stated as a tie, never ordered by a tie-break.
 */
export function tiedPlaces<T>(ranked: readonly T[], value: (x: T) => number): T[][] {
  const out: T[][] = [];
  for (const x of ranked) {
    const last = out[out.length - 1];
    if (last && Number(value(last[0]).toPrecision(6)) === Number(value(x).toPrecision(6))) last.push(x);
    else out.push([x]);
  }
  return out;
}
