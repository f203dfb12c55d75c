/**
 * Text forms of a comparison: the ranked table `stockflow compare` prints, CSV, and JSON.
 * Pure string builders; the CLI decides where they go.
 */
import type { Metric } from '../model/types.js';
import { paretoAcross, type Comparison, type ScenarioOutcome } from './compare.js';
import type { Ensemble } from './ensemble.js';
import { censoredJson, fmt, formatChange, formatDuration, formatMetric, type TimeAxis } from './metric-format.js';
import { metricKind } from './metrics.js';
import { textTable } from '../core/text-table.js';

export { fmt } from './metric-format.js';

/** Numbers from `rightFrom` on; split blocks repeat the rank and the scenario. */
function table(rows: string[][], rightFrom: number, width?: number): string {
  return textTable(rows, { right: (c) => c >= rightFrom, keep: 2, width }).join('\n');
}

function legend(metrics: readonly Metric[], axis: TimeAxis): string {
  const unit = axis.unit;
  const lines = metrics.map((m, i) => `  M${i + 1} = ${m.name}${m.units ? ` [${m.units}]` : ''}, ${m.better} is better${metricKind(m) === 'time' ? ' (a time of event)' : ''}`);
  if (metrics.some((m) => metricKind(m) === 'time')) {
    lines.push(`  times of events are ${/^h/i.test(unit ?? '') || /^min/i.test(unit ?? '') ? (axis.origin ? `clock times (HH:MM, time_origin ${axis.origin})` : 'HH:MM from the start of the run') : `in ${unit ?? 'model time'}`}, and their ΔM a difference in time, never a percentage;`,
      '  "never happened" ranks before any time, "not by the end of the run" after any time');
  }
  return lines.join('\n');
}

function rows(list: readonly ScenarioOutcome[], c: Comparison, metrics: readonly Metric[], axis: TimeAxis): string[][] {
  return list.map((s, i) => [
    String(i + 1), s.id, s.leverage === null ? '-' : String(s.leverage),
    ...metrics.flatMap((m) => [formatMetric(m, s.metrics[m.name], axis), formatChange(m, s.metrics[m.name], c.baseline.metrics[m.name], axis)]),
  ]);
}

/**
 * The ranked table: per remediation its leverage level, each metric and its change vs
 * baseline; counterfactuals in their own table below. `axis`: the model's time unit and clock.
 */
export function formatComparison(c: Comparison, metrics: readonly Metric[], title = '', axis: TimeAxis = c.time, width?: number): string {
  const head = ['#', 'scenario', 'level', ...metrics.flatMap((_, i) => [`M${i + 1}`, `ΔM${i + 1}`])];
  const base = ['', 'baseline', '-', ...metrics.flatMap((m) => [formatMetric(m, c.baseline.metrics[m.name], axis), ''])];
  const by = metrics.length ? `ranked by effect on M1 (${metrics[0].name}, ${metrics[0].better} is better)` : '';
  const count = `${c.scenarios.length} remediation${c.scenarios.length === 1 ? '' : 's'}`;
  let out = `${title ? `${title}: ` : ''}${count} ${by}\n\n${table([head, base, ...rows(c.scenarios, c, metrics, axis)], 2, width)}\n`;
  if (metrics.length > 1 && c.scenarios.length > 1) {
    const dominated = paretoAcross(c.scenarios, metrics);
    const front = c.scenarios.filter((s) => dominated.get(s.id) === undefined).map((s) => s.id);
    const below = c.scenarios.filter((s) => dominated.get(s.id) !== undefined).map((s) => `${s.id} < ${dominated.get(s.id)}`);
    out += `\nPareto across all ${metrics.length} metrics (no weights; X < Y: Y is at least as good on every metric and better on one):\n  frontier: ${front.join(', ')}\n${below.length ? `  dominated: ${below.join(', ')}\n` : ''}`;
  }
  if (c.counterfactuals.length) {
    out += `\nCounterfactuals (what-ifs about the event, not changes one could make; not ranked with the remediations):\n\n${table([head, base, ...rows(c.counterfactuals, c, metrics, axis)], 2, width)}\n`;
  }
  return `${out}\n${legend(metrics, axis)}\n  level = Meadows leverage point (12 weakest … 1 strongest); ΔM = change vs baseline\n`;
}

