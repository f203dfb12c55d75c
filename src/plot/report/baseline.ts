/**
 * Which charts show a run at a glance. Without a chosen list: the variables the outcome
 * metrics read ("outcomes"), then the stocks, each grouped by units and split by order of
 * magnitude so that no line is flattened against a much larger one, at most 8 per chart.
 */
import type { Model, Variable } from '../../model/types.js';
import { canonicalName } from '../../core/names.js';
import type { SeriesInput } from '../timeseries.js';

export interface ChartGroup {
  readonly title: string;
  readonly units?: string;
  readonly variables: string[];
}

const MAX_LINES = 8;
/** A series joins a chart when its peak is at least 1/MAGNITUDE of the chart's largest. */
const MAGNITUDE = 4;

function unitsKey(v: Variable | undefined): string {
  const u = v?.units?.trim();
  return !u || u === '1' || u === 'dimensionless' || u === '-' ? '' : u;
}

function peak(run: SeriesInput, name: string): number {
  let m = 0;
  for (const x of Array.from(run.series(name))) if (Number.isFinite(x)) m = Math.max(m, Math.abs(x));
  return m;
}

/** Splits names into charts by units, then magnitude, then MAX_LINES. */
export function groupSeries(model: Model, run: SeriesInput, names: readonly string[], what: string): ChartGroup[] {
  const byId = new Map(model.variables.map((v) => [v.id, v]));
  const byUnits = new Map<string, string[]>();
  for (const n of names) {
    const key = unitsKey(byId.get(canonicalName(n)));
    byUnits.set(key, [...(byUnits.get(key) ?? []), n]);
  }
  const groups: ChartGroup[] = [];
  for (const [units, members] of byUnits) {
    const sorted = members.map((n) => ({ n, p: peak(run, n) })).sort((a, b) => b.p - a.p);
    let current: string[] = [];
    let top = 0;
    const flush = () => {
      if (current.length) groups.push({ title: `${what}${units ? ` [${units}]` : ''}`, units: units || undefined, variables: current });
      current = [];
    };
    for (const { n, p } of sorted) {
      if (current.length >= MAX_LINES || (current.length && p < top / MAGNITUDE)) flush();
      if (!current.length) top = p;
      current.push(n);
    }
    flush();
  }
  return groups;
}

/** The default baseline charts: outcome variables, then stocks. */
export function baselineGroups(model: Model, run: SeriesInput, chosen?: readonly string[]): ChartGroup[] {
  if (chosen?.length) return groupSeries(model, run, chosen, 'Chosen variables');
  const byId = new Map(model.variables.map((v) => [v.id, v]));
  const outcomes = [...new Set((model.metrics ?? []).map((m) => byId.get(canonicalName(m.variable))?.name ?? m.variable))];
  const stocks = model.variables.filter((v) => v.kind === 'stock' && !outcomes.includes(v.name)).map((v) => v.name);
  return [...groupSeries(model, run, outcomes, 'Outcomes'), ...groupSeries(model, run, stocks, 'Stocks')];
}
