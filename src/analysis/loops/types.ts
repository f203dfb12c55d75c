/**
 * Data of a feedback-loop analysis: the loops of a model, their polarity, and their Loops
 * That Matter scores over a run (Schoenberg, Hayward & Eberlein 2023, SDR 39(2)).
 */

/**
 * Which time a score is reported at. Every score describes one dt interval [t−dt, t]:
 * - `interval-end` labels it t (simlin's convention; the default),
 * - `interval-start` labels it t−dt (Stella's and the 2020 paper's tables).
 */
export type LabelConvention = 'interval-end' | 'interval-start';

export type Sign = 1 | -1;

/**
 * How a link's polarity was found: `structural` (the symbolic derivative is a number),
 * `symbolic` (the derivative's sign along the run), `ceteris-paribus` (numerical
 * differences along the run), `convention` (a link that never acted: the derivative's
 * sign if every named quantity is positive).
 */
export type PolarityMethod = 'structural' | 'symbolic' | 'ceteris-paribus' | 'convention';

export interface LinkPolarity {
  /** +1, −1, or 0 when no sign was ever observed (the link never acted). */
  readonly sign: Sign | 0;
  /** The sign of the partial derivative is not the same over the whole run. */
  readonly changes: boolean;
  readonly method: PolarityMethod;
}

export interface LoopLink {
  /** Display names of the link's ends (helper nodes of builtins are collapsed). */
  readonly from: string;
  readonly to: string;
  readonly polarity: LinkPolarity;
}

export type LoopPolarity = 'reinforcing' | 'balancing';

export interface Loop {
  /** `R1`, `B2` …: numbered separately by polarity, most important first. */
  readonly id: string;
  /** The label and name the model declares for this loop (`R1 restart contention`), if any (declared.ts). */
  readonly name?: string;
  readonly polarity: LoopPolarity;
  /** True when structure alone fixes the polarity (every link has one constant sign). */
  readonly polarityFromStructure: boolean;
  /** True when the loop score changed sign during the run. */
  readonly polarityChanges: boolean;
  /** Display names in loop order, starting at a stock; builtin helpers collapsed. */
  readonly variables: readonly string[];
  /** Stocks on the loop (display names; helper stocks of smooth/delay named as such). */
  readonly stocks: readonly string[];
  /** Display names of the smooth/delay builtins the loop passes through. */
  readonly through: readonly string[];
  readonly links: readonly LoopLink[];
  /** Index into LoopAnalysis.partitions. */
  readonly partition: number;
  /** Loop score at each reported time. */
  readonly scores: Float64Array;
  /** Relative loop score (share of its partition, in [−1, 1]) at each reported time. */
  readonly relative: Float64Array;
  /** Mean of |relative| over the reported times: the loop's overall importance. */
  readonly importance: number;
}

export interface Partition {
  /** Display names of the stocks of this cycle partition. */
  readonly stocks: readonly string[];
  /** Ids of its loops. */
  readonly loops: readonly string[];
}

export interface DominancePeriod {
  /** First and last reported time (inclusive) at which `loops` dominate. */
  readonly from: number;
  readonly to: number;
  readonly partition: number;
  /** The smallest set of loops, largest first, whose |relative scores| sum to ≥ 50 %. */
  readonly loops: readonly string[];
  /** Their mean combined |relative score| over the period. */
  readonly share: number;
}

export type SearchMethod = 'exhaustive' | 'strongest-path';

export interface LoopAnalysis {
  readonly model: string;
  readonly time: Float64Array;
  readonly labels: LabelConvention;
  readonly dt: number;
  readonly search: SearchMethod;
  readonly loops: readonly Loop[];
  readonly partitions: readonly Partition[];
  readonly dominance: readonly DominancePeriod[];
}

export interface LoopOptions {
  /** Above this many loops, switch from Johnson enumeration to the strongest-path search (Stella: 1000). */
  readonly maxLoops?: number;
  /** Use the strongest-path search whatever the loop count. */
  readonly strongestPath?: boolean;
  readonly labels?: LabelConvention;
  /** Reject runs with more than this many stored values (steps × slots) at dt resolution. */
  readonly maxValues?: number;
}
