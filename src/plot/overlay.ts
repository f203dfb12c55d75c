/**
 * Scenario overlays: one variable under the baseline and under interventions, each
 * intervention in its own colour with its Meadows level as the line style, with an optional uncertainty band (P10–P90 over an ensemble)
 * drawn as a translucent area tied to its line in the legend.
 */
import { baseLayout, label, roundAll, type Figure, type Trace } from './figure.js';
import { alpha, BASELINE_COLOR, interventionColor, levelDash, levelName } from './palette.js';

/** Lower and upper envelope of a variable over an ensemble, at the save times. */
export interface Band {
  readonly low: ArrayLike<number>;
  readonly high: ArrayLike<number>;
}

/** One line of an overlay: the baseline or a scenario. */
export interface OverlayLine {
  readonly id: string;
  readonly title?: string;
  /** Meadows level 1–12, or null/absent for the baseline or an unannotated scenario. */
  readonly leverage?: number | null;
  readonly time: ArrayLike<number>;
  readonly values: ArrayLike<number>;
  readonly band?: Band;
  /** Shown at first (default true); otherwise only in the legend, a click away. */
  readonly visible?: boolean;
  /** Colour index of the intervention (stable across a report's charts); default its position. */
  readonly colorIndex?: number;
}

export interface OverlayOptions {
  readonly title?: string;
  readonly timeUnit?: string;
  readonly units?: string;
  /** Name of the band for the legend, e.g. "P10–P90 over 50 draws". */
  readonly bandLabel?: string;
}

export function scenarioOverlayFigure(variable: string, baseline: OverlayLine, scenarios: readonly OverlayLine[], o: OverlayOptions = {}): Figure {
  const data: Trace[] = [];
  const lines = [{ ...baseline, isBase: true }, ...scenarios.map((s) => ({ ...s, isBase: false }))];
  lines.forEach((l, k) => {
    const color = l.isBase ? BASELINE_COLOR : interventionColor(l.colorIndex ?? k - 1);
    const visible = l.visible === false ? 'legendonly' : true;
    const name = l.isBase ? 'baseline' : `${l.id}${l.leverage ? ` · L${l.leverage}` : ''}`;
    const x = roundAll(l.time);
    if (l.band) {
      data.push({
        type: 'scatter', mode: 'lines', x: [...x, ...[...x].reverse()],
        y: [...roundAll(l.band.high), ...roundAll(l.band.low).reverse()],
        fill: 'toself', fillcolor: alpha(color, 0.15), line: { width: 0, color },
        name: `${name} ${o.bandLabel ?? 'band'}`, legendgroup: name, showlegend: false, hoverinfo: 'skip', visible,
      });
    }
    data.push({
      type: 'scatter', mode: 'lines', x, y: roundAll(l.values), name, legendgroup: name, visible,
      line: { color, width: l.isBase ? 3 : 2, dash: l.isBase ? 'solid' : levelDash(l.leverage) },
      hovertemplate: `${escapeTemplate(l.title ?? name)}${l.isBase ? '' : ` (${levelName(l.leverage)})`}: %{y}<extra></extra>`,
    });
  });
  const title = o.title ?? `${variable}: baseline and interventions`;
  const note = o.bandLabel ? ` (shaded: ${o.bandLabel})` : '';
  return {
    data,
    layout: baseLayout(`${title}${note}`, { title: label('time', o.timeUnit) }, { title: label(variable, o.units) }, { hovermode: 'closest' }),
  };
}

/** Plotly hover templates substitute %{…}; keep titles literal. */
function escapeTemplate(s: string): string {
  return s.replace(/%\{/g, '% {');
}
