/**
 * A model as an autonomous dynamical system dx/dt = f(x; constants) over its full state (its
 * stocks and the internal stocks of its stateful builtins), built on the compiled derivative
 * function. Equilibria, Jacobians and continuation all read the model through this.
 *
 * The right-hand side is evaluated at one fixed time t* (default: the run's stop time), so a
 * model whose inputs change with time is analysed with its inputs as they stand at t*. That
 * is only sound when f no longer depends on time after t* (steps and pulses that have
 * happened, ramps that have levelled off): f is compared at t* and at later times on sample
 * states, and a model whose rates still move with time (or draw random numbers) is refused,
 * naming the variables that move. Fixed delays, previous() and history() hold values that
 * are not part of the ODE state, so an equilibrium of the full state is not defined for them:
 * they are refused too, located at the variable that uses them.
 */
import { error, hasErrors, locate, ModelError, type Diagnostic } from '../../core/diagnostics.js';
import { canonicalName } from '../../core/names.js';
import { helperOwner } from '../../builtins/program.js';
import { buildModel, type CompiledModel } from '../../compile/index.js';
import type { Model, Variable } from '../../model/types.js';
import { withOverrides } from '../../sim/simulate.js';
import { drawDiagnostic } from '../../sim/draw-errors.js';
import { reduceSystem, reductionRequested, type Reduction } from './reduce.js';

export interface DynamicalSystem {
  readonly model: Model;
  readonly compiled: CompiledModel;
  /** Number of state variables. */
  readonly n: number;
  /** Display names of the state variables (helpers named after their builtin). */
  readonly stockNames: readonly string[];
  /** Which state variables are internal stocks of stateful builtins. */
  readonly helper: readonly boolean[];
  /** State variables that can never go below zero (non-negative stocks). */
  readonly nonNegative: readonly boolean[];
  /** The model's initial state. */
  readonly initial: readonly number[];
  /** The time the rates are evaluated at. */
  readonly time: number;
  /** f(x) into out (length n). */
  rates(x: ArrayLike<number>, out: Float64Array): void;
  /** Every slot value (flows, auxiliaries, constants) at state x. */
  values(x: ArrayLike<number>): Float64Array;
  /** Sets a constant (by slot) and recomputes the values held from the start (init()). */
  setConstant(slot: number, value: number): void;
  /** The slot of a constant by name, if it is one. */
  constantSlot(name: string): number | undefined;
  /** Each state variable's index in the model's full state (identity unless stocks are held). */
  readonly stateIndex: readonly number[];
  /** Stocks held at fixed values (--freeze, --only), outside the analysed state. */
  readonly held: readonly HeldStock[];
  /** The rates the held stocks would have at state x (in the order of `held`). */
  heldRates(x: ArrayLike<number>): number[];
}

export interface HeldStock {
  readonly name: string;
  readonly value: number;
  /** Index in the full state. */
  readonly index: number;
}

export interface SystemOptions extends Reduction {
  readonly overrides?: Readonly<Record<string, number>>;
  /** The time the rates are evaluated at (default: the model's stop time). */
  readonly time?: number;
}

/** Builds the dynamical system of a model, or the located reasons it has none. */
export function dynamicalSystem(model: Model, o: SystemOptions = {}): { system?: DynamicalSystem; diagnostics: Diagnostic[] } {
  const set = withOverrides(model, o.overrides ?? {});
  if (set.diagnostics.length) return { diagnostics: set.diagnostics };
  const built = buildModel(set.model);
  if (!built.compiled || hasErrors(built.diagnostics)) return { diagnostics: built.diagnostics };
  const compiled = built.compiled;
  const refused = discreteState(compiled, set.model);
  if (refused.length) return { diagnostics: refused };
  const { layout, sim } = compiled;
  const n = layout.nStates;
  const v = new Float64Array(layout.nSlots);
  for (const c of layout.constants) v[c.slot] = c.value;
  const y = new Float64Array(n);
  // A random draw given bad parameters (builtins/random-checks.ts) is the model's problem, located.
  const located = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      const draw = drawDiagnostic(compiled, e);
      throw draw ? new ModelError([{ ...where(model, canonicalName(draw.variable ?? ''), 'equation'), ...draw }]) : e;
    }
  };
  const failed = (f: () => void): Diagnostic[] | undefined => {
    try {
      located(f);
      return undefined;
    } catch (e) {
      if (e instanceof ModelError) return [...e.diagnostics];
      throw e;
    }
  };
  const bad = failed(() => compiled.initialize(sim.start, y, v, sim.seed ?? 0));
  if (bad) return { diagnostics: bad };
  const initial = Array.from(y);
  const time = o.time ?? sim.stop;
  const stocks = layout.columns.filter((c) => c.kind === 'stock').sort((a, b) => a.slot - b.slot);
  const byId = new Map(set.model.variables.map((x) => [x.id, x]));
  const scratch = new Float64Array(n);
  const system: DynamicalSystem = {
    model: set.model, compiled, n, time, initial,
    stockNames: stocks.map((c) => c.name),
    helper: stocks.map((c) => c.helper),
    nonNegative: stocks.map((c) => { const s = byId.get(c.id); return s?.kind === 'stock' && s.nonNegative === true; }),
    rates: (x, out) => { scratch.set(x); located(() => compiled.evaluate(time, scratch, v, out)); },
    values: (x) => { scratch.set(x); located(() => compiled.evaluate(time, scratch, v, new Float64Array(n))); return Float64Array.from(v); },
    setConstant: (slot, value) => { v[slot] = value; located(() => compiled.initialize(sim.start, new Float64Array(n), v, sim.seed ?? 0)); },
    constantSlot: (name) => layout.constants.find((c) => c.id === canonicalName(name))?.slot,
    stateIndex: stocks.map((_, i) => i), held: [], heldRates: () => [],
  };
  let moving: Diagnostic[] = [];
  const badAtTime = failed(() => { moving = timeDependent(system, v, set.model); });
  if (badAtTime) return { diagnostics: badAtTime };
  if (moving.length) return { diagnostics: moving };
  const kept = locate(built.diagnostics, { file: model.file });
  if (!reductionRequested(o)) return { system, diagnostics: kept };
  const reduced = reduceSystem(system, o);
  return { system: reduced.system, diagnostics: [...kept, ...reduced.diagnostics] };
}

