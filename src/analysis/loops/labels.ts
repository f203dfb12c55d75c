/**
 * Reported times and the time-labelling convention (§1.5). Scores are computed per dt
 * interval [t(k−1), t(k)] and stored at step k (interval-end). They are reported at the
 * requested save times; under `interval-start` the value reported at t is the one of the
 * interval starting at t (stored at the next step), which is how Stella and the 2020
 * paper's tables label them — their value at t equals ours at t + dt (the run goes on
 * past the stop time for the last one, see history.ts). The first reported time is
 * always 0 under interval-end (no history).
 */
import { savedSteps, type History } from './history.js';
import type { LabelConvention } from './types.js';

export interface Reporting {
  readonly time: Float64Array;
  /** Step index read for each reported time. */
  readonly steps: Int32Array;
}

export function reporting(h: History, labels: LabelConvention): Reporting {
  const saved = savedSteps(h);
  const shift = labels === 'interval-start' ? 1 : 0;
  return {
    time: Float64Array.from(saved, (k) => h.time[k]),
    steps: Int32Array.from(saved, (k) => Math.min(k + shift, h.time.length - 1)),
  };
}

/** A per-step series at the reported times. */
export function atReported(series: Float64Array, r: Reporting): Float64Array {
  const out = new Float64Array(r.steps.length);
  for (let i = 0; i < out.length; i++) out[i] = series[r.steps[i]];
  return out;
}
