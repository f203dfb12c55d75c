/** The text form of a posterior: prior against posterior per constant, convergence, and fit. */
import { fmt } from '../report.js';
import { table } from '../calibrate/report.js';
import { RHAT_FAIL, RHAT_GOOD } from './convergence.js';
import type { Posterior } from './posterior.js';

/** Clock-style H:MM for hours (event times of models in hours), else the number. */
const time = (h: number, hours: boolean) => {
  if (!hours || !Number.isFinite(h)) return fmt(h);
  const m = Math.round(h * 60);
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
};

export function formatPosterior(p: Posterior, o: { title?: string; hours?: boolean; members?: string; width?: number } = {}): string {
  const s = p.sampler;
  const c = p.convergence;
  const params = [['constant', 'prior', 'posterior P5…P95', 'median', 'R-hat', 'ESS'], ...p.parameters.map((x) => [
    x.name, `${fmt(x.prior.min)}…${fmt(x.prior.max)}${x.prior.distribution === 'uniform' ? '' : ` ${x.prior.distribution}`}`,
    `${fmt(x.p05)}…${fmt(x.p95)}`, fmt(x.p50), x.rhat.toFixed(3) + (x.rhat >= RHAT_FAIL ? ' !!' : x.rhat >= RHAT_GOOD ? ' !' : ''), String(Math.round(x.ess)),
  ])];
  const fit = [['target', 'observed ± tolerance', 'members P10…P90', 'median'], ...p.fit.map((t) => t.kind === 'event'
    ? [t.target, `${time(t.observed!, !!o.hours)} ± ${time(t.tolerance!, !!o.hours)}`, `${time(t.p10, !!o.hours)}…${time(t.p90, !!o.hours)}`, time(t.p50, !!o.hours)]
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
