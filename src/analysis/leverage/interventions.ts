/**
 * Intervention entries of the ranking: each scenario's effect sizes beside its Meadows level
 * (the model's own, else the rules' suggestion from its diff), the Pareto and lexicographic
 * positions, the weighted score when asked for, and the dominant loops it acts on; in the
 * order of the chosen view.
 */
import type { Scenario } from '../../model/types.js';
import type { EffectSizes } from './effects.js';
import { depthOf } from './levels.js';
import type { InterventionEntry, LevelSuggestion, RankingView } from './types.js';
import { bands, byEffect, frontier, lexicographic, paretoDominators, weighted, weightedScore, type Rankable } from './views.js';

export interface InterventionInput {
  readonly scenario: Scenario;
  readonly effect: EffectSizes;
  readonly auto?: LevelSuggestion;
  readonly touches: readonly string[];
  readonly actsOn: readonly string[];
}

export interface ViewSettings {
  readonly view: RankingView;
  readonly tolerance: number;
  readonly band: number;
  /** β of the weighted score; only with view 'weighted'. */
  readonly beta?: number;
}

export function rankInterventions(xs: readonly InterventionInput[], v: ViewSettings): { entries: InterventionEntry[]; frontier: string[] } {
  const base = xs.map((x) => {
    const own = x.scenario.leverage?.level;
    const level = own ?? x.auto?.level ?? null;
    return { x, level, source: own !== undefined ? 'user' as const : x.auto ? 'auto' as const : 'none' as const, depth: depthOf(level) };
  });
  const rankable: (Rankable & { i: number })[] = base.map((b, i) => ({ id: b.x.scenario.id, robust: b.x.effect.effect.p10, median: b.x.effect.effect.median, depth: b.depth, i }));
  const dominators = paretoDominators(rankable, v.tolerance);
  const bandOf = bands(rankable, v.band);
  const order = v.view === 'lexicographic' ? lexicographic(rankable, v.band) : v.view === 'weighted' ? weighted(rankable, v.beta) : byEffect(rankable);
  const entries = order.map(({ i, id }): InterventionEntry => {
    const b = base[i];
    const score = v.view === 'weighted' ? weightedScore(rankable[i], v.beta) : null;
    return {
      id, title: b.x.scenario.title, level: b.level, levelSource: b.source,
      ...(b.x.auto ? { auto: b.x.auto } : {}),
      depth: b.depth, effect: b.x.effect.effect, delta: b.x.effect.delta,
      pareto: dominators.get(id) === undefined ? { frontier: true } : { frontier: false, dominatedBy: dominators.get(id) },
      band: bandOf.get(id)!, ...(score === null ? {} : { score }),
      actsOn: b.x.actsOn, touches: b.x.touches,
    };
  });
  return { entries, frontier: frontier(rankable, v.tolerance) };
}
