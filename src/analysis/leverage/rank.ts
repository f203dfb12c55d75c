/**
 * `rankLeverage(model, options)`: where to intervene (issue 4; references/analysis-methods.md
 * §4.3). It combines
 *   (a) each intervention's effect on the outcome across the uncertainty ensemble (paired
 *       relative effect: median, P10 = robust effect, P90, P(e > 0), P(best)),
 *   (b) the sensitivity of the outcome to each uncertain constant (Morris mu*, elasticity),
 *   (c) the feedback loops that dominate the outcome (Loops That Matter on the baseline) and
 *       the interventions that act on them,
 * with every intervention and constant beside its Meadows level: the model's own where it
 * gives one, else the level the rules of §4.3(b) suggest from the structure (recorded with
 * the rule that fired). Never throws for model problems: they come back as diagnostics.
 */
import type { Executor } from '../parallel/executor.js';
import { canonicalName } from '../../core/names.js';
import { hasErrors, ModelError, warning, type Diagnostic } from '../../core/diagnostics.js';
import type { Constant, Metric, Model, ScenarioKind } from '../../model/types.js';
import { trySimulate, type SimulateOptions } from '../../sim/simulate.js';
import { selectVariants } from '../../scenarios/index.js';
import { kindOf, type Variant } from '../compare.js';
import type { Draws } from '../draws.js';
import { analyzeLoops, type Loop, type LoopAnalysis } from '../loops/index.js';
import { computeMetric, metricKind } from '../metrics.js';
import { activity } from './activity.js';
import { structuralRules } from './constant-rules.js';
import { interventionEffects, type InterventionEffects } from './intervention-effects.js';
import { rankInterventions } from './interventions.js';
import { constantLevel } from './levels.js';
import { conditionedLoops, loopGainRule } from './loop-conditioning.js';
import { loopFindings, meanAbs } from './loop-findings.js';
import { chooseMetric, type MetricChoice } from './metric.js';
import { parameterSensitivity, type ParameterResult } from './parameters.js';
import { scenarioLevel } from './scenario-rules.js';
import { modelStructure, type Structure } from './structure.js';
import { actsOnLoop, touchedVariables } from './touches.js';
import type { LeverageRanking, LoopFindings, ParameterEntry, RankingView } from './types.js';
import { DEFAULT_BAND, DEFAULT_TOLERANCE } from './views.js';
import { outcomeWindow, upstreamOf, type OutcomeWindow } from './window.js';
import { effectSizes, spread } from './effects.js';
import { restsOn } from './rests-on.js';

export const DEFAULT_DRAWS = 50;

