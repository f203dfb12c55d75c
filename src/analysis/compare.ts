/**
 * Compare interventions: run the baseline and each variant (a scenario already applied to
 * the model, see scenarios/), compute the outcome metrics, and rank the variants by effect.
 *
 * Ranking: by improvement on the first selected metric (in its `better` direction), ties
 * broken by the next metrics in order, then by deeper leverage (smaller Meadows level), then
 * by the model's scenario order. The JSON form is
 * `{ baseline: { metrics }, scenarios: [{ id, title, leverage, metrics, delta }] }`, with
 * delta = scenario − baseline in each metric's units.
 */
import { error, ModelError, type Diagnostic } from '../core/diagnostics.js';
import { canonicalName, didYouMean } from '../core/names.js';
import type { Metric, Model, Scenario } from '../model/types.js';
import { simulate, type SimulateOptions } from '../sim/simulate.js';
import { checkMetrics, computeMetrics, improvement, isBetter } from './metrics.js';
import type { Variant } from '../scenarios/find.js';
import { dict } from '../core/dict.js';

export type { Variant } from '../scenarios/find.js';

export interface ScenarioOutcome {
  readonly id: string;
  readonly title: string;
  /** Meadows leverage level 1–12, or null when the scenario has none. */
  readonly leverage: number | null;
  readonly metrics: Record<string, number>;
  readonly delta: Record<string, number>;
}

export interface Comparison {
  readonly baseline: { readonly metrics: Record<string, number> };
  /** Sorted by effect, best first. */
  readonly scenarios: ScenarioOutcome[];
}

/** The metrics named (by name, case/space-insensitive), or all of the model's. */
export function selectMetrics(model: Model, names?: readonly string[]): { metrics: Metric[]; diagnostics: Diagnostic[] } {
  const all = model.metrics ?? [];
  const diagnostics: Diagnostic[] = [];
  if (!all.length) diagnostics.push(error('no-metrics', 'the model defines no metrics to compare', { file: model.file, hint: 'add a metrics: section (docs/model-format.md)' }));
  if (!names) return { metrics: [...all], diagnostics: [...diagnostics, ...checkMetrics(model, all)] };
  const byId = new Map(all.map((m) => [canonicalName(m.name), m]));
  const metrics: Metric[] = [];
  for (const name of names) {
    const m = byId.get(canonicalName(name));
    if (m) metrics.push(m);
    else {
      const guess = didYouMean(canonicalName(name), byId.keys());
      diagnostics.push(error('unknown-metric', `no metric '${name}' in the model`, { file: model.file, field: 'metrics', hint: guess ? `did you mean '${byId.get(guess)!.name}'?` : `the model's metrics: ${all.map((x) => x.name).join(', ')}` }));
    }
  }
  return { metrics, diagnostics: [...diagnostics, ...checkMetrics(model, metrics)] };
}

/** Runs baseline and variants once each; throws ModelError when a run is impossible. */
export function compareVariants(baseline: Model, variants: readonly Variant[], metrics: readonly Metric[], options: SimulateOptions = {}): Comparison {
  const base = computeMetrics(metrics, simulate(baseline, options));
  const outcomes = variants.map((v) => {
    const values = computeMetrics(metrics, runVariant(v, options));
    return outcome(v.scenario, values, base);
  });
  return { baseline: { metrics: base }, scenarios: sortByEffect(outcomes, metrics, variants.map((v) => v.scenario.id)) };
}

/** Orders outcomes best first (see the module comment). */
export function sortByEffect<T extends { id: string; leverage: number | null; metrics: Record<string, number> }>(
  outcomes: readonly T[], metrics: readonly Metric[], order: readonly string[] = outcomes.map((o) => o.id),
): T[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  return [...outcomes].sort((a, b) => {
    for (const m of metrics) {
      const x = a.metrics[m.name];
      const y = b.metrics[m.name];
      if (isBetter(m, x, y)) return -1;
      if (isBetter(m, y, x)) return 1;
    }
    const la = a.leverage ?? 13;
    const lb = b.leverage ?? 13;
    if (la !== lb) return la - lb;
    return (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0);
  });
}

/** Improvement on a metric relative to the baseline value, as a fraction (0 when the baseline is 0). */
export function relativeImprovement(metric: Metric, value: number, base: number): number {
  return base === 0 ? 0 : improvement(metric, value, base) / Math.abs(base);
}

function runVariant(v: Variant, options: SimulateOptions) {
  try {
    return simulate(v.model, options);
  } catch (e) {
    if (e instanceof ModelError) {
      throw new ModelError(e.diagnostics.map((d) => ({ ...d, message: `scenario '${v.scenario.id}': ${d.message}` })));
    }
    throw e;
  }
}

function outcome(s: Scenario, values: Record<string, number>, base: Record<string, number>): ScenarioOutcome {
  const delta: Record<string, number> = dict();
  for (const k of Object.keys(values)) delta[k] = values[k] - base[k];
  return { id: s.id, title: s.title, leverage: s.leverage?.level ?? null, metrics: values, delta };
}
