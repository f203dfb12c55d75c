/**
 * Text forms of a comparison: the ranked table `stockflow compare` prints, CSV, and JSON.
 * Pure string builders; the CLI decides where they go.
 */
import type { Metric } from '../model/types.js';
import type { Comparison } from './compare.js';
import type { Ensemble } from './ensemble.js';

/** Numbers for people: 3 significant digits, no exponent for ordinary magnitudes. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e6 || a < 1e-3) return x.toExponential(2);
  return String(Number(x.toPrecision(3)));
}

function pct(delta: number, base: number): string {
  if (delta === 0) return '0%';
  if (base === 0) return delta > 0 ? '+new' : '-new';
  const p = (100 * delta) / Math.abs(base);
  if (Math.abs(p) < 0.05) return '0%';
  return `${p > 0 ? '+' : ''}${Math.abs(p) >= 10 ? p.toFixed(0) : p.toFixed(1)}%`;
}

function table(rows: string[][], rightFrom: number): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c >= rightFrom ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd()).join('\n');
}

function legend(metrics: readonly Metric[]): string {
  return metrics.map((m, i) => `  M${i + 1} = ${m.name}${m.units ? ` [${m.units}]` : ''}, ${m.better} is better`).join('\n');
}

/** The ranked table: per scenario its leverage level, each metric and its change vs baseline. */
export function formatComparison(c: Comparison, metrics: readonly Metric[], title = ''): string {
  const head = ['#', 'scenario', 'level', ...metrics.flatMap((_, i) => [`M${i + 1}`, `ΔM${i + 1}`])];
  const base = ['', 'baseline', '-', ...metrics.flatMap((m) => [fmt(c.baseline.metrics[m.name]), ''])];
  const rows = c.scenarios.map((s, i) => [
    String(i + 1), s.id, s.leverage === null ? '-' : String(s.leverage),
    ...metrics.flatMap((m) => [fmt(s.metrics[m.name]), pct(s.delta[m.name], c.baseline.metrics[m.name])]),
  ]);
  const by = metrics.length ? `ranked by effect on M1 (${metrics[0].name}, ${metrics[0].better} is better)` : '';
  const count = `${c.scenarios.length} intervention${c.scenarios.length === 1 ? '' : 's'}`;
  return `${title ? `${title}: ` : ''}${count} ${by}\n\n${table([head, base, ...rows], 2)}\n\n${legend(metrics)}\n  level = Meadows leverage point (12 weakest … 1 strongest); ΔM = change vs baseline\n`;
}

/** The ensemble table for the first metric: median change, P10–P90, P(beats baseline), P(best). */
export function formatEnsemble(e: Ensemble, metrics: readonly Metric[]): string {
  const m = metrics[0];
  const b = e.baseline[m.name];
  const head = ['#', 'scenario', 'level', 'median Δ', 'P10 Δ', 'P90 Δ', 'P(beats baseline)', 'P(best)'];
  const rows = e.scenarios.map((s, i) => {
    const x = s.effects[m.name];
    return [String(i + 1), s.id, s.leverage === null ? '-' : String(s.leverage), fmt(x.medianDelta), fmt(x.p10Delta), fmt(x.p90Delta), x.pBeatsBaseline.toFixed(2), x.pBest.toFixed(2)];
  });
  return `Uncertainty: ${e.draws} Latin-hypercube draws (seed ${e.seed}) over ${e.factors.length} uncertain constants, paired runs.\n`
    + `Effect on ${m.name}${m.units ? ` [${m.units}]` : ''} (${m.better} is better); baseline median ${fmt(b.median)}, P10–P90 ${fmt(b.p10)}–${fmt(b.p90)}\n\n`
    + `${table([head, ...rows], 2)}\n`;
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per scenario (baseline first): metrics, deltas and, with an ensemble, its statistics. */
export function comparisonCsv(c: Comparison, metrics: readonly Metric[], e?: Ensemble): string {
  const names = metrics.map((m) => m.name);
  const stats = ['medianDelta', 'p10Delta', 'p90Delta', 'pBeatsBaseline', 'pBest'] as const;
  const head = ['id', 'title', 'leverage', ...names, ...names.map((n) => `delta ${n}`), ...(e ? names.flatMap((n) => stats.map((s) => `${s} ${n}`)) : [])];
  const ens = new Map(e?.scenarios.map((s) => [s.id, s]) ?? []);
  const lines = [head, ['baseline', 'baseline', '', ...names.map((n) => String(c.baseline.metrics[n])), ...names.map(() => '0'), ...(e ? names.flatMap(() => stats.map(() => '')) : [])]];
  for (const s of c.scenarios) {
    const x = ens.get(s.id);
    lines.push([s.id, s.title, s.leverage === null ? '' : String(s.leverage), ...names.map((n) => String(s.metrics[n])), ...names.map((n) => String(s.delta[n])),
      ...(e ? names.flatMap((n) => stats.map((k) => (x ? String(x.effects[n][k]) : ''))) : [])]);
  }
  return `${lines.map((l) => l.map(csvField).join(',')).join('\n')}\n`;
}

/** `{ baseline: { metrics }, scenarios: [{ id, title, leverage, metrics, delta }] }`, plus the ensemble when run. */
export function comparisonJson(c: Comparison, e?: Ensemble): string {
  if (!e) return `${JSON.stringify(c, null, 2)}\n`;
  const ens = new Map(e.scenarios.map((s) => [s.id, s]));
  const scenarios = c.scenarios.map((s) => ({ ...s, ensemble: ens.get(s.id)?.effects ?? {} }));
  const uncertainty = { draws: e.draws, seed: e.seed, factors: e.factors, baseline: e.baseline, ranking: e.scenarios.map((s) => s.id) };
  return `${JSON.stringify({ baseline: c.baseline, scenarios, uncertainty }, null, 2)}\n`;
}
