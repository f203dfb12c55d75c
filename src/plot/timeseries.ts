/**
 * Time series of chosen variables from one run: one line per variable, or stacked areas
 * when the variables are parts of one whole (servers by state, people by stage).
 */
import { baseLayout, label, roundAll, type Figure, type Trace } from './figure.js';
import { seriesColor } from './palette.js';

/** What a time-series chart reads: save times and named series (a SimulationResult is one). */
export interface SeriesInput {
  readonly time: ArrayLike<number>;
  series(name: string): ArrayLike<number>;
}

export interface TimeSeriesOptions {
  readonly title?: string;
  /** Time axis title, e.g. the model's time unit. */
  readonly timeUnit?: string;
  /** Y axis title (e.g. the variables' common units). */
  readonly yTitle?: string;
  /** Stack the series as areas (for parts of a whole). */
  readonly stacked?: boolean;
  /** Display name per variable (default: the name given). */
  readonly labels?: Readonly<Record<string, string>>;
}

export function timeSeriesFigure(run: SeriesInput, variables: readonly string[], o: TimeSeriesOptions = {}): Figure {
  const x = roundAll(run.time);
  const data: Trace[] = variables.map((name, i) => ({
    type: 'scatter',
    mode: 'lines',
    name: o.labels?.[name] ?? name,
    x,
    y: roundAll(run.series(name)),
    line: { color: seriesColor(i), width: 2 },
    ...(o.stacked ? { stackgroup: 'one' } : {}),
  }));
  const title = o.title ?? (variables.length === 1 ? variables[0] : `${variables.length} variables`);
  const yTitle = o.yTitle ?? (variables.length === 1 ? variables[0] : undefined);
  return { data, layout: baseLayout(title, { title: label('time', o.timeUnit) }, { title: yTitle }) };
}

