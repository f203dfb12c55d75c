/**
 * Time charts on the clock: a figure drawn over model time is redrawn with a date axis when
 * the model declares `sim.time_origin` (model/clock.ts). Trace x values, and shapes and
 * annotations placed on the x axis, become wall-clock times in the origin's zone, which is
 * how incident timelines are read.
 */
import { wallClock, zoneLabel, type Clock } from '../model/clock.js';
import type { Figure, Trace } from './figure.js';

type Placed = Record<string, unknown> & { xref?: string; x?: unknown; x0?: unknown; x1?: unknown };

/** The figure with its x axis on the clock; unchanged without a clock. */
export function onClock(fig: Figure, clock: Clock | undefined): Figure {
  if (!clock) return fig;
  const at = (x: unknown) => (typeof x === 'number' ? wallClock(clock, x) : x);
  const data = fig.data.map((t): Trace => (Array.isArray(t.x) && t.type === 'scatter' ? { ...t, x: (t.x as unknown[]).map(at) } : t));
  const onX = (p: Placed) => (p.xref === 'x' || p.xref === undefined ? { ...p, x: at(p.x), x0: at(p.x0), x1: at(p.x1) } : p);
  const { shapes, annotations, xaxis } = fig.layout as { shapes?: Placed[]; annotations?: Placed[]; xaxis?: Record<string, unknown> };
  return {
    data,
    layout: {
      ...fig.layout,
      ...(shapes ? { shapes: shapes.map(onX) } : {}),
      ...(annotations ? { annotations: annotations.map((a) => (a.xref === 'x' ? onX(a) : a)) } : {}),
      xaxis: { ...xaxis, type: 'date', title: { text: `clock time (${zoneLabel(clock)})` }, tickformat: '%H:%M\n%b %d', hoverformat: '%b %d %H:%M' },
    },
  };
}
