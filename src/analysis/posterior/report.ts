/** The text form of a posterior: prior against posterior per constant, convergence, and fit. */
import { fmt, formatDuration, formatTime, type TimeAxis } from '../metric-format.js';
import { table } from '../calibrate/report.js';
import { RHAT_FAIL, RHAT_GOOD } from './convergence.js';
import type { Posterior } from './posterior.js';

/** Event times on the model's clock (metric-format.ts), tolerances as durations. */
export function formatPosterior(p: Posterior, o: { title?: string; time?: TimeAxis; members?: string; width?: number } = {}): string {
  const time = (t: number) => formatTime(t, o.time);
  const span = (t: number) => formatDuration(t, o.time?.unit).replace(/^\+/, '');
  const s = p.sampler;
  const c = p.convergence;
  const params = [['constant', 'prior', 'posterior P5…P95', 'median', 'R-hat', 'ESS'], ...p.parameters.map((x) => [
    x.name, `${fmt(x.prior.min)}…${fmt(x.prior.max)}${x.prior.distribution === 'uniform' ? '' : ` ${x.prior.distribution}`}`,
    `${fmt(x.p05)}…${fmt(x.p95)}`, fmt(x.p50), x.rhat.toFixed(3) + (x.rhat >= RHAT_FAIL ? ' !!' : x.rhat >= RHAT_GOOD ? ' !' : ''), String(Math.round(x.ess)),
  ])];
  const fit = [['target', 'observed ± tolerance', 'members P10…P90', 'median'], ...p.fit.map((t) => t.kind === 'event'
    ? [t.target, `${time(t.observed!)} ± ${span(t.tolerance!)}`, `${time(t.p10)}…${time(t.p90)}`, time(t.p50)]
    : [`${t.target} (RMSE)`, '-', `${fmt(t.p10)}…${fmt(t.p90)}`, fmt(t.p50)])];
  const lines = [
    `${o.title ? `${o.title}: ` : ''}posterior by ${s.method}, ${s.chains} chains × ${s.generations} generations (burn-in ${s.burnIn}), seed ${p.seed}: ${s.evaluations} runs, acceptance ${(100 * s.acceptance).toFixed(1)}%${s.outlierResets ? `, ${s.outlierResets} outlier chain reset(s)` : ''}${s.failedRuns ? `, ${s.failedRuns} failed run(s)` : ''}`,
    `${p.members.length} members${o.members ? ` written to ${o.members}` : ''}; convergence: max R-hat ${c.maxRhat.toFixed(3)} (want < ${c.rhatThreshold}), min ESS ${Math.round(c.minEss)} (want ≥ ${c.essThreshold}): ${c.converged ? 'converged' : 'NOT converged'}`,
    '', table(params, 2, o.width), '', table(fit, 1, o.width), '',
    `  R-hat: rank-normalised split R-hat; ! ≥ ${RHAT_GOOD} (Vehtari et al. 2021), !! ≥ ${RHAT_FAIL} (Gelman & Rubin 1992). ESS: bulk effective sample size.`,
    '  Events beyond the end of a run are dated at the end (censored); see docs/calibration.md.',
  ];
  return `${lines.join('\n')}\n`;
}
