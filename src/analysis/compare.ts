/**
 * Compare interventions: run the baseline and each variant (a scenario already applied to
 * the model, see scenarios/), compute the outcome metrics, and rank the variants by effect.
 *
 * Ranking: by improvement on the first selected metric (in its `better` direction), ties
 * broken by the next metrics in order, then by deeper leverage (smaller Meadows level), then
 * by the model's scenario order. Counterfactuals (scenario kind) are what-ifs about the event,
 * not changes one could make: they are ranked among themselves, apart from the remediations.
 * The JSON form is `{ baseline: { metrics }, scenarios: [{ id, title, kind, leverage, metrics,
 * delta }], counterfactuals: [...] }`, with delta = scenario − baseline in each metric's units.
 * A scenario that changes the run before the model's trigger gets a warning (trigger.ts).
 */
import { timeAxisOf, type TimeAxis } from './metric-format.js';
import { error, ModelError, type Diagnostic } from '../core/diagnostics.js';
import { canonicalName, didYouMean } from '../core/names.js';
import type { Metric, Model, Scenario, ScenarioKind } from '../model/types.js';
import { simulate, type SimulateOptions } from '../sim/simulate.js';
import type { SimulationResult } from '../sim/result.js';
import { checkMetrics, computeMetrics, difference, isBetter } from './metrics.js';
import type { Variant } from '../scenarios/find.js';
import { dict } from '../core/dict.js';
import { triggerCheck } from './trigger.js';

export type { Variant } from '../scenarios/find.js';

export interface ScenarioOutcome {
  readonly id: string;
  readonly title: string;
  readonly kind: ScenarioKind;
  /** Meadows leverage level 1–12, or null when the scenario has none. */
  readonly leverage: number | null;
  readonly metrics: Record<string, number>;
  readonly delta: Record<string, number>;
}

export interface Comparison {
  readonly baseline: { readonly metrics: Record<string, number> };
  /** The remediations, sorted by effect, best first. */
  readonly scenarios: ScenarioOutcome[];
  /** The counterfactuals, sorted by effect among themselves. */
  readonly counterfactuals: ScenarioOutcome[];
  /** Scenarios that change the run before the model's trigger. */
  readonly warnings: Diagnostic[];
  /** The model's time unit and clock origin, for showing times of events. */
  readonly time: TimeAxis;
}

/** The scenario's kind (remediation when it does not say). */
export function kindOf(s: Scenario): ScenarioKind {
  return s.kind ?? 'remediation';
}

/** The metrics named (by name, case/space-insensitive), or all of the model's. */
export function selectMetrics(model: Model, names?: readonly string[]): { metrics: Metric[]; diagnostics: Diagnostic[] } {
  const all = model.metrics ?? [];
  const diagnostics: Diagnostic[] = [];
  if (!all.length) diagnostics.push(error('no-metrics', 'the model defines no metrics to compare', { file: model.file, hint: addSection(model, 'metrics') }));
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

/**
 * How to give the model a metrics: or scenarios: section. A Vensim or XMILE file has no place
 * for one that its tools write, so the way is the native format.
 */
export function addSection(model: Model, section: 'metrics' | 'scenarios'): string {
  const add = `add a ${section}: section (docs/model-format.md)`;
  if (model.format !== 'vensim' && model.format !== 'xmile') return add;
  const file = model.file ?? `MODEL.${model.format === 'vensim' ? 'mdl' : 'xmile'}`;
  const quoted = (name: string) => (/[\s'"]/.test(name) ? JSON.stringify(name) : name);
  const yaml = `${file.replace(/\.[^./\\]*$/, '')}.yaml`;
  return `${model.format === 'vensim' ? 'a Vensim' : 'an XMILE'} model has none: convert it to the native format (stockflow convert ${quoted(file)} ${quoted(yaml)}) and ${add}`;
}

/** Runs baseline and variants once each; throws ModelError when a run is impossible. */
export function compareVariants(baseline: Model, variants: readonly Variant[], metrics: readonly Metric[], options: SimulateOptions = {}): Comparison {
  return compareWith(baseline, variants, metrics, simulate(baseline, options), (v) => runVariant(v, options));
}

/** The runs of a baseline and its variants (by scenario id), for callers that use them beyond the comparison. */
export interface VariantRuns {
  readonly baseline: SimulationResult;
  readonly variants: ReadonlyMap<string, SimulationResult>;
}

/**
 * Runs each variant once (the baseline too, unless its run is given); throws ModelError when a
 * run is impossible. compareRuns compares them without running them again.
 */
export function runVariants(baseline: Model, variants: readonly Variant[], options: SimulateOptions = {}, baseRun?: SimulationResult): VariantRuns {
  return { baseline: baseRun ?? simulate(baseline, options), variants: new Map(variants.map((v) => [v.scenario.id, runVariant(v, options)])) };
}

/** compareVariants over runs already made (runVariants). */
export function compareRuns(baseline: Model, variants: readonly Variant[], metrics: readonly Metric[], runs: VariantRuns): Comparison {
  return compareWith(baseline, variants, metrics, runs.baseline, (v) => runs.variants.get(v.scenario.id)!);
}

function compareWith(baseline: Model, variants: readonly Variant[], metrics: readonly Metric[], baseRun: SimulationResult, runOf: (v: Variant) => SimulationResult): Comparison {
  const base = computeMetrics(metrics, baseRun);
  const warnings: Diagnostic[] = [];
  const outcomes = variants.map((v) => {
    const run = runOf(v);
    const early = triggerCheck(baseline, v.scenario, baseRun, run);
    if (early) warnings.push(early);
    return outcome(v.scenario, computeMetrics(metrics, run), base);
  });
  const order = variants.map((v) => v.scenario.id);
  const of = (k: ScenarioKind) => sortByEffect(outcomes.filter((o) => o.kind === k), metrics, order);
  return { baseline: { metrics: base }, scenarios: of('remediation'), counterfactuals: of('counterfactual'), warnings, time: timeAxisOf(baseline.sim) };
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


/**
 * The Pareto view across metrics, with no weights: for each outcome, the id of another one
 * at least as good on every metric and better on one (undefined: on the frontier). With one
 * metric per service this says which remediations no weighting of the services can rank
 * below another.
 */
export function paretoAcross(outcomes: readonly ScenarioOutcome[], metrics: readonly Metric[]): Map<string, string | undefined> {
  const beats = (a: ScenarioOutcome, b: ScenarioOutcome) =>
    metrics.every((m) => !isBetter(m, b.metrics[m.name], a.metrics[m.name])) && metrics.some((m) => isBetter(m, a.metrics[m.name], b.metrics[m.name]));
  return new Map(outcomes.map((b) => [b.id, outcomes.find((a) => a !== b && beats(a, b))?.id]));
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
  for (const k of Object.keys(values)) delta[k] = difference(values[k], base[k]);
  return { id: s.id, title: s.title, kind: kindOf(s), leverage: s.leverage?.level ?? null, metrics: values, delta };
}
