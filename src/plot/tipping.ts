/**
 * Pictures of a tipping trigger: the runs just below and just above the smallest trigger
 * that tips the system, and the recovery time against a constant (growing towards the fold).
 */
import { baseLayout, round, type Figure, type Trace } from './figure.js';
import { seriesColor } from './palette.js';

export interface TriggerRun { readonly label: string; readonly time: readonly number[]; readonly values: readonly number[] }

export function triggerRunsFigure(variable: string, runs: readonly TriggerRun[], duration: number, o: { title?: string; timeUnit?: string } = {}): Figure {
  const data: Trace[] = runs.map((r, i) => ({
    type: 'scatter', mode: 'lines', name: r.label, x: r.time.map((t) => round(t)), y: r.values.map((v) => round(v)),
    line: { color: seriesColor(i), width: 2 },
  }));
  const shapes = [{ type: 'rect', xref: 'x', yref: 'paper', x0: 0, x1: duration, y0: 0, y1: 1, fillcolor: '#999999', opacity: 0.15, line: { width: 0 } }];
  const layout = baseLayout(o.title ?? `${variable} after the trigger`, { title: o.timeUnit ? `time since the trigger began [${o.timeUnit}]` : 'time since the trigger began' }, { title: variable }, { shapes });
  return { data, layout };
}

export interface RecoveryPoint { readonly value: number; readonly recovery?: number; readonly tipped: boolean; readonly stable: boolean }

export function recoveryFigure(parameter: string, points: readonly RecoveryPoint[], o: { title?: string; timeUnit?: string; folds?: readonly number[] } = {}): Figure {
  const ok = points.filter((p) => p.recovery !== undefined);
  const tipped = points.filter((p) => p.stable && p.tipped);
  const lost = points.filter((p) => !p.stable);
  const data: Trace[] = [
    { type: 'scatter', mode: 'lines+markers', name: 'recovery time', x: ok.map((p) => round(p.value)), y: ok.map((p) => round(p.recovery!)), line: { color: seriesColor(0), width: 2 } },
  ];
  const top = Math.max(1, ...ok.map((p) => p.recovery!));
  if (tipped.length) data.push({ type: 'scatter', mode: 'markers', name: 'tipped by the same trigger', x: tipped.map((p) => round(p.value)), y: tipped.map(() => round(top)), marker: { symbol: 'triangle-up', size: 10, color: seriesColor(1) } });
  if (lost.length) data.push({ type: 'scatter', mode: 'markers', name: 'no stable state here', x: lost.map((p) => round(p.value)), y: lost.map(() => round(top)), marker: { symbol: 'x', size: 10, color: '#555555' } });
  const shapes = (o.folds ?? []).map((v) => ({ type: 'line', xref: 'x', yref: 'paper', x0: v, x1: v, y0: 0, y1: 1, line: { color: '#000000', width: 1, dash: 'dot' } }));
  const layout = baseLayout(o.title ?? `Recovery time against ${parameter}`, { title: parameter }, { title: o.timeUnit ? `recovery time [${o.timeUnit}]` : 'recovery time' }, { shapes, hovermode: 'closest' });
  return { data, layout };
}
