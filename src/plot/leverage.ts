/**
 * The leverage ranking as a picture: one bar per leverage point (an intervention, a
 * parameter, a loop), in ranking order, length = its effect on the outcome (positive =
 * better), colour = its Meadows level, whiskers = its uncertainty interval. Written against
 * the ranking's JSON shape (issue 4: entries ordered by effect with the Meadows level beside
 * each); absent fields are simply not drawn.
 */
import { baseLayout, round, type Figure, type Trace } from './figure.js';
import { levelColor, levelName } from './palette.js';
import type { LeverageRanking } from '../analysis/leverage/index.js';

export interface LeverageEntry {
  readonly id: string;
  readonly title?: string;
  /** What kind of leverage point: 'intervention', 'parameter', 'loop' … */
  readonly kind?: string;
  readonly level: number | null;
  /** Effect on the outcome, positive = better, in the outcome's units. */
  readonly effect: number;
  /** Uncertainty interval of the effect (e.g. P10–P90). */
  readonly low?: number;
  readonly high?: number;
  /** Probability of being the best, over an ensemble. */
  readonly pBest?: number;
}

export interface LeverageInput {
  /** The outcome the effects are measured on, with its units. */
  readonly metric?: string;
  /** Ranking order, best first. */
  readonly entries: readonly LeverageEntry[];
  /** Why the order is what it is (e.g. "weighted by depth of leverage: a value judgement"). */
  readonly note?: string;
}

export function leverageFigure(r: LeverageInput, title?: string): Figure {
  const names = r.entries.map((e) => (e.kind ? `${e.id} · ${e.kind}` : e.id));
  const levels = [...new Set(r.entries.map((e) => e.level))].sort((a, b) => (a ?? 13) - (b ?? 13));
  const data: Trace[] = levels.map((level) => {
    const rows = r.entries.map((e, i) => ({ e, name: names[i] })).filter((x) => x.e.level === level);
    const hasInterval = rows.some((x) => x.e.low !== undefined && x.e.high !== undefined);
    return {
      type: 'bar', orientation: 'h', name: levelName(level), marker: { color: levelColor(level) },
      y: rows.map((x) => x.name), x: rows.map((x) => round(x.e.effect)),
      ...(hasInterval ? {
        error_x: {
          type: 'data', symmetric: false, color: '#333',
          array: rows.map((x) => round(Math.max(0, (x.e.high ?? x.e.effect) - x.e.effect))),
          arrayminus: rows.map((x) => round(Math.max(0, x.e.effect - (x.e.low ?? x.e.effect)))),
        },
      } : {}),
      customdata: rows.map((x) => [x.e.title ?? x.e.id, x.e.pBest === undefined ? '' : `<br>P(best) ${Math.round(100 * x.e.pBest)}%`]),
      hovertemplate: `%{customdata[0]}<br>effect %{x}%{customdata[1]}<extra>${levelName(level)}</extra>`,
    };
  });
  const x = `effect on ${r.metric ?? 'the outcome'} (← worse · better →)`;
  return {
    data,
    layout: baseLayout(title ?? `Leverage ranking${r.metric ? ` on ${r.metric}` : ''}`, { title: x }, {}, {
      hovermode: 'closest', barmode: 'overlay',
      yaxis: { categoryorder: 'array', categoryarray: names, autorange: 'reversed', automargin: true },
      xaxis: { title: { text: x }, zeroline: true, zerolinecolor: '#444', gridcolor: '#e5e5e5', automargin: true },
      legend: { title: { text: 'Meadows level' } },
      height: Math.max(320, 80 + 28 * names.length),
    }),
  };
}

/**
 * The figure input for a ranking from analysis/leverage (rankLeverage): one bar per
 * intervention in the ranking's order, length = median improvement on the outcome in its
 * units (positive = better), whiskers = P10–P90 of the paired improvement, with the Pareto
 * frontier (and, for the weighted view, the value-judgement label) in the note.
 */
export function leverageInputFromRanking(r: LeverageRanking): LeverageInput {
  const better = (d: number) => (r.metric.better === 'lower' ? -d : d);
  const entries = r.interventions.map((x): LeverageEntry => {
    const ends = [better(x.delta.p10), better(x.delta.p90)];
    return {
      id: x.id, title: x.title, level: x.level, effect: better(x.delta.median),
      low: Math.min(...ends), high: Math.max(...ends), ...(r.draws > 1 ? { pBest: x.effect.pBest } : {}),
    };
  });
  const order = r.view === 'weighted'
    ? `Ordered by the depth-weighted score robust effect × (1 + ${r.settings.beta} × depth): a value judgement in favour of deep leverage, not a measurement.`
    : r.view === 'lexicographic' ? 'Ordered epsilon-lexicographically: robust effect in bands, deeper leverage first inside a band.'
      : 'Ordered by robust effect (P10 of the paired relative effect).';
  const spreadNote = r.draws > 1 ? ` Bars: median improvement over ${r.draws} paired draws of the uncertain constants; whiskers P10–P90.` : '';
  const frontier = r.frontier.length ? ` Pareto frontier on (robust effect, depth of leverage), no weights: ${r.frontier.join(', ')}.` : '';
  const units = r.metric.units ? ` [${r.metric.units}]` : '';
  return { metric: `${r.metric.name}${units}`, entries, note: `${order}${spreadNote}${frontier}` };
}
