/**
 * The one internal model. Every reader (native YAML/JSON, XMILE, Vensim) lowers its file
 * into a `Model`; every later stage works on this type only. Data is readonly and
 * kind-tagged; behaviour lives in functions over it.
 *
 * Equations are text in the native equation language (see docs/equations.md): readers of
 * other formats translate into it. Arrays are expanded by readers into scalar variables
 * named `base[elem]` or `base[e1,e2]`, referred to in equations by the quoted name.
 */

/**
 * How a graphical function is read between and beyond its points: `continuous` interpolates
 * linearly and holds the end values; `extrapolate` continues the end segments; `discrete`
 * holds each y until the next point (Vensim LOOKUP BACKWARD, :HOLD BACKWARD:); `forward`
 * takes the y of the next point at or after x (Vensim LOOKUP FORWARD, :LOOK FORWARD:).
 */
export type Interpolation = 'continuous' | 'discrete' | 'extrapolate' | 'forward';

/** A graphical function (lookup table): x strictly increasing. */
export interface LookupTable {
  readonly points: readonly (readonly [number, number])[];
  readonly interpolation: Interpolation;
}

/** Where an element came from, for located diagnostics. */
export interface Origin {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/** Uncertainty of an unpublished or estimated constant, used by ensembles and sensitivity. */
export interface Uncertainty {
  readonly min: number;
  readonly max: number;
  readonly distribution: 'uniform' | 'loguniform' | 'triangular';
  /** Mode for `triangular`; defaults to the constant's value. */
  readonly mode?: number;
  /** Why this range: the reasoning or source. */
  readonly source?: string;
}

/** A Meadows leverage level (12 = numbers … 1 = transcending paradigms) with its reason. */
export interface Leverage {
  readonly level: number;
  readonly reason: string;
}

interface ElementBase {
  /** The name as written by the modeller (may contain spaces). */
  readonly name: string;
  /** canonicalName(name): the identity used inside the engine. */
  readonly id: string;
  readonly doc?: string;
  readonly units?: string;
  /** The part of the system it belongs to (native `sector`, XMILE groups, Vensim views); diagrams group by it. */
  readonly sector?: string;
  readonly origin?: Origin;
  /**
   * The model variable whose macro call made this one (a Vensim macro's internal levels and
   * rates, such as DELAYP's; the helper of a leaking DELAY CONVEYOR; the vector_of variable a
   * reader makes for the VECTOR functions that read an array): it is left out of the
   * default output, as Vensim does not show a macro's internals, and diagnostics about it
   * name that variable (docs/builtins.md, "Macro internals"). Native `part_of`, XMILE
   * `<stockflow:part_of>`.
   */
  readonly partOf?: string;
}

export interface Stock extends ElementBase {
  readonly kind: 'stock';
  /** Initial value: a number or an equation evaluated at the start time. */
  readonly initial: string;
  /** Names of the flows that fill the stock. */
  readonly inflows: readonly string[];
  /** Names of the flows that drain it. */
  readonly outflows: readonly string[];
  /** XMILE non-negative stock: outflows are cut so that the stock never goes below zero. */
  readonly nonNegative?: boolean;
}

export interface Flow extends ElementBase {
  readonly kind: 'flow';
  readonly equation: string;
  /** XMILE uniflow: the flow is never negative. */
  readonly nonNegative?: boolean;
  /** If present, the flow is gf(equation). */
  readonly gf?: LookupTable;
}

export interface Aux extends ElementBase {
  readonly kind: 'aux';
  readonly equation: string;
  /** If present, the auxiliary is gf(equation). */
  readonly gf?: LookupTable;
}

export interface Constant extends ElementBase {
  readonly kind: 'constant';
  readonly value: number;
  readonly uncertainty?: Uncertainty;
  /** Overrides the auto-suggested Meadows level of this number in leverage analysis. */
  readonly leverage?: Leverage;
}

/** A named graphical function, called in equations as `name(x)`. */
export interface Lookup extends ElementBase {
  readonly kind: 'lookup';
  readonly table: LookupTable;
}

export type Variable = Stock | Flow | Aux | Constant | Lookup;
export type VariableKind = Variable['kind'];

export interface SimSpec {
  readonly start: number;
  readonly stop: number;
  readonly dt: number;
  /** Save period; defaults to dt. */
  readonly saveper: number;
  readonly timeUnit?: string;
  /**
   * Calendar date-time of time = 0 with its UTC offset (ISO 8601, e.g. 2020-11-25T00:00-08:00);
   * with a clock time unit, charts and tables show clock times (model/clock.ts).
   */
  readonly timeOrigin?: string;
  /** Integration method name, registered in sim/ (euler, rk2, rk4, rk45, rosenbrock, rk4-auto, rk2-auto). */
  readonly method: string;
  /** Relative and absolute tolerances for adaptive methods. */
  readonly rtol?: number;
  readonly atol?: number;
  /** Seed of the random functions' streams (builtins/random.ts); default 0. */
  readonly seed?: number;
  /**
   * STEP, RAMP, PULSE and PULSE TRAIN keep their value at the start of each dt through every
   * stage (and sub-step) of the integration method, whatever the method: Vensim's rule (Vensim
   * Help, "Runge-Kutta Integration"), so the Vensim reader sets it. Otherwise they read the
   * time of each stage, as XMILE 1.0 defines them (docs/model-format.md, `hold_inputs`).
   */
  readonly holdInputs?: boolean;
  /**
   * Equations for a spec that changes during the run, as Vensim allows for TIME STEP, SAVEPER
   * and FINAL TIME: evaluated before every step from time and constants (docs/model-format.md).
   * The numbers above are then the values at the start.
   */
  readonly varying?: VaryingSimSpec;
}

export interface VaryingSimSpec {
  readonly dt?: string;
  readonly saveper?: string;
  readonly stop?: string;
}

/** One change an intervention makes to a model; `origin` is where it is written. */
export type Change = ChangeBody & { readonly origin?: Origin };

type ChangeBody =
  | { readonly kind: 'set'; readonly variable: string; readonly value: number }
  | { readonly kind: 'equation'; readonly variable: string; readonly equation: string }
  | { readonly kind: 'lookup'; readonly variable: string; readonly table: LookupTable }
  | { readonly kind: 'add'; readonly element: Variable }
  | { readonly kind: 'remove'; readonly variable: string }
  | { readonly kind: 'connect'; readonly stock: string; readonly flow: string; readonly direction: 'in' | 'out' }
  | { readonly kind: 'disconnect'; readonly stock: string; readonly flow: string };

/** An intervention (scenario): a documented, leverage-annotated set of changes. */
export interface Scenario {
  readonly id: string;
  readonly title: string;
  /**
   * `remediation` (the default): a change one could make. `counterfactual`: a what-if about
   * the event itself (what if operators had not restarted); shown apart, never ranked with
   * the remediations.
   */
  readonly kind?: ScenarioKind;
  readonly description?: string;
  readonly leverage?: Leverage;
  readonly changes: readonly Change[];
}

export type ScenarioKind = 'remediation' | 'counterfactual';

/** When the event the scenarios intervene on happens (model time), e.g. a deployment. */
export interface Trigger {
  readonly start: number;
  readonly end?: number;
  readonly doc?: string;
}

export type Aggregate =
  | 'final' | 'initial' | 'max' | 'min' | 'mean' | 'integral'
  | 'time_of_max' | 'time_of_min'
  /** Times at which the variable crosses `threshold` (NaN-free: the stop time if never). */
  | 'first_time_above' | 'first_time_below' | 'last_time_above' | 'last_time_below';

/** An outcome metric a user compares across scenarios. */
export interface Metric {
  readonly name: string;
  readonly doc?: string;
  readonly units?: string;
  /** The variable (by name) the metric reads. */
  readonly variable: string;
  readonly aggregate: Aggregate;
  /** For the crossing aggregates. */
  readonly threshold?: number;
  /** Which direction is an improvement. */
  readonly better: 'lower' | 'higher';
}

/** A feedback loop the model names (native `loops:`), matched to the loops analysis finds. */
export interface DeclaredLoop {
  /** The label the model's documentation uses, e.g. `R1`. */
  readonly id: string;
  readonly name: string;
  readonly polarity?: 'reinforcing' | 'balancing';
  /** Variables (as written) the loop passes through. */
  readonly variables: readonly string[];
  readonly doc?: string;
}

/** Reference data files the model declares (paths as written, relative to the model file). */
export interface ReferenceFiles {
  readonly events: readonly string[];
  readonly series: readonly string[];
}

/** A unit name → its other names (native `unit_aliases`). */
export type UnitAliases = Readonly<Record<string, readonly string[]>>;

export interface Model {
  readonly name: string;
  readonly doc?: string;
  readonly sim: SimSpec;
  readonly variables: readonly Variable[];
  readonly scenarios?: readonly Scenario[];
  readonly metrics?: readonly Metric[];
  /** The event the interventions are tested against; changes before `start` are warned about. */
  readonly trigger?: Trigger;
  /** Sector names in display order (variables carry their own `sector`). */
  readonly sectors?: readonly string[];
  readonly loops?: readonly DeclaredLoop[];
  readonly reference?: ReferenceFiles;
  /**
   * Unit synonyms the model declares: a unit name → other names for the same unit
   * (Vensim's units equivalences, XMILE's `<model_units>` aliases, native `unit_aliases`).
   * Unit checking reads every alias as its unit.
   */
  readonly unitAliases?: UnitAliases;
  /** The file the model was read from, for diagnostics. */
  readonly file?: string;
  readonly format?: 'native' | 'xmile' | 'vensim';
}
