/**
 * Sensitivity pictures. One-at-a-time sweeps as a tornado: for each parameter a bar from
 * the outcome at the low end of its range to the outcome at the high end, around the
 * nominal run, widest swing on top. Morris screening as a tornado of mu* (mean absolute
 * elementary effect) with its confidence interval, next to sigma (interactions and
 * non-linearity). Sobol' indices as grouped bars of first-order S1 and total ST with
 * bootstrap intervals. Input: a sensitivity result or the `stockflow sensitivity --json`
 * shape of issue 4.
 */
import { baseLayout, round, type Figure, type Trace } from './figure.js';

interface Oat { readonly low: number; readonly high: number; readonly swing: number; readonly x?: readonly number[] }
interface Morris { readonly mu: number; readonly mu_star: number; readonly sigma: number; readonly mu_star_conf?: number }
interface Sobol { readonly S1: number; readonly ST: number; readonly S1_conf?: number; readonly ST_conf?: number }

export interface SensitivityInput {
  readonly method: string;
  /** The outcome, e.g. "Kinesis Unavailability:integral". */
  readonly metric?: string;
  readonly indices: Readonly<Record<string, Oat | Morris | Sobol | object>>;
  /** Parameter names, most influential first (computed when absent). */
  readonly ranking?: readonly string[];
  /** OAT: the outcome at the nominal point. */
  readonly nominal?: number;
}

export function sensitivityFigure(s: SensitivityInput, title?: string): Figure {
  if (s.method === 'oat') return tornadoFigure(s, title);
  if (s.method === 'morris') return morrisFigure(s, title);
  return sobolFigure(s, title);
}

function order(s: SensitivityInput, key: (name: string) => number): string[] {
  return s.ranking?.length ? [...s.ranking] : Object.keys(s.indices).sort((a, b) => key(b) - key(a));
}

const height = (n: number) => Math.max(300, 90 + 30 * n);
const hbarLayout = (title: string, xTitle: string, names: string[], extra = {}) => baseLayout(title, { title: xTitle }, {}, {
  hovermode: 'closest', yaxis: { categoryorder: 'array', categoryarray: names, autorange: 'reversed', automargin: true }, height: height(names.length), ...extra,
});

/** OAT tornado: bars from the nominal outcome to the outcome at each end of the range. */
export function tornadoFigure(s: SensitivityInput, title?: string): Figure {
  const ix = s.indices as Record<string, Oat>;
  const names = order(s, (n) => ix[n].swing);
  const nominal = s.nominal ?? names.reduce((acc, n) => acc + (ix[n].low + ix[n].high) / 2, 0) / Math.max(1, names.length);
  const end = (which: 'low' | 'high', color: string): Trace => ({
    type: 'bar', orientation: 'h', name: `parameter at the ${which} end`, y: names, base: round(nominal),
    x: names.map((n) => round(ix[n][which] - nominal)), marker: { color },
    customdata: names.map((n) => [round(ix[n][which]), ix[n].x ? round(which === 'low' ? ix[n].x![0] : ix[n].x![ix[n].x!.length - 1]) : null]),
    hovertemplate: `%{y} = %{customdata[1]}: outcome %{customdata[0]}<extra>${which} end</extra>`,
  });
  const t = title ?? `One-at-a-time sensitivity of ${s.metric ?? 'the outcome'}`;
  return {
    data: [end('low', '#6baed6'), end('high', '#fd8d3c')],
    layout: hbarLayout(t, `${s.metric ?? 'outcome'} (nominal ${round(nominal, 4)} at the centre line)`, names, {
      barmode: 'overlay', shapes: [{ type: 'line', xref: 'x', yref: 'paper', x0: round(nominal), x1: round(nominal), y0: 0, y1: 1, line: { color: '#333', width: 1.5 } }],
    }),
  };
}

/** Morris: mu* with its interval and sigma, per parameter. */
export function morrisFigure(s: SensitivityInput, title?: string): Figure {
  const ix = s.indices as Record<string, Morris>;
  const names = order(s, (n) => ix[n].mu_star);
  return {
    data: [
      { type: 'bar', orientation: 'h', name: 'μ* (mean |elementary effect|)', y: names, x: names.map((n) => round(ix[n].mu_star)), marker: { color: '#2171b5' },
        error_x: { type: 'data', array: names.map((n) => round(ix[n].mu_star_conf ?? 0)), visible: names.some((n) => ix[n].mu_star_conf !== undefined), color: '#333' } },
      { type: 'bar', orientation: 'h', name: 'σ (interactions, non-linearity)', y: names, x: names.map((n) => round(ix[n].sigma)), marker: { color: '#bdd7e7' } },
    ],
    layout: hbarLayout(title ?? `Morris screening of ${s.metric ?? 'the outcome'}`, `elementary effect on ${s.metric ?? 'the outcome'}`, names, { barmode: 'group' }),
  };
}

/** Sobol': S1 and ST with bootstrap confidence intervals. */
export function sobolFigure(s: SensitivityInput, title?: string): Figure {
  const ix = s.indices as Record<string, Sobol>;
  const names = order(s, (n) => ix[n].ST);
  const bar = (name: string, key: 'S1' | 'ST', conf: 'S1_conf' | 'ST_conf', color: string): Trace => ({
    type: 'bar', orientation: 'h', name, y: names, x: names.map((n) => round(ix[n][key], 4)), marker: { color },
    error_x: { type: 'data', array: names.map((n) => round(ix[n][conf] ?? 0, 4)), visible: names.some((n) => ix[n][conf] !== undefined), color: '#333' },
  });
  return {
    data: [bar('S1 first-order', 'S1', 'S1_conf', '#74c476'), bar('ST total', 'ST', 'ST_conf', '#006d2c')],
    layout: hbarLayout(title ?? `Sobol' indices of ${s.metric ?? 'the outcome'}`, 'share of output variance', names, { barmode: 'group' }),
  };
}