/** The ensemble table for the first metric: median change, P10–P90, P(beats baseline), P(best). */
export function formatEnsemble(e: Ensemble, metrics: readonly Metric[], axis: TimeAxis = {}, what = 'remediations', width?: number): string {
  const m = metrics[0];
  const b = e.baseline[m.name];
  const show = (d: number) => (metricKind(m) === 'time' ? formatDuration(d, axis.unit) : fmt(d));
  const head = ['#', 'scenario', 'level', 'median Δ', 'P10 Δ', 'P90 Δ', 'P(beats baseline)', 'P(best) ± se'];
  const se = (p: number) => Math.sqrt((p * (1 - p)) / e.draws);
  const body = e.scenarios.map((s, i) => {
    const x = s.effects[m.name];
    return [String(i + 1), s.id, s.leverage === null ? '-' : String(s.leverage), show(x.medianDelta), show(x.p10Delta), show(x.p90Delta), x.pBeatsBaseline.toFixed(2), `${x.pBest.toFixed(2)} ± ${se(x.pBest).toFixed(2)}`];
  });
  const source = e.from ? `${e.draws} members of the posterior ensemble ${e.from}` : `${e.draws} Latin-hypercube draws`;
  return `Uncertainty (${what}): ${source} (seed ${e.seed}) over ${e.factors.length} uncertain constants, paired runs; se = Monte Carlo standard error √(p(1−p)/N).\n`
    + `Effect on ${m.name}${m.units ? ` [${m.units}]` : ''} (${m.better} is better); baseline median ${formatMetric(m, b.median, axis)}, P10–P90 ${formatMetric(m, b.p10, axis)}–${formatMetric(m, b.p90, axis)}\n\n`
    + `${table([head, ...body], 2, width)}\n`;
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per scenario (baseline first, then remediations, then counterfactuals): metrics, deltas and, with an ensemble, its statistics. */
export function comparisonCsv(c: Comparison, metrics: readonly Metric[], e?: Ensemble): string {
  const names = metrics.map((m) => m.name);
  const cell = (v: number) => String(censoredJson('', v));
  const stats = ['medianDelta', 'p10Delta', 'p90Delta', 'pBeatsBaseline', 'pBest'] as const;
  const head = ['id', 'title', 'kind', 'leverage', ...names, ...names.map((n) => `delta ${n}`), ...(e ? names.flatMap((n) => stats.map((s) => `${s} ${n}`)) : [])];
  const ens = new Map(e?.scenarios.map((s) => [s.id, s]) ?? []);
  const lines = [head, ['baseline', 'baseline', '', '', ...names.map((n) => cell(c.baseline.metrics[n])), ...names.map(() => '0'), ...(e ? names.flatMap(() => stats.map(() => '')) : [])]];
  for (const s of [...c.scenarios, ...c.counterfactuals]) {
    const x = ens.get(s.id);
    lines.push([s.id, s.title, s.kind, s.leverage === null ? '' : String(s.leverage), ...names.map((n) => cell(s.metrics[n])), ...names.map((n) => cell(s.delta[n])),
      ...(e ? names.flatMap((n) => stats.map((k) => (x ? cell(x.effects[n][k]) : ''))) : [])]);
  }
  return `${lines.map((l) => l.map(csvField).join(',')).join('\n')}\n`;
}

/**
 * `{ baseline: { metrics }, scenarios: [{ id, title, kind, leverage, metrics, delta }], counterfactuals: [...] }`,
 * plus the ensemble when run; censored times are written as "never happened" or "not by the end of the run".
 */
export function comparisonJson(c: Comparison, e?: Ensemble): string {
  const plain = { baseline: c.baseline, scenarios: c.scenarios, counterfactuals: c.counterfactuals };
  if (!e) return `${JSON.stringify(plain, censoredJson, 2)}\n`;
  const ens = new Map(e.scenarios.map((s) => [s.id, s]));
  const withEnsemble = (xs: readonly ScenarioOutcome[]) => xs.map((s) => ({ ...s, ensemble: ens.get(s.id)?.effects ?? {} }));
  const uncertainty = { draws: e.draws, seed: e.seed, factors: e.factors, ...(e.from ? { ensemble: e.from } : {}), baseline: e.baseline, ranking: e.scenarios.filter((s) => c.scenarios.some((x) => x.id === s.id)).map((s) => s.id) };
  return `${JSON.stringify({ baseline: c.baseline, scenarios: withEnsemble(c.scenarios), counterfactuals: withEnsemble(c.counterfactuals), uncertainty }, censoredJson, 2)}\n`;
}
