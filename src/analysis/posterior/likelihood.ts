/**
 * The likelihood of one run against reference data, the assumption behind a posterior
 * (docs/calibration.md):
 *
 * - event times: the observed time is the model's time plus a Gaussian dating error with the
 *   event's stated `tolerance` as standard deviation, independent across events:
 *       log L = Σ −½ ((t_model − t_obs)/σ)² − log σ − ½ log 2π;
 * - series: each data point is the model value (linearly interpolated between save times) plus
 *   a Gaussian error with the column's stated `sigma`, independent across points.
 *
 * Censoring: an event the run does not reach (a threshold never crossed, a recovery that has not
 * happened by the end) has t_model beyond the run. It is dated at the end of the run, the time
 * analysis/metrics.ts gives it; for an observed time inside the run that is the largest
 * likelihood any time beyond the run could give (the censored value's profile bound), so the
 * penalty is the smallest one consistent with the run. The other side likewise: a last_time_*
 * event whose condition never holds ("never happened", before any time) is dated at the start
 * of the run, the bound for a time before it. A run that fails has likelihood 0.
 */
import { error, type Diagnostic } from '../../core/diagnostics.js';
import { aggregate, type SeriesSource } from '../metrics.js';
import { interpolate } from '../calibrate/fit.js';
import { targetLabel, type EventTarget, type Target } from '../calibrate/targets.js';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

export function logLikelihood(targets: readonly Target[], source: SeriesSource): number {
  let ll = 0;
  for (const t of targets) {
    if (t.kind === 'event') ll += normalLog(eventTime(t, source) - t.time, t.tolerance!);
    else {
      const y = source.series(t.variable);
      for (let i = 0; i < t.time.length; i++) ll += normalLog(interpolate(source.time, y, t.time[i]) - t.values[i], t.sigma!);
    }
  }
  return Number.isNaN(ll) ? -Infinity : ll;
}

/** The model's time of an event; one beyond the run is dated at its end, one before it at its start (see above). */
export function eventTime(t: EventTarget, source: SeriesSource): number {
  const v = aggregate(source.time, source.series(t.variable), t.aggregate, t.threshold ?? 0);
  const end = source.time[source.time.length - 1];
  return Number.isFinite(v) ? v : end;
}

function normalLog(err: number, sigma: number): number {
  const z = err / sigma;
  return -0.5 * z * z - Math.log(sigma) - LOG_SQRT_2PI;
}

/** Every target needs its error scale: a located diagnostic for each one that lacks it. */
export function likelihoodProblems(targets: readonly Target[], file?: string): Diagnostic[] {
  return targets.flatMap((t) => {
    if (t.kind === 'event' && !(t.tolerance! > 0)) {
      return [error('missing-tolerance', `event '${targetLabel(t)}' has no tolerance; the posterior's likelihood needs one`, { file, hint: 'add a tolerance column to the events file: the standard deviation of the dating error, e.g. 0:15' })];
    }
    if (t.kind === 'series' && !(t.sigma! > 0)) {
      return [error('missing-sigma', `series '${t.variable}' has no sigma; the posterior's likelihood needs one`, { file, hint: 'add a row "sigma,<σ>,…" to the series file: the measurement error of each column' })];
    }
    return [];
  });
}
