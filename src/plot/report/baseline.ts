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

/** Names whose series never changes over the run (or has no finite value): nothing to chart. */
export function constantSeries(run: SeriesInput, names: readonly string[]): string[] {
  return names.filter((n) => {
    const y = Array.from(run.series(n)).filter(Number.isFinite);
    return !y.length || y.every((x) => x === y[0]);
  });
}

/** True when a + b is the same at every save time: one is the other's complement (availability and unavailability). */
function mirrors(run: SeriesInput, a: string, b: string): boolean {
  const x = run.series(a);
  const y = run.series(b);
  const s0 = x[0] + y[0];
  for (let i = 1; i < x.length; i++) if (Math.abs(x[i] + y[i] - s0) > 1e-9 * Math.max(1, Math.abs(s0))) return false;
  return true;
}

/**
 * Splits names into charts by units, then magnitude, then MAX_LINES. A series that mirrors one
 * already placed (their sum is constant) goes to a separate chart of complements: drawn on one
 * axis the two would read as one crossing pair.
 */
export function groupSeries(model: Model, run: SeriesInput, names: readonly string[], what: string): ChartGroup[] {
  const kept: string[] = [];
  const mirrored: string[] = [];
  for (const n of names) (kept.some((k) => mirrors(run, k, n)) ? mirrored : kept).push(n);
  return [...unitGroups(model, run, kept, what), ...unitGroups(model, run, mirrored, `${what}: complements of the above`)];
}

function unitGroups(model: Model, run: SeriesInput, names: readonly string[], what: string): ChartGroup[] {
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

/** The variables the model's metrics are about, once each, as the model spells them. */
export function outcomeNames(model: Model): string[] {
  const byId = new Map(model.variables.map((v) => [v.id, v]));
  return [...new Set((model.metrics ?? []).map((m) => byId.get(canonicalName(m.variable))?.name ?? m.variable))];
}

/**
 * The default baseline charts: outcome variables, then stocks (or the chosen variables); a
 * series constant over the run is left out of the charts and listed with its value instead.
 */
export function baselineCharts(model: Model, run: SeriesInput, chosen?: readonly string[]): { groups: ChartGroup[]; constant: { name: string; value: number }[] } {
  const outcomes = outcomeNames(model);
  const stocks = model.variables.filter((v) => v.kind === 'stock' && !outcomes.includes(v.name)).map((v) => v.name);
  const flat = new Set(constantSeries(run, chosen?.length ? chosen : [...outcomes, ...stocks]));
  const drawn = (names: readonly string[]) => names.filter((n) => !flat.has(n));
  const groups = chosen?.length
    ? groupSeries(model, run, drawn(chosen), 'Chosen variables')
    : [...groupSeries(model, run, drawn(outcomes), 'Outcomes'), ...groupSeries(model, run, drawn(stocks), 'Stocks')];
  return { groups, constant: [...flat].map((name) => ({ name, value: run.series(name)[0] })) };
}

/** The charts of baselineCharts alone. */
export function baselineGroups(model: Model, run: SeriesInput, chosen?: readonly string[]): ChartGroup[] {
  return baselineCharts(model, run, chosen).groups;
}
