/**
 * Text and JSON forms of a calibration. JSON: `{ objective, parameters: { NAME: value }, fit:
 * [ { target, kind, variable, n, rmse, contribution, model_time?, observed_time? } ], baseline?,
 * bounds, at_bounds, near_best, starts: [ … ], seed, evaluations }`.
 */
import { fmt } from '../report.js';
import { textTable } from '../../core/text-table.js';
import type { Calibration, FitAt } from './calibrate.js';
import type { TargetFit } from './fit.js';

export function calibrationJson(c: Calibration): string {
  const fit = (f: TargetFit[]) => f.map((t) => ({
    target: t.target, kind: t.kind, variable: t.variable, n: t.n, rmse: t.rmse, contribution: t.contribution,
    ...(t.modelTime === undefined ? {} : { model_time: t.modelTime, observed_time: t.observedTime }),
  }));
  const at = (a: FitAt) => ({ objective: a.objective, parameters: a.parameters, fit: fit(a.fit) });
  const out = {
    ...at(c),
    ...(c.baseline ? { baseline: at(c.baseline) } : {}),
    bounds: c.bounds, at_bounds: c.atBounds,
    near_best: c.nearBest,
    starts: c.starts.map((s) => ({ from: s.from, start: s.start, parameters: s.parameters, objective: s.objective, evaluations: s.evaluations, converged: s.converged, failed_runs: s.failures })),
    seed: c.seed, evaluations: c.evaluations,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function table(rows: string[][], rightFrom: number, width?: number): string {
  return textTable(rows, { right: (c) => c >= rightFrom, width }).join('\n');
}

export function formatCalibration(c: Calibration, title = '', width?: number): string {
  const names = Object.keys(c.parameters);
  const params = [['parameter', 'fitted', 'model', 'bounds', 'near-best spread'], ...names.map((n) => [
    n, fmt(c.parameters[n]), c.baseline ? fmt(c.baseline.parameters[n]) : '-', `${fmt(c.bounds[n].lo)}…${fmt(c.bounds[n].hi)}`,
    `${fmt(c.nearBest.spread[n][0])}…${fmt(c.nearBest.spread[n][1])}${c.atBounds.includes(n) ? '  at a bound' : ''}`,
  ])];
  const baseFit = new Map((c.baseline?.fit ?? []).map((t) => [t.target, t]));
  const fit = [['target', 'kind', 'rmse', 'share of J', 'model rmse'], ...c.fit.map((t) => [
    t.kind === 'event' ? `${t.target} (observed ${fmt(t.observedTime!)}, fitted ${fmt(t.modelTime!)})` : t.target,
    t.kind, fmt(t.rmse), fmt(t.contribution), baseFit.has(t.target) ? fmt(baseFit.get(t.target)!.rmse) : '-',
  ])];
  const ok = c.starts.filter((s) => s.converged).length;
  const lines = [
    `${title ? `${title}: ` : ''}calibration, ${c.starts.length} start${c.starts.length === 1 ? '' : 's'} (seed ${c.seed}, ${ok} converged), ${c.evaluations} runs`,
    `objective J = ${fmt(c.objective)}${c.baseline ? ` (model's own values: ${fmt(c.baseline.objective)})` : ''}`,
    '', table(params, 1, width), '', table(fit, 2, width), '',
    `  near-best spread: range of each parameter over the ${c.nearBest.starts} start(s) within 1 % of the best J;`,
    '  a wide spread or a parameter at a bound means the data do not pin that value down.',
  ];
  return `${lines.join('\n')}\n`;
}
