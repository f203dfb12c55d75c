/**
 * The JSON document of `stockflow rank --json`: the ranking as data (see types.ts), numbers
 * rounded to 12 significant digits so files stay readable, NaN as null. The thread count is
 * left out, so the same seed gives the same bytes whatever --workers is.
 *
 * Censored times of event (metrics.ts) keep their state, as `compare --json` writes them: a
 * baseline value is "never happened" or "not by the end of the run"; an effect or change that
 * is infinite because one side is censored is "+∞ (censored)" or "−∞ (censored)", as the text
 * report prints it. JSON has no ±∞, and null would read as "no value".
 */
import { censoredState, metricKind } from '../metrics.js';
import type { InterventionEntry, LeverageRanking, Spread } from './types.js';

export function rankingJson(r: LeverageRanking): string {
  const { workers, ...rest } = r;
  void workers;
  const time = metricKind(r.metric) === 'time';
  const doc = time ? {
    ...rest,
    baseline: censorSpread(rest.baseline, censoredValue),
    interventions: rest.interventions.map(censorEntry),
    counterfactuals: rest.counterfactuals.map(censorEntry),
  } : rest;
  return `${JSON.stringify(doc, (_, v) => (typeof v === 'number' ? clean(v) : v), 2)}\n`;
}

type Censored<T> = { [K in keyof T]: T[K] extends number ? number | string : T[K] };

function censorSpread<S extends Spread>(s: S, f: (v: number) => number | string): Censored<S> {
  const keep = new Set(['pPositive', 'pBest']);
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, typeof v === 'number' && !keep.has(k) ? f(v) : v])) as Censored<S>;
}

function censorEntry(e: InterventionEntry) {
  return { ...e, effect: censorSpread(e.effect, censoredChange), delta: censorSpread(e.delta, censoredChange) };
}

function censoredValue(v: number): number | string {
  return censoredState(v) ?? v;
}

function censoredChange(v: number): number | string {
  return v === Infinity ? '+∞ (censored)' : v === -Infinity ? '−∞ (censored)' : v;
}

function clean(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  return x === 0 ? 0 : Number(x.toPrecision(12));
}
