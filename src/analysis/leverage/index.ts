/**
 * Leverage ranking (issue 4; references/analysis-methods.md §4): where to intervene. Each
 * intervention's effect across the uncertainty ensemble, each uncertain constant's
 * sensitivity, and the loops that dominate the outcome, every entry beside its Meadows level
 * (from the model file, or suggested by the rules of §4.3(b) with the rule recorded).
 *
 *   const { ranking, diagnostics } = await rankLeverage(model, { draws: 50, seed: 1 });
 *   formatRanking(ranking);   // the text table `stockflow rank` prints
 *   rankingJson(ranking);     // the `stockflow rank --json` document
 */
export { rankLeverage, DEFAULT_DRAWS, type RankOptions, type RankResult } from './rank.js';
export { formatRanking, type RankingReportOptions } from './report.js';
export { rankingJson } from './json.js';
export { chooseMetric, type ChosenMetric, type MetricChoice } from './metric.js';
export { modelStructure, type Structure } from './structure.js';
export { structuralRules } from './constant-rules.js';
export { conditionedLoops, loopGainRule } from './loop-conditioning.js';
export { constantLevel, depthOf } from './levels.js';
export { scenarioLevel } from './scenario-rules.js';
export { touchedVariables, actsOnLoop } from './touches.js';
export { effectSizes, spread, type EffectSizes } from './effects.js';
export { interventionEffects, AUTO_THREADS_MIN_MS, type EffectOptions, type InterventionEffects } from './intervention-effects.js';
export { parameterSensitivity, type ParameterOptions, type ParameterResult, type ParameterSensitivity } from './parameters.js';
export { loopFindings } from './loop-findings.js';
export { outcomeWindow, upstreamOf, type OutcomeWindow } from './window.js';
export {
  bands, byEffect, frontier, lexicographic, paretoDominators, weighted, weightedScore,
  DEFAULT_BAND, DEFAULT_BETA, DEFAULT_TOLERANCE, type Rankable,
} from './views.js';
export type {
  InterventionEntry, LeverageRanking, LevelSuggestion, LoopEntry, LoopFindings, ParameterEntry, PhaseDominance,
  RankingView, RuleHit, RuleId, Spread,
} from './types.js';
