/**
 * Bifurcation diagrams: the equilibria of one stock against a swept constant, stable
 * branches solid and unstable ones dashed (the convention of AUTO and MatCont), folds and
 * Hopf points marked.
 */
import { baseLayout, round, type Figure, type Trace } from './figure.js';
import { seriesColor } from './palette.js';

export interface DiagramPoint { readonly value: number; readonly y: number; readonly stable: boolean }
export interface DiagramMark { readonly value: number; readonly y: number }

export interface BifurcationInput {
  readonly parameter: string;
  readonly variable: string;
  readonly branches: readonly (readonly DiagramPoint[])[];
  readonly folds: readonly DiagramMark[];
  readonly hopf: readonly DiagramMark[];
  readonly title?: string;
  /** Vertical lines, e.g. the model's own value of the constant. */
  readonly markers?: readonly { readonly value: number; readonly label: string }[];
}

export function bifurcationFigure(b: BifurcationInput): Figure {
  const data: Trace[] = [];
  const shown = { stable: false, unstable: false };
  b.branches.forEach((points, i) => {
    for (const run of runs(points)) {
      const kind = run[0].stable ? 'stable' : 'unstable';
      data.push({
        type: 'scatter', mode: 'lines', name: `${kind} equilibria`, legendgroup: kind, showlegend: !shown[kind],
        x: run.map((p) => round(p.value)), y: run.map((p) => round(p.y)),
        line: { color: seriesColor(i), width: kind === 'stable' ? 3 : 2, dash: kind === 'stable' ? 'solid' : 'dash' },
        hovertemplate: `${kind}<br>${b.parameter} = %{x}<br>${b.variable} = %{y}<extra>branch ${i + 1}</extra>`,
      });
      shown[kind] = true;
    }
  });
  const marks = (pts: readonly DiagramMark[], name: string, symbol: string) => {
    if (pts.length) {
      data.push({
        type: 'scatter', mode: 'markers', name, x: pts.map((p) => round(p.value)), y: pts.map((p) => round(p.y)),
        marker: { symbol, size: 11, color: '#000000', line: { width: 2 } },
        hovertemplate: `${name}<br>${b.parameter} = %{x}<br>${b.variable} = %{y}<extra></extra>`,
      });
    }
  };
  marks(b.folds, 'fold (saddle-node)', 'x-thin-open');
  marks(b.hopf, 'Hopf point', 'diamond-open');
  const shapes = (b.markers ?? []).map((m) => ({ type: 'line', xref: 'x', yref: 'paper', x0: m.value, x1: m.value, y0: 0, y1: 1, line: { color: '#888888', width: 1, dash: 'dot' } }));
  const annotations = (b.markers ?? []).map((m) => ({ x: m.value, yref: 'paper', y: 1, text: m.label, showarrow: false, yanchor: 'bottom', font: { size: 11, color: '#555555' } }));
  const layout = baseLayout(b.title ?? `Equilibria of ${b.variable} against ${b.parameter}`, { title: b.parameter }, { title: b.variable }, { hovermode: 'closest', shapes, annotations });
  return { data, layout };
}

/** Maximal runs of equal stability; consecutive runs share their boundary point so the line stays joined. */
function runs(points: readonly DiagramPoint[]): DiagramPoint[][] {
  const out: DiagramPoint[][] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last[0].stable === p.stable) last.push(p);
    else out.push(last ? [last[last.length - 1], p].map((q, k) => (k === 0 ? { ...q, stable: p.stable } : q)) : [p]);
  }
  return out;
}
