/**
 * Text and JSON forms of a sensitivity result. JSON: `{ method, metric, indices: { NAME: {S1,
 * ST, S1_conf, ST_conf} | {mu, mu_star, sigma, mu_star_conf} | {low, high, min, max, swing, x,
 * y} }, … }` plus the run's samples, seed, runs, parameter ranges and ranking. NaN becomes null.
 */
import { fmt } from '../report.js';
import { textTable } from '../../core/text-table.js';
import type { SensitivityResult } from './analyze.js';
import type { MorrisIndex } from './morris.js';
import type { OatIndex } from './oat.js';
import type { SobolIndex } from './saltelli.js';
import { dict } from '../../core/dict.js';
import type { GivenDataIndex } from './given-data.js';

type Result = SensitivityResult & { readonly metric: string };

export function sensitivityJson(r: Result): string {
  const parameters: Record<string, { lo: number; hi: number; distribution: string }> = dict();
  for (const f of r.factors) parameters[f.name] = { lo: f.lo, hi: f.hi, distribution: f.distribution ?? 'uniform' };
  const out = {
    method: r.method, metric: r.metric, indices: r.indices,
    samples: r.samples, seed: r.seed, runs: r.runs, parameters, ranking: r.ranking,
    ...(r.nominal === undefined ? {} : { nominal: r.nominal }),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

const COLUMNS: Record<string, { head: string[]; cells: (x: never) => string[]; note: string }> = {
  sobol: {
    head: ['S1', '± S1', 'ST', '± ST'],
    cells: (x: SobolIndex) => [fmt(x.S1), fmt(x.S1_conf), fmt(x.ST), fmt(x.ST_conf)],
    note: 'S1 = first-order share of output variance (Saltelli 2010), ST = total share incl. interactions (Jansen 1999); ± = bootstrap half-width',
  },
  morris: {
    head: ['mu*', '± mu*', 'mu', 'sigma'],
    cells: (x: MorrisIndex) => [fmt(x.mu_star), fmt(x.mu_star_conf), fmt(x.mu), fmt(x.sigma)],
    note: 'mu* = mean |elementary effect| per full factor range; sigma large vs mu* = non-linear or interacting; |mu| << mu* = effect changes sign',
  },
  'given-data': {
    head: ['eps2', '± eps2', 'rho'],
    cells: (x: GivenDataIndex) => [fmt(x.eta2), fmt(x.eta2_conf), fmt(x.rho)],
    note: 'eps2 = first-order share of output variance over the ensemble\'s members, from given data (binned correlation ratio, bias-corrected; Plischke et al. 2013); rho = Spearman rank correlation; range = the members\' range',
  },
  oat: {
    head: ['at low', 'at high', 'swing'],
    cells: (x: OatIndex) => [fmt(x.low), fmt(x.high), fmt(x.swing)],
    note: 'one at a time from the nominal point; swing = max − min of the output over the sweep',
  },
};

export function formatSensitivity(r: Result, title = '', width?: number): string {
  const c = COLUMNS[r.method];
  const byName = new Map(r.factors.map((f) => [f.name, f]));
  const rows = [['#', 'parameter', 'range', ...c.head]];
  r.ranking.forEach((name, i) => {
    const f = byName.get(name)!;
    rows.push([String(i + 1), name, `${fmt(f.lo)}…${fmt(f.hi)}`, ...c.cells(r.indices[name] as never)]);
  });
  const table = textTable(rows, { right: (j) => j >= 3 || j === 0, keep: 2, width }).join('\n');
  const nominal = r.nominal === undefined ? '' : `, nominal output ${fmt(r.nominal)}`;
  return `${title ? `${title}: ` : ''}${r.method} sensitivity of ${r.metric} — ${r.runs} runs (samples ${r.samples}, seed ${r.seed})${nominal}\n\n${table}\n\n  ${c.note}\n`;
}
