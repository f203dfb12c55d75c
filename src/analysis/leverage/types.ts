/**
 * Data of a leverage ranking (references/analysis-methods.md §4.3): interventions with their
 * measured effect across the uncertainty ensemble, uncertain constants with their sensitivity,
 * the feedback loops that dominate the outcome, each beside its Meadows level (12 numbers …
 * 1 transcending paradigms) and where that level came from.
 */
import type { Aggregate } from '../../model/types.js';

/**
 * The rules of §4.3(b) that suggest a level from the model structure or a scenario's diff:
 * A structure (10), B buffer size (11), C delay (9), D loop gain (8 balancing / 7 reinforcing /
 * 12 no loop), E information link (6), F rule (5), H goal value (a number: 12).
 */
export type RuleId = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'H';

/** One rule that fired, with the evidence in words. */
export interface RuleHit {
  readonly rule: RuleId;
  readonly level: number;
  readonly why: string;
}

/** A Meadows level and where it came from. */
export interface LevelSuggestion {
  readonly level: number;
  /** `user`: the model file says so (a constant's or scenario's `leverage`); `auto`: the rules. */
  readonly source: 'auto' | 'user';
  /** The rule behind `level` (for `user`, the reason written in the model). */
  readonly rule: RuleId | 'user';
  readonly why: string;
  /** Every rule that fired, deepest first (for `user`, what the rules alone would say). */
  readonly rules: readonly RuleHit[];
}

/** Quantiles of a per-draw quantity. */
export interface Spread {
  readonly median: number;
  readonly p10: number;
  readonly p90: number;
}

export interface InterventionEntry {
  readonly id: string;
  readonly title: string;
  /** The level used for ranking: the scenario's own, else the auto suggestion; null if neither. */
  readonly level: number | null;
  readonly levelSource: 'user' | 'auto' | 'none';
  /** What the rules suggest from the scenario's changes (shown when it differs). */
  readonly auto?: LevelSuggestion;
  /** Depth d = (12 − level) / 11, 0 (numbers) … 9/11 (goals); null without a simulatable level. */
  readonly depth: number | null;
  /**
   * Paired relative effect e = improvement / |baseline| per draw (positive = better): its
   * median, P10 (the robust effect) and P90, P(e > 0) and P(best of the interventions).
   */
  readonly effect: Spread & { readonly pPositive: number; readonly pBest: number };
  /** variant − baseline per draw, in the metric's units. */
  readonly delta: Spread;
  /** Pareto frontier on (robust effect, depth): on it, or which entry dominates it. */
  readonly pareto: { readonly frontier: boolean; readonly dominatedBy?: string };
  /** Epsilon-lexicographic band (0 = within one band width of the best robust effect). */
  readonly band: number;
  /** Depth-weighted score, only when asked for (a value judgement). */
  readonly score?: number;
  /** Loops dominant in the outcome window (ids, most often dominant first) this intervention changes a constant or equation on. */
  readonly actsOn: readonly string[];
  /** Baseline variables whose equation the intervention changes (directly or via a constant). */
  readonly touches: readonly string[];
}

export interface ParameterEntry {
  readonly name: string;
  readonly value: number;
  /** The range sampled; `assumed` when the model gives none (± 50 % of the value). */
  readonly range: { readonly lo: number; readonly hi: number; readonly assumed: boolean };
  readonly level: LevelSuggestion;
  /** Morris mu* (outcome units over the full range), mu and sigma. */
  readonly muStar: number;
  readonly mu: number;
  readonly sigma: number;
  /** mu* / |baseline outcome|: the share of the outcome this constant moves over its range. */
  readonly relMuStar: number;
  /** (dJ/J) / (dp/p) at the model's values (central difference, ±1 %); null where undefined. */
  readonly elasticity: number | null;
  /** Dominant loops whose links this constant conditions. */
  readonly loops: readonly string[];
}

