/** Report sections from the analysis modules: loop dominance and sensitivity. */
import type { Model } from '../../model/types.js';
import type { SimulateOptions } from '../../sim/simulate.js';
import type { Diagnostic } from '../../core/diagnostics.js';
import { analyzeLoops, loopLabel, loopsToJson, type LoopAnalysis } from '../../analysis/loops/index.js';
import { modelSensitivity } from '../../analysis/sensitivity/index.js';
import { loopDominanceFigures } from '../loops.js';
import { sensitivityFigure } from '../sensitivity.js';
import { escapeHtml } from '../html/escape.js';
import type { DiagramLoop } from '../diagram/index.js';
import type { AddChart } from './charts.js';

export interface Section { readonly html?: string; readonly reason?: string; readonly diagnostics: Diagnostic[] }

/** Partitions worth a chart: those with at least two loops, largest first, at most `max`. */
function mainPartitions(a: LoopAnalysis, max = 3): number[] {
  return a.partitions.map((p, i) => ({ i, n: p.loops.length })).filter((p) => p.n >= 2).sort((x, y) => y.n - x.n).slice(0, max).map((p) => p.i);
}

export function loopAnalysis(model: Model, simulate?: SimulateOptions): { analysis?: LoopAnalysis; diagnostics: Diagnostic[] } {
  return analyzeLoops(model, { ...simulate });
}

/**
 * Loops for the diagram's R/B marks: every loop the model names, labelled with its name; when
 * it names none, the most important loops of the charted partitions by generated id.
 */
export function diagramLoops(a: LoopAnalysis | undefined, max = 8): DiagramLoop[] {
  if (!a) return [];
  const named = a.loops.filter((l) => l.name);
  const parts = new Set(mainPartitions(a));
  const chosen = named.length ? named : [...a.loops].filter((l) => parts.has(l.partition)).sort((x, y) => y.importance - x.importance).slice(0, max);
  return chosen.map((l) => ({ id: loopLabel(l), polarity: l.polarity, variables: l.variables }));
}

export function loopSection(a: LoopAnalysis | undefined, model: Model, chart: AddChart): Omit<Section, 'diagnostics'> {
  if (!a || !a.loops.length) return { reason: 'the model has no feedback loops' };
  const parts = mainPartitions(a);
  if (!parts.length) return { reason: 'no group of interacting stocks has more than one feedback loop' };
  const json = loopsToJson(a);
  const figures = loopDominanceFigures({
    ...json,
    loops: json.loops.map((l, i) => ({ ...l, partition: a.loops[i].partition })),
    partitions: a.partitions.map((p, i) => (parts.includes(i) ? p : { stocks: p.stocks, loops: [] })),
  }, { timeUnit: model.sim.timeUnit });
  const intro = `<p>${a.loops.length} feedback loops (${a.search === 'exhaustive' ? 'every elementary loop' : 'found by the strongest-path search'}) in ${a.partitions.length} groups of interacting stocks. `
    + 'Loops That Matter: a loop\'s relative score is its share of the change in its group\'s stocks at each moment; reinforcing loops are stacked above zero, balancing loops below, and a loop or set of loops with at least half the change dominates (labels along the top). '
    + `Scores are labelled at the end of each dt interval (${escapeHtml(a.labels)}).</p>`;
  const top = [...a.loops].filter((l) => parts.includes(l.partition)).sort((x, y) => y.importance - x.importance).slice(0, 6);
  const list = `<ul>${top.map((l) => `<li><b>${escapeHtml(l.name ? `${l.name} (${l.id})` : l.id)}</b> (${l.polarity}${l.polarityChanges ? ', changes sign' : ''}): ${escapeHtml([...l.variables, l.variables[0]].join(' → '))}</li>`).join('')}</ul>`;
  return { html: [intro, ...figures.map((f) => chart(f)), '<h3>The most important loops</h3>', list].join('\n') };
}

export async function sensitivitySection(model: Model, method: string, samples: number | undefined, seed: number, simulate: SimulateOptions | undefined, chart: AddChart): Promise<Section> {
  const metric = model.metrics?.[0];
  if (!metric) return { reason: 'the model defines no outcome metric to measure', diagnostics: [] };
  if (!model.variables.some((v) => v.kind === 'constant' && v.uncertainty)) return { reason: 'no constant has an uncertainty range', diagnostics: [] };
  const r = await modelSensitivity(model, { method, samples, seed, simulate, metric: { variable: metric.variable, aggregate: metric.aggregate, threshold: metric.threshold } });
  if (!r.result) return { reason: 'the sensitivity runs failed (see the diagnostics)', diagnostics: r.diagnostics };
  const ranking = r.result.ranking.slice(0, 15);
  const fig = sensitivityFigure({ ...r.result, metric: metric.name, ranking, indices: Object.fromEntries(ranking.map((n) => [n, r.result!.indices[n]])) });
  const shown = ranking.length < r.result.ranking.length ? ` The chart shows the ${ranking.length} most influential of ${r.result.ranking.length}.` : '';
  const what = method === 'oat' ? 'one-at-a-time sweeps' : method === 'morris' ? 'Morris elementary effects' : "Sobol' variance indices";
  const intro = `<p>How much <b>${escapeHtml(metric.name)}</b> depends on each uncertain constant over its documented range: ${what}, ${r.result.runs} runs, seed ${r.result.seed}. `
    + `Most influential: ${r.result.ranking.slice(0, 3).map(escapeHtml).join(', ')}.${shown}</p>`;
  return { html: intro + chart(fig), diagnostics: r.diagnostics };
}
