/**
 * Reference data on time charts: published events as dotted vertical lines labelled at the
 * top with a marker where the record says the variable crossed its threshold, and reference
 * series as labelled markers, on the charts of their variable. An event about a part of the
 * system (its variable's sector: the Cognito errors, a CloudWatch recovery) is also drawn, as
 * its labelled line without the marker, on the charts of that sector's other variables.
 */
import { canonicalName } from '../core/names.js';
import type { EventTarget, Target } from '../analysis/calibrate/targets.js';
import { round, type Figure, type Trace } from './figure.js';

const EVENT_COLOR = '#7a1f5c';

/** The sector of a variable, by any spelling of its name (absent: events only on their own variable's charts). */
export type SectorOf = (variable: string) => string | undefined;

/** The figure with the targets that concern `variables` drawn on it. */
export function withReference(fig: Figure, targets: readonly Target[], variables: readonly string[], sectorOf?: SectorOf): Figure {
  const ids = new Set(variables.map(canonicalName));
  const mine = targets.filter((t) => ids.has(canonicalName(t.variable)));
  const sectors = new Set(variables.map((v) => sectorOf?.(v)).filter((s) => s !== undefined));
  const nearby = targets.filter((t): t is EventTarget => t.kind === 'event' && !ids.has(canonicalName(t.variable)) && sectors.has(sectorOf?.(t.variable)));
  if (!mine.length && !nearby.length) return fig;
  const events = mine.filter((t): t is EventTarget => t.kind === 'event');
  const data: Trace[] = [...fig.data];
  if (events.length) {
    data.push({
      type: 'scatter', mode: 'markers', name: 'published events', legendgroup: 'record',
      x: events.map((e) => round(e.time)), y: events.map((e) => (e.threshold === undefined ? null : round(e.threshold))),
      text: events.map((e) => e.name), hovertemplate: '%{text}<extra>record</extra>',
      marker: { symbol: 'diamond-open', size: 10, color: EVENT_COLOR, line: { width: 2 } },
    });
  }
  for (const s of mine) {
    if (s.kind !== 'series') continue;
    data.push({
      type: 'scatter', mode: 'markers', name: `record: ${s.variable}`, legendgroup: 'record',
      x: s.time.map((t) => round(t)), y: s.values.map((v) => round(v)), marker: { symbol: 'circle-open', size: 7, color: EVENT_COLOR },
    });
  }
  const layout = fig.layout as { shapes?: unknown[]; annotations?: unknown[] };
  const lines = [...events, ...nearby].sort((a, b) => a.time - b.time);
  const shapes = lines.map((e) => ({ type: 'line', xref: 'x', yref: 'paper', x0: round(e.time), x1: round(e.time), y0: 0, y1: 1, line: { color: EVENT_COLOR, width: 1, dash: 'dot' } }));
  const annotations = lines.map((e) => ({
    xref: 'x', yref: 'paper', x: round(e.time), y: 1, yanchor: 'top', xanchor: 'left', textangle: -90, showarrow: false,
    text: shortLabel(e.name), font: { size: 9, color: EVENT_COLOR }, bgcolor: 'rgba(255,255,255,0.7)'
  }));
  return { data, layout: { ...fig.layout, shapes: [...(layout.shapes ?? []), ...shapes], annotations: [...(layout.annotations ?? []), ...annotations] } };
}

/** The event's label without its source tag: "first Kinesis alarm [PQ]" → "first Kinesis alarm". */
function shortLabel(name: string): string {
  const s = name.replace(/\s*\[[^\]]*\]\s*$/, '');
  return s.length > 30 ? `${s.slice(0, 29)}…` : s;
}