/** Two neighbours in the order and what their order rests on (rests-on.ts). */
export interface OrderPair {
  readonly upper: string;
  readonly lower: string;
  /** Share of draws in which `upper` has the better effect. */
  readonly pUpperBetter: number;
  /** Share of draws in which the two effects tie. */
  readonly pTied: number;
  /** Median of e_upper − e_lower over the draws. */
  readonly gapMedian: number;
  /** Constants the gap varies with, by given-data first-order share ε², largest first. */
  readonly constants: readonly { readonly name: string; readonly eta2: number; readonly eta2_conf: number; readonly rho: number }[];
}

export interface LoopEntry {
  readonly id: string;
  readonly polarity: 'reinforcing' | 'balancing';
  readonly variables: readonly string[];
  readonly partition: number;
  /** Mean |relative loop score| over the outcome window, while its group is not steady. */
  readonly share: number;
  /** Share of each phase's reported times at which the loop is in the dominant set (steady times count as no loop's). */
  readonly dominance: { readonly window: number; readonly rise: number; readonly recovery: number };
  /** Interventions that change a constant or equation of a variable on the loop. */
  readonly interventions: readonly string[];
  /** Uncertain constants that condition the loop's links, most influential first. */
  readonly constants: readonly string[];
}

/** A phase's dominant loop sets in one partition, longest first. */
export interface PhaseDominance {
  readonly phase: 'rise' | 'recovery';
  readonly partition: number;
  /** Display names of the partition's first stocks, to say which group it is. */
  readonly stocks: readonly string[];
  readonly sets: readonly { readonly loops: readonly string[]; readonly share: number }[];
  /** Share of the phase in which the group's flows hold steady (no loop dominates). */
  readonly steady: number;
}

export interface LoopFindings {
  /** Where the outcome variable moves (≥ 1 % of its largest deviation), and its peak. */
  readonly window: { readonly from: number; readonly peak: number; readonly to: number };
  readonly loops: readonly LoopEntry[];
  /** Every loop of those groups that dominates at some time in the window, most often first (listed or not). */
  readonly dominating: readonly string[];
  readonly phases: readonly PhaseDominance[];
  /** Partitions upstream of the outcome that hold a single loop (trivially dominant). */
  readonly singleLoopPartitions: number;
  /** Loop id → the name the model declares for it (`R1 restart contention`), for the loops of those groups that have one. */
  readonly names: Readonly<Record<string, string>>;
}

export type RankingView = 'pareto' | 'lexicographic' | 'weighted';

export interface LeverageRanking {
  readonly model: string;
  readonly metric: { readonly name: string; readonly variable: string; readonly aggregate: Aggregate; readonly units?: string; readonly better: 'lower' | 'higher' };
  readonly view: RankingView;
  readonly draws: number;
  readonly seed: number;
  /** The ensemble file the members came from (a posterior); absent for prior draws. */
  readonly ensemble?: string;
  /** Threads that ran the ensemble and the sensitivity runs. */
  readonly workers: number;
  /** The baseline outcome across the ensemble (or its single run without draws). */
  readonly baseline: Spread & { readonly nominal: number };
  /** The remediations, in the order of `view`. */
  readonly interventions: readonly InterventionEntry[];
  /** The counterfactuals (what-ifs about the event), ranked among themselves, never with the remediations. */
  readonly counterfactuals: readonly InterventionEntry[];
  /** The model's time unit (times of events are shown in it). */
  readonly timeUnit?: string;
  /** The model's clock origin (`sim.time_origin`): times of events are shown as clock times. */
  readonly timeOrigin?: string;
  /** Ids on the Pareto frontier, deepest first. */
  readonly frontier: readonly string[];
  readonly settings: { readonly tolerance: number; readonly band: number; readonly beta?: number };
  /** By mu*, largest first. */
  readonly parameters: readonly ParameterEntry[];
  /** What the order of the remediations rests on, measured on the ensemble's members (absent without draws). */
  readonly restsOn?: readonly OrderPair[];
  /** How the parameters were screened (absent when sensitivity was off or nothing varies). */
  readonly sensitivity?: { readonly method: 'morris'; readonly trajectories: number; readonly runs: number };
  readonly loops?: LoopFindings;
  /** What was not done and why (no scenarios, loops off, …). */
  readonly notes: readonly string[];
}