/** Where a slot's value comes from in the model file, for located diagnostics. */
function where(model: Model, id: string, field?: string): Partial<Diagnostic> {
  const owner = helperOwner(id) ?? id;
  const v: Variable | undefined = model.variables.find((x) => x.id === owner);
  return { file: model.file, variable: v?.name ?? owner, line: v?.origin?.line, column: v?.origin?.column, field };
}

function discreteState(compiled: CompiledModel, model: Model): Diagnostic[] {
  const what: Record<string, [string, string]> = {
    pipeline: ['a fixed (pipeline) delay holds a queue of past values that is not part of the stocks', 'replace the fixed delay by delay3/delayn (a material delay made of stocks)'],
    previous: ['previous() holds last step\'s value, which is not part of the stocks', 'replace previous() by a stock, e.g. smooth() of the value'],
    history: ['history() records past values, which are not part of the stocks', 'replace history() by a stock, e.g. delay3/delayn of the value'],
    conveyor: ['a conveyor holds batches in transit, which are not part of the stocks', 'replace the conveyor by delay3/delayn (a material delay made of stocks)'],
  };
  return compiled.layout.columns.filter((c) => what[c.kind]).map((c) => error('no-equilibrium-state',
    `equilibria are not defined for this model: ${what[c.kind][0]}`,
    { ...where(model, c.id, 'equation'), hint: `${what[c.kind][1]}, or analyse the model by simulation` }));
}

/**
 * Variables whose values at sample states differ between t* and later times: the rates are
 * not autonomous after t*. Sample states: the initial state, zero and a spread of both.
 */
function timeDependent(s: DynamicalSystem, v: Float64Array, model: Model): Diagnostic[] {
  const { compiled, n, time } = s;
  const later = [time + 0.731, time + 17.3, time * 2 + 101.7, time + 1e5];
  const states = [s.initial, s.initial.map(() => 0), s.initial.map((x, i) => 2 * x + 1 + i)];
  const differs = new Set<number>();
  const y = new Float64Array(n), d = new Float64Array(n);
  for (const x of states) {
    y.set(x);
    const base = new Float64Array(v.length);
    compiled.evaluate(time, y, v, d);
    base.set(v);
    for (const t of later) {
      y.set(x);
      // A draw that fails only after t* (its parameters drift out of range) changes with time.
      const drift = drawAfter(compiled, () => compiled.evaluate(t, y, v, d));
      if (drift) return [movingError(model, drift, time)];
      for (const slot of compiled.evaluationOrder) {
        const a = base[slot], b = v[slot];
        if (a !== b && !(Number.isNaN(a) && Number.isNaN(b)) && Math.abs(a - b) > 1e-12 * Math.max(Math.abs(a), Math.abs(b))) differs.add(slot);
      }
    }
    y.set(x);
    compiled.evaluate(time, y, v, d);
  }
  if (!differs.size) return [];
  const firsts = compiled.layout.columns.filter((c) => differs.has(c.slot));
  const owners = new Map<string, string>();
  for (const c of firsts) owners.set(helperOwner(c.id) ?? c.id, c.id);
  return [...owners.values()].slice(0, 5).map((id) => movingError(model, id, time));
}

function movingError(model: Model, id: string, time: number): Diagnostic {
  return error('time-dependent-rates',
    `this variable still changes with time (or draws random numbers) after t = ${time}, so the model has no fixed equilibria there`,
    { ...where(model, id, 'equation'), hint: 'analyse at a time after its inputs have settled (--time T), or set the time-dependent input to a constant with --set' });
}

/** The id of the variable whose random draw failed in f, or undefined when f ran. */
function drawAfter(compiled: CompiledModel, f: () => void): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    const draw = drawDiagnostic(compiled, e);
    if (!draw) throw e;
    return canonicalName(draw.variable ?? '');
  }
}
