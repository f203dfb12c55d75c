/**
 * Scenario overlays: one variable under the baseline and under interventions, each line in
 * its Meadows level's colour, with an optional uncertainty band (P10–P90 over an ensemble)
 * drawn as a translucent area tied to its line in the legend.
 */
import { baseLayout, label, roundAll, type Figure, type Trace } from './figure.js';
import { alpha, BASELINE_COLOR, levelColor, levelName } from './palette.js';

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
  for (const l of lines) {
    const color = l.isBase ? BASELINE_COLOR : levelColor(l.leverage);
    const visible = l.visible === false ? 'legendonly' : true;
    const name = l.isBase ? 'baseline' : l.id;
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
      line: { color, width: l.isBase ? 3 : 2 },
      hovertemplate: `${escapeTemplate(l.title ?? name)}${l.isBase ? '' : ` (${levelName(l.leverage)})`}: %{y}<extra></extra>`,
    });
  }
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
