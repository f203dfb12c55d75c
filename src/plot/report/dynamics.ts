/**
 * The report's tipping-points section: each constant with an uncertainty range is swept over
 * it (analysis/dynamics), and those whose equilibria fold or meet a Hopf point within the
 * range get a bifurcation diagram, with the model's own value marked. Models with more
 * than MAX_STOCKS state variables are left to `stockflow sweep`, which takes its time.
 */
import type { Model } from '../../model/types.js';
import type { SimulateOptions } from '../../sim/simulate.js';
import { diagramInput, dynamicalSystem, multistableRanges, num, sweep, type Sweep } from '../../analysis/dynamics/index.js';
import { bifurcationFigure } from '../bifurcation.js';
import { escapeHtml } from '../html/escape.js';
import type { AddChart } from './charts.js';

const MAX_STOCKS = 12;
const MAX_CONSTANTS = 6;

export function tippingSection(model: Model, simulate: SimulateOptions | undefined, chart: AddChart): { html?: string; reason?: string } {
  const overrides = simulate?.overrides;
  const built = dynamicalSystem(model, { overrides });
  if (!built.system) return { reason: built.diagnostics[0]?.message ?? 'the model is not an autonomous system' };
  if (built.system.n > MAX_STOCKS) return { reason: `more than ${MAX_STOCKS} stocks: run stockflow sweep on the constants of interest` };
  const s = built.system;
  const candidates = model.variables.filter((v) => v.kind === 'constant' && v.uncertainty && v.uncertainty.max > v.uncertainty.min).slice(0, MAX_CONSTANTS);
  if (!candidates.length) return { reason: 'no constant has an uncertainty range to sweep' };
  const parts: string[] = [];
  for (const c of candidates) {
    if (c.kind !== 'constant' || !c.uncertainty) continue;
    const r = sweep(model, { overrides, parameter: c.name, lo: c.uncertainty.min, hi: c.uncertainty.max });
    const sw = r.sweep;
    if (!sw || (!sw.folds.length && !sw.hopf.length)) continue;
    const bands = multistableRanges(sw);
    const text = [
      sw.folds.length ? `folds at ${sw.folds.map((f) => num(f.value, 7)).join(', ')}` : '',
      sw.hopf.length ? `Hopf points at ${sw.hopf.map((f) => num(f.value, 7)).join(', ')}` : '',
      bands.length ? `two or more stable states for ${bands.map((b) => `${num(b.from, 5)}…${num(b.to, 5)}`).join(', ')}` : '',
    ].filter(Boolean).join('; ');
    parts.push(`<h3>${escapeHtml(c.name)}</h3><p>Over its uncertainty range ${num(c.uncertainty.min)}…${num(c.uncertainty.max)}: ${escapeHtml(text)}.</p>`);
    parts.push(chart(bifurcationFigure(diagramInput(sw, mostVarying(sw), [{ value: overrides?.[c.name] ?? c.value, label: 'model' }]))));
  }
  if (!parts.length) return { reason: 'no fold or Hopf point over the uncertainty ranges of its constants' };
  return { html: `<p>Equilibria of the stocks as each uncertain constant varies (stockflow sweep): stable solid, unstable dashed. A fold is a tipping point — past it the state the system was in no longer exists.</p>${parts.join('\n')}` };
}

/** The model's own stock that differs most along the branches (relative to its size): the one whose diagram shows the fold. */
function mostVarying(sw: Sweep): string {
  const own = sw.stockNames.map((n, i) => ({ n, i })).filter(({ i }) => !sw.system.helper[i]);
  const spread = ({ i }: { i: number }) => {
    const xs = sw.branches.flatMap((b) => b.map((p) => p.state[i]));
    const lo = Math.min(...xs), hi = Math.max(...xs);
    return (hi - lo) / Math.max(Math.abs(lo), Math.abs(hi), 1e-12);
  };
  return (own.length ? own : sw.stockNames.map((n, i) => ({ n, i }))).reduce((a, b) => (spread(b) > spread(a) ? b : a)).n;
}