export interface RankOptions {
  /** The outcome (default: the model's first metric). */
  readonly metric?: MetricChoice;
  readonly scenarios?: readonly string[] | 'all';
  /** Latin-hypercube draws of the ensemble (default 50). */
  readonly draws?: number;
  /** Members to run instead of prior draws (a posterior ensemble file, read by the caller). */
  readonly members?: Draws;
  readonly seed?: number;
  /** Threads for the ensemble and the sensitivity runs, the main one included; default 'auto'. */
  readonly workers?: number | 'auto';
  /** Runs the ensemble and the sensitivity on this executor (e.g. a job queue) instead of threads. */
  readonly executor?: Executor;
  /** Analyse feedback loops (default true); or pass an analysis already made. */
  readonly loops?: boolean;
  readonly loopAnalysis?: LoopAnalysis;
  /** Morris sensitivity of the uncertain constants (default true). */
  readonly sensitivity?: boolean;
  readonly trajectories?: number;
  /** 'pareto' (default) or 'lexicographic'; a `beta` makes it 'weighted' (a value judgement). */
  readonly view?: 'pareto' | 'lexicographic';
  readonly beta?: number;
  readonly band?: number;
  readonly tolerance?: number;
  readonly simulate?: SimulateOptions;
  /** Progress of the ensemble: models done and in total. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface RankResult {
  readonly ranking?: LeverageRanking;
  readonly diagnostics: Diagnostic[];
}

export async function rankLeverage(model: Model, o: RankOptions = {}): Promise<RankResult> {
  const notes: string[] = [];
  const chosen = chooseMetric(model, o.metric);
  const picked = selectVariants(model, o.scenarios ?? 'all');
  const diagnostics: Diagnostic[] = [...chosen.diagnostics, ...picked.diagnostics];
  if (chosen.note) notes.push(chosen.note);
  const metric = chosen.metric;
  if (!metric || hasErrors(diagnostics)) return { diagnostics };
  const run = trySimulate(model, o.simulate);
  diagnostics.push(...run.diagnostics);
  if (!run.result || hasErrors(diagnostics)) return { diagnostics };
  const s = modelStructure(model);
  const analysis = loopsOf(model, o, diagnostics, notes);
  const window = outcomeWindow(run.result.time, run.result.series(metric.variable));
  const active = analysis ? activity(analysis, s, run.result, window) : () => true;
  const structure = levelsOf(s, model, analysis, window, active);
  const measured = await measure(model, picked.variants, metric, o, notes);
  if (measured.diagnostics.length) diagnostics.push(...measured.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };
  const { effects, params } = measured;
  const muStar = new Map((params?.parameters ?? []).map((p) => [canonicalName(p.name), p.muStar]));
  const touched = new Map(picked.variants.map((v) => [v.scenario.id, touchedVariables(s, v.scenario)]));
  const findings = analysis && loopFindings({
    analysis, window, upstream: upstreamOf(s, metric.variable), touched, active,
    constantsOf: (id) => [...(structure.conditioned ?? [])].filter(([c, ls]) => muStar.has(c) && ls.includes(id))
      .sort((a, b) => muStar.get(b[0])! - muStar.get(a[0])!).slice(0, 3).map(([c]) => s.byId.get(c)!.name),
  });
  const view: RankingView = o.beta !== undefined ? 'weighted' : o.view ?? 'pareto';
  const settings = { tolerance: o.tolerance ?? DEFAULT_TOLERANCE, band: o.band ?? DEFAULT_BAND, ...(o.beta !== undefined ? { beta: o.beta } : {}) };
  const group = (kind: ScenarioKind) => {
    const members = picked.variants.map((v, i) => ({ v, i })).filter(({ v }) => kindOf(v.scenario) === kind);
    const sizes = effectSizes(metric, effects!.base, members.map(({ i }) => effects!.values[i]));
    return rankInterventions(members.map(({ v }, k) => ({
      scenario: v.scenario, effect: sizes[k], auto: scenarioLevel(s, v.scenario, (id) => structure.levels.get(id)),
      touches: [...touched.get(v.scenario.id)!].map((id) => s.byId.get(id)!.name),
      actsOn: actsOn(findings, touched.get(v.scenario.id)!, analysis),
    })), { view, ...settings });
  };
  const ranked = effects ? group('remediation') : { entries: [], frontier: [] };
  const valuesOf = new Map(picked.variants.map((v, i) => [v.scenario.id, effects?.values[i] ?? []]));
  const order = effects && effects.draws > 1 ? restsOn({
    metric, rows: effects.rows, factors: effects.factors, base: effects.base, seed: o.seed ?? 1,
    ranked: ranked.entries.map((x) => ({ id: x.id, values: valuesOf.get(x.id)! })),
  }) : [];
  const whatIfs = effects ? group('counterfactual') : { entries: [], frontier: [] };
  const nominal = computeMetric(metric, run.result);
  const baseline = effects ? spread(effects.base) : { median: nominal, p10: nominal, p90: nominal };
  // mu* relative to the baseline is a share of a quantity; of a time of event it would be a percentage of a clock reading.
  const scale = metricKind(metric) === 'time' || !Number.isFinite(baseline.median) ? 0 : Math.abs(baseline.median);
  const listed = findings?.loops ?? [];
  const parameters: ParameterEntry[] = (params?.parameters ?? []).map((p) => {
    const id = canonicalName(p.name);
    return {
      ...p, level: structure.levels.get(id)!, relMuStar: scale > 0 ? p.muStar / scale : NaN,
      loops: listed.filter((l) => structure.conditioned?.get(id)?.includes(l.id)).map((l) => l.id),
    };
  });
  return {
    ranking: {
      model: model.name, metric: { name: metric.name, variable: metric.variable, aggregate: metric.aggregate, units: metric.units, better: metric.better },
      view, draws: effects?.draws ?? 0, seed: o.members?.seed ?? o.seed ?? 1, ...(o.members?.from ? { ensemble: o.members.from } : {}), workers: effects?.threads ?? 1, baseline: { ...baseline, nominal },
      interventions: ranked.entries, counterfactuals: whatIfs.entries, frontier: ranked.frontier, settings, parameters,
      ...(order.length ? { restsOn: order } : {}),
      ...(model.sim.timeUnit ? { timeUnit: model.sim.timeUnit } : {}), ...(model.sim.timeOrigin ? { timeOrigin: model.sim.timeOrigin } : {}),
      ...(params?.parameters.length ? { sensitivity: { method: 'morris' as const, trajectories: o.trajectories ?? 10, runs: params.runs } } : {}),
      ...(findings ? { loops: findings } : {}), notes,
    },
    diagnostics,
  };
}

/**
 * Every constant's level; rule D weighs each loop by its mean |relative score| over the
 * outcome window while its group is active.
 */
function levelsOf(s: Structure, model: Model, analysis: LoopAnalysis | undefined, window: OutcomeWindow, active: (p: number, t: number) => boolean) {
  const constants = model.variables.filter((v): v is Constant => v.kind === 'constant');
  const conditioned = analysis ? conditionedLoops(s, analysis, constants.map((c) => c.id)) : undefined;
  const loops = new Map((analysis?.loops ?? []).map((l) => [l.id, l]));
  const inWindow = (t: number) => t >= window.from - 1e-9 && t <= window.to + 1e-9;
  const weight = (l: Loop) => meanAbs(l.relative, analysis!.time, (t) => inWindow(t) && active(l.partition, t));
  const levels = new Map(constants.map((c) => [c.id, constantLevel(c, structuralRules(s, c.id), conditioned && loopGainRule(conditioned.get(c.id)!, loops, weight))]));
  return { levels, conditioned };
}

/** Parts (a) and (b): the interventions' ensemble and the constants' sensitivity. */
async function measure(model: Model, variants: readonly Variant[], metric: Metric, o: RankOptions, notes: string[]) {
  const workers = o.workers ?? 'auto';
  const seed = o.seed ?? 1;
  let effects: InterventionEffects | undefined;
  let params: ParameterResult | undefined;
  try {
    if (variants.length) effects = await interventionEffects(model, variants, metric, { draws: o.draws ?? DEFAULT_DRAWS, members: o.members, seed, workers, executor: o.executor, simulate: o.simulate, onProgress: o.onProgress });
    else notes.push(model.scenarios?.length ? 'no scenario chosen: no interventions ranked' : 'the model defines no scenarios: no interventions to rank, only constants and loops');
    if (effects && !effects.factors.length) notes.push('no constant has an uncertainty range: one run per intervention, no spread');
    if (o.sensitivity === false) notes.push('parameter sensitivity switched off');
    else if (o.members) notes.push(`no Morris screening over the prior ranges: on the ensemble ${o.members.from ?? ''} the constants are read from its members ("what the order rests on")`);
    else params = await parameterSensitivity(model, { metric: { variable: metric.variable, aggregate: metric.aggregate, threshold: metric.threshold }, simulate: o.simulate, seed, trajectories: o.trajectories, workers, executor: o.executor });
  } catch (e) {
    if (e instanceof ModelError) return { diagnostics: [...e.diagnostics] };
    throw e;
  }
  return { effects, params, diagnostics: params?.diagnostics ?? [] };
}

/** The loops dominant in the outcome window that the intervention changes, most often dominant first (at most 4). */
function actsOn(findings: LoopFindings | undefined, touched: ReadonlySet<string>, analysis?: LoopAnalysis): string[] {
  if (!findings || !analysis) return [];
  const byId = new Map(analysis.loops.map((l) => [l.id, l]));
  return findings.dominating.filter((id) => actsOnLoop(touched, byId.get(id)!)).slice(0, 4);
}

function loopsOf(model: Model, o: RankOptions, diagnostics: Diagnostic[], notes: string[]): LoopAnalysis | undefined {
  if (o.loopAnalysis) return o.loopAnalysis;
  if (o.loops === false) {
    notes.push('loops not analysed: rule D (loop gains) not evaluated, constants it would classify stay numbers (12)');
    return undefined;
  }
  const r = analyzeLoops(model, { ...o.simulate });
  diagnostics.push(...r.diagnostics.filter((d) => d.severity !== 'error'));
  if (!r.analysis) {
    diagnostics.push(warning('loops-failed', `the loop analysis failed: ${r.diagnostics.map((d) => d.message).join('; ')}`, { file: model.file }));
    notes.push('the loop analysis failed: rule D (loop gains) not evaluated, no dominant loops');
  }
  return r.analysis;
}
