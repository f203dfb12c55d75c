/**
 * Several variables under several runs in one chart (what `stockflow plot --vars a,b
 * --scenario x` draws): colour = variable, line style = run (baseline solid).
 */
import { baseLayout, label, roundAll, type Figure, type Trace } from './figure.js';
import { seriesColor } from './palette.js';
import type { SeriesInput } from './timeseries.js';

export interface NamedRun {
  /** 'baseline' or a scenario id. */
  readonly id: string;
  readonly result: SeriesInput;
}

const DASHES = ['solid', 'dash', 'dot', 'dashdot', 'longdash', 'longdashdot'];

export function runsFigure(runs: readonly NamedRun[], variables: readonly string[], o: { title?: string; timeUnit?: string; yTitle?: string } = {}): Figure {
  const data: Trace[] = [];
  runs.forEach((r, k) => {
    const x = roundAll(r.result.time);
    variables.forEach((v, i) => data.push({
      type: 'scatter', mode: 'lines', x, y: roundAll(r.result.series(v)),
      name: runs.length > 1 && variables.length > 1 ? `${v} · ${r.id}` : runs.length > 1 ? r.id : v,
      legendgroup: r.id, line: { color: runs.length > 1 && variables.length === 1 ? seriesColor(k) : seriesColor(i), dash: variables.length > 1 ? DASHES[k % DASHES.length] : 'solid', width: k === 0 ? 2.5 : 2 },
    }));
  });
  const title = o.title ?? `${variables.join(', ')}${runs.length > 1 ? `: ${runs.map((r) => r.id).join(' vs ')}` : ''}`;
  return { data, layout: baseLayout(title, { title: label('time', o.timeUnit) }, { title: o.yTitle }) };
}
