/**
 * Vensim's :NA: (core/na.ts): a data variable no data file has is :NA: throughout, and a chart
 * scaled to −1.3e33 flattens every real line to zero. Charts leave saved values of :NA:'s size
 * out (a gap) and say which variables had them.
 */
import { isNaSized as isMissing } from '../core/na.js';
import type { SeriesInput } from './timeseries.js';

/** The named series holding :NA:-sized values, with how many of their saved values are. */
export function missingSeries(run: SeriesInput, names: readonly string[]): { name: string; count: number }[] {
  const out: { name: string; count: number }[] = [];
  for (const name of names) {
    let count = 0;
    for (const x of Array.from(run.series(name))) if (isMissing(x)) count++;
    if (count) out.push({ name, count });
  }
  return out;
}

/** The run with :NA:-sized values as NaN, which charts draw as gaps. */
export function withoutMissing(run: SeriesInput): SeriesInput {
  return { time: run.time, series: (name) => Array.from(run.series(name), (x) => (isMissing(x) ? NaN : x)) };
}

/** One sentence naming the series left out, for a note beside the chart or on stderr. */
export function missingNote(found: readonly { name: string; count: number }[], saves: number): string {
  const list = found.map((f) => `${f.name} (${f.count === saves ? 'every saved value' : `${f.count} of ${saves} saved values`})`).join(', ');
  return `Not drawn, being Vensim's :NA: (missing data, −2^109) or computed from it (magnitude ≥ 6.5e32): ${list}.`;
}
