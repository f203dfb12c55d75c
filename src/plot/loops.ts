/**
 * Loop dominance over time (Loops That Matter): relative loop scores stacked, reinforcing
 * loops above zero and balancing loops below, so the height of each band is the loop's share
 * of the change in its cycle partition's stocks. Dominance periods (the smallest set of
 * loops with ≥ 50% of the change) are written along the top. Scores in [-1, 1] per
 * partition; one figure per partition because shares are only comparable within one.
 * Input is the `stockflow loops --json` shape (issue 4), optionally with the partitions.
 */
import { baseLayout, label, round, roundAll, type Figure, type Trace } from './figure.js';
import { alpha, BALANCING_COLORS, REINFORCING_COLORS } from './palette.js';

export interface LoopDominanceInput {
  /** `name`: the model's declared name (`R1 restart contention`), which labels the loop when present; else the generated id. */
  readonly loops: readonly { readonly id: string; readonly name?: string; readonly polarity: string; readonly variables: readonly string[]; readonly partition?: number }[];
  readonly time: ArrayLike<number>;
  readonly relative_scores: Readonly<Record<string, ArrayLike<number>>>;
  readonly dominance: readonly { readonly from: number; readonly to: number; readonly loops: readonly string[]; readonly partition?: number }[];
  readonly partitions?: readonly { readonly stocks: readonly string[]; readonly loops: readonly string[] }[];
}

export interface LoopFigureOptions {
  readonly title?: string;
  readonly timeUnit?: string;
  /** Loops drawn individually (most important first); the rest are summed per polarity. */
  readonly maxLoops?: number;
}

/** Mean |relative score| over time: the loop's overall importance. */
export function loopImportance(scores: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < scores.length; i++) s += Math.abs(Number.isFinite(scores[i]) ? scores[i] : 0);
  return scores.length ? s / scores.length : 0;
}

/** One figure per cycle partition that has loops (all loops in one when partitions are absent). */
export function loopDominanceFigures(d: LoopDominanceInput, o: LoopFigureOptions = {}): Figure[] {
  const parts = d.partitions?.length ? d.partitions.map((p, i) => ({ i, ids: new Set(p.loops), stocks: p.stocks })) : [{ i: -1, ids: new Set(d.loops.map((l) => l.id)), stocks: [] as readonly string[] }];
  return parts.filter((p) => p.ids.size > 0).map((p) => {
    const title = o.title ?? (parts.length > 1 ? `Loop dominance among ${listStocks(p.stocks)}` : 'Loop dominance over time');
    return loopDominanceFigure({ ...d, loops: d.loops.filter((l) => p.ids.has(l.id)), dominance: d.dominance.filter((x) => x.loops.some((id) => p.ids.has(id))) }, { ...o, title });
  });
}

function listStocks(stocks: readonly string[]): string {
  return stocks.length <= 3 ? stocks.join(', ') : `${stocks.slice(0, 3).join(', ')} and ${stocks.length - 3} more stocks`;
}

export function loopDominanceFigure(d: LoopDominanceInput, o: LoopFigureOptions = {}): Figure {
  const max = o.maxLoops ?? 8;
  const x = roundAll(d.time);
  const ranked = [...d.loops].sort((a, b) => loopImportance(d.relative_scores[b.id] ?? []) - loopImportance(d.relative_scores[a.id] ?? []));
  const shown = ranked.slice(0, max);
  const rest = ranked.slice(max);
  const labels = new Map(d.loops.map((l) => [l.id, l.name ?? l.id]));
  let r = 0;
  let b = 0;
  const data: Trace[] = shown.map((l) => {
    const reinforcing = l.polarity === 'reinforcing';
    const color = reinforcing ? REINFORCING_COLORS[r++ % REINFORCING_COLORS.length] : BALANCING_COLORS[b++ % BALANCING_COLORS.length];
    return area(labels.get(l.id)!, reinforcing ? 'R' : 'B', x, roundAll(d.relative_scores[l.id] ?? [], 4), color, `${l.name ? `${l.name} (found as ${l.id})` : l.id} (${l.polarity}): ${l.variables.join(' → ')} → ${l.variables[0] ?? ''}`);
  });
  for (const polarity of ['reinforcing', 'balancing']) {
    const others = rest.filter((l) => (l.polarity === 'reinforcing') === (polarity === 'reinforcing'));
    if (!others.length) continue;
    const sum = Array.from(d.time, (_, t) => others.reduce((s, l) => s + (d.relative_scores[l.id]?.[t] ?? 0), 0));
    data.push(area(`${others.length} other ${polarity} loop${others.length === 1 ? '' : 's'}`, polarity === 'reinforcing' ? 'R' : 'B', x, roundAll(sum, 4), '#bbbbbb', `${others.length} weaker ${polarity} loop${others.length === 1 ? '' : 's'}, summed`));
  }
  const span = d.time.length > 1 ? d.time[d.time.length - 1] - d.time[0] : 1;
  const periods = d.dominance.filter((p) => p.to - p.from >= 0.03 * span);
  const shapes = periods.map((p, k) => ({ type: 'rect', xref: 'x', yref: 'paper', x0: round(p.from), x1: round(p.to), y0: 0, y1: 1, fillcolor: k % 2 ? 'rgba(0,0,0,0.035)' : 'rgba(0,0,0,0)', line: { width: 0 }, layer: 'below' }));
  const annotations = periods.map((p, k) => ({
    x: round((p.from + p.to) / 2), y: 1.0 + (k % 2) * 0.05, xref: 'x', yref: 'paper', yanchor: 'bottom', showarrow: false,
    text: p.loops.map((id) => labels.get(id) ?? id).join(' + '), font: { size: 11, color: '#333' },
  }));
  return {
    data,
    layout: baseLayout(o.title ?? 'Loop dominance over time', { title: label('time', o.timeUnit) }, { title: 'relative loop score (R up, B down)', range: [-1.05, 1.05] }, {
      hovermode: 'x unified', shapes, annotations, margin: { l: 70, r: 20, t: 80, b: 55 },
    }),
  };
}

function area(name: string, group: 'R' | 'B', x: (number | null)[], y: (number | null)[], color: string, hover: string): Trace {
  return {
    type: 'scatter', mode: 'lines', name, x, y, stackgroup: group, line: { width: 0.5, color }, fillcolor: alpha(color, 0.7),
    hovertemplate: `${hover.replace(/%\{/g, '% {')}: %{y:.2f}<extra></extra>`,
  };
}
