/**
 * Plotly figures as plain data. A figure is `{ data, layout }` exactly as `Plotly.newPlot`
 * takes it, so it can be written as JSON, tested as a golden file, and drawn by plotly.js in
 * the report, a notebook or any other page. Only the attributes we use are typed; the rest
 * of Plotly's schema passes through as plain values.
 */

/** One Plotly trace (scatter, bar, heatmap …). */
export interface Trace {
  readonly type: 'scatter' | 'bar' | 'heatmap';
  readonly [attribute: string]: unknown;
}

/** Plotly layout attributes. */
export interface Layout {
  readonly [attribute: string]: unknown;
}

export interface Figure {
  readonly data: Trace[];
  readonly layout: Layout;
}

/** Significant digits kept in figure data: plenty for the eye and for hover labels. */
export const FIGURE_DIGITS = 6;

/** x rounded to `digits` significant digits (non-finite values become null: a gap). */
export function round(x: number, digits = FIGURE_DIGITS): number | null {
  if (!Number.isFinite(x)) return null;
  if (x === 0) return 0;
  return Number(x.toPrecision(digits));
}

/** A numeric series as a plain array for JSON, rounded. */
export function roundAll(xs: ArrayLike<number>, digits = FIGURE_DIGITS): (number | null)[] {
  return Array.from(xs, (x) => round(x, digits));
}

/** Deeply rounds every number of a JSON-like value (used by tests on golden files). */
export function roundDeep<T>(value: T, digits = FIGURE_DIGITS): T {
  if (typeof value === 'number') return round(value, digits) as T;
  if (Array.isArray(value)) return value.map((v) => roundDeep(v, digits)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = roundDeep(v, digits);
    return out as T;
  }
  return value;
}

export interface AxisOptions {
  readonly title?: string;
  readonly range?: readonly [number, number];
}

/** Common layout: white background, legend on the right, hover across series. */
export function baseLayout(title: string, x: AxisOptions = {}, y: AxisOptions = {}, extra: Layout = {}): Layout {
  return {
    title: { text: title, x: 0, xanchor: 'left', font: { size: 16 } },
    xaxis: axis(x),
    yaxis: axis(y),
    margin: { l: 70, r: 20, t: 50, b: 55 },
    hovermode: 'x unified',
    legend: { orientation: 'v' },
    showlegend: true,
    font: { family: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif', size: 12 },
    plot_bgcolor: '#ffffff',
    paper_bgcolor: '#ffffff',
    ...extra,
  };
}

function axis(a: AxisOptions): Record<string, unknown> {
  return {
    ...(a.title ? { title: { text: a.title } } : {}),
    ...(a.range ? { range: [...a.range] } : {}),
    gridcolor: '#e5e5e5',
    zeroline: false,
    automargin: true,
  };
}

/** "name [units]" or "name" (no units shown for dimensionless quantities). */
export function label(name: string, units?: string): string {
  const u = units?.trim();
  return u && u !== 'dimensionless' && u !== '1' && u !== '-' ? `${name} [${u}]` : name;
}
