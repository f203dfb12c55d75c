/**
 * The simulation loop: initialise, then at each step evaluate flows and auxiliaries,
 * record at save times, capture previous()/pipeline inputs, let the integrator advance the
 * stocks, and commit the captured values. Discrete values (previous, fixed delays) change
 * only at step boundaries and are held through the stages of a Runge–Kutta step, as
 * Vensim documents for exogenous inputs; a method that holds inputs (Integrator.holdsInputs)
 * also holds STEP, RAMP, PULSE and PULSE TRAIN at each step's start time.
 *
 * A fixed clock runs `steps` steps of dt. A varying clock (Vensim control variables that
 * change during the run, builtins/clock.ts) is re-evaluated at every step: the step
 * taken is the current TIME STEP, a row is saved when time reaches the previous save time
 * plus the SAVEPER in force then, and the run ends at the first step whose next step would
 * pass the current FINAL TIME.
 */
import { error, ModelError, type Diagnostic } from '../core/diagnostics.js';
import type { CompiledModel } from '../compile/compile.js';
import { conveyorDiagnostic, ownerName } from './conveyor-errors.js';
import type { SimulationResult } from './result.js';
import { Recorder } from './recorder.js';
import { checkResultSize, SinkRecorder, type Rows, type SaveSink } from './sink.js';
import { getIntegrator, integratorNames } from './integrators/index.js';
import type { OdeSystem, Stepper } from './types.js';

export interface RunOptions {
  /** Constant values by slot, replacing the model's (see setConstants in api). */
  readonly constants?: Float64Array;
  /** Keep going when a value becomes NaN or ±Infinity. */
  readonly allowNonFinite?: boolean;
  /** Seed of the random functions (default: the sim spec's, else 0). */
  readonly seed?: number;
  /** Hand each saved row to this sink instead of keeping it; the result then has no rows. */
  readonly sink?: SaveSink;
}

export interface RunOutcome {
  readonly result?: SimulationResult;
  readonly diagnostics: Diagnostic[];
}

/** The most steps a varying clock may take (the fixed clock's limit is checked in simulate.ts). */
const MAX_STEPS = 5e7;

interface Pipe { readonly slot: number; readonly buffer: Float64Array; head: number }

/** Everything one run mutates, shared by the fixed and the varying loop. */
interface RunState {
  readonly model: CompiledModel;
  readonly options: RunOptions;
  readonly v: Float64Array;
  readonly y: Float64Array;
  readonly d: Float64Array;
  readonly stepper: Stepper;
  /** f(t, y) reused by fixed-step methods; undefined for adaptive ones. */
  readonly slope?: Float64Array;
  /** The method holds the test inputs at each step's start time (Integrator.holdsInputs). */
  readonly holds: boolean;
  readonly pending: Float64Array;
  readonly pipes: Pipe[];
  readonly recorder: Rows;
}

/** Runs a compiled model over its sim spec. Never throws for model problems. */
export function runCompiled(model: CompiledModel, options: RunOptions = {}): RunOutcome {
  const { sim, layout } = model;
  const integrator = getIntegrator(sim.method);
  if (!integrator) {
    return { diagnostics: [error('unknown-method', `unknown integration method '${sim.method}'`, { field: 'sim.method', hint: `use one of ${integratorNames().join(', ')}` })] };
  }
  const v = new Float64Array(layout.nSlots);
  const y = new Float64Array(layout.nStates);
  const d = new Float64Array(layout.nStates);
  const constants = options.constants ?? Float64Array.from(layout.constants, (c) => c.value);
  layout.constants.forEach((c, i) => { v[c.slot] = constants[i]; });
  // The clock at the start: a clock of time and constants is evaluated now, so that initial
  // values see it; one that reads model variables starts from the spec's values.
  const clock = Float64Array.of(sim.dt, sim.saveper, sim.stop);
  if (model.varyingClock && !model.clockReadsModel) {
    model.clock(sim.start, y, v, clock);
    const bad = checkClock(clock, sim.start);
    if (bad) return { diagnostics: [bad] };
  }
  try {
    model.initialize(sim.start, y, v, options.seed ?? sim.seed ?? 0);
  } catch (e) {
    const belt = conveyorDiagnostic(model, e);
    if (belt) return { diagnostics: [belt] };
    throw e;
  }

  const system: OdeSystem = { size: layout.nStates, derivatives: (t, yy, dd) => model.evaluate(t, yy, v, dd) };
  let stepper: Stepper;
  try {
    stepper = integrator.create(system, { rtol: sim.rtol ?? integrator.tolerances?.rtol ?? 1e-6, atol: sim.atol ?? integrator.tolerances?.atol ?? 1e-9 });
  } catch (e) {
    return { diagnostics: [error('bad-sim-spec', (e as Error).message, { field: 'sim.rtol', hint: 'use positive finite tolerances' })] };
  }
  const steps = Math.floor((sim.stop - sim.start) / sim.dt + 1e-9);
  const rows = model.varyingClock ? 64 : Math.floor(steps / (sim.saveper / sim.dt) + 1e-9) + 1;
  const tooLarge = options.sink ? undefined : checkResultSize(rows, layout.columns.length);
  if (tooLarge) return { diagnostics: [tooLarge] };
  const pipes: Pipe[] = [];
  for (const p of layout.pipelines) {
    const length = pipelineLength(v[p.delaySlot], clock[0], model.varyingClock ? MAX_PIPELINE : steps + 1);
    if (length === undefined) return { diagnostics: [badDelay(ownerName(model, p.slot), v[p.delaySlot])] };
    pipes.push({ slot: p.slot, buffer: new Float64Array(length).fill(v[p.slot]), head: 0 });
  }
  const state: RunState = {
    model, options, v, y, d, stepper, pipes,
    // The fixed-step methods reuse the slope the loop computes anyway (one evaluation saved per step).
    slope: integrator.adaptive ? undefined : d,
    holds: integrator.holdsInputs === true,
    pending: new Float64Array(layout.previous.length + layout.pipelines.length),
    recorder: options.sink ? new SinkRecorder(options.sink, layout.columns, layout.nStates) : new Recorder(model, rows),
  };
  let problem: Diagnostic | undefined;
  try {
    problem = model.varyingClock ? runVarying(state, clock) : runFixed(state, steps);
  } catch (e) {
    if (e instanceof ModelError) return { diagnostics: [...e.diagnostics] }; // a varying clock's rows outgrew memory
    throw e;
  } finally {
    if (state.holds) model.hold(NaN); // later evaluations (analyses) read the time they are given
  }
  if (problem) return { diagnostics: [problem] };
  return { result: state.recorder.result(), diagnostics: [] };
}

function runFixed(s: RunState, steps: number): Diagnostic | undefined {
  const { sim } = s.model;
  const saveEvery = sim.saveper / sim.dt;
  const rows = Math.floor(steps / saveEvery + 1e-9) + 1;
  const capturing = s.model.captures;
  let nextSave = 0;
  for (let k = 0; k <= steps; k++) {
    const t = sim.start + k * sim.dt;
    if (s.holds) s.model.hold(t);
    const saving = k >= nextSave - 1e-9 && s.recorder.count < rows;
    // Fixed-step methods need f(t, y) for the step anyway; adaptive ones evaluate for
    // themselves, so the loop evaluates only to record or to capture discrete inputs.
    if (s.slope || saving || capturing) s.model.evaluate(t, s.y, s.v, s.d);
    if (saving) {
      const bad = record(s, t);
      if (bad) return bad;
      nextSave = s.recorder.count * saveEvery;
    }
    if (k === steps) return undefined;
    const failed = advance(s, t, sim.dt);
    if (failed) return failed;
  }
  return undefined;
}

function runVarying(s: RunState, clock: Float64Array): Diagnostic | undefined {
  const { model } = s;
  const start = model.sim.start;
  // Time is segment start + j·dt while dt holds, so a long run at one dt does not drift.
  let segment = start;
  let segmentDt = clock[0];
  let j = 0;
  let t = start;
  let nextSave = start;
  const before = !model.clockReadsModel;
  for (let k = 0; ; k++) {
    if (before && k > 0) model.clock(t, s.y, s.v, clock);
    if (s.holds) model.hold(t);
    model.evaluate(t, s.y, s.v, s.d);
    if (!before) model.clock(t, s.y, s.v, clock);
    const bad = checkClock(clock, t);
    if (bad) return bad;
    const dt = clock[0];
    if (k > MAX_STEPS) return error('bad-sim-spec', `the run has taken ${MAX_STEPS} steps and reached only time ${t}`, { field: 'sim.varying', hint: 'use a larger TIME STEP or an earlier FINAL TIME' });
    if (t >= nextSave - 1e-9 * dt) {
      const bad = record(s, t);
      if (bad) return bad;
      nextSave = t + clock[1];
    }
    if (t + dt > clock[2] + 1e-9 * dt) return undefined;
    const failed = advance(s, t, dt);
    if (failed) return failed;
    if (dt !== segmentDt) { segment = t; segmentDt = dt; j = 0; }
    t = segment + ++j * segmentDt;
  }
}

/** Saves a row; stops the run at the first non-finite value unless allowed. */
function record(s: RunState, t: number): Diagnostic | undefined {
  s.recorder.save(t, s.y, s.v);
  if (s.options.allowNonFinite) return undefined;
  const bad = firstNonFinite(s.model, s.y, s.v);
  return bad === undefined ? undefined : nonFinite(s.model.layout.names[bad], t);
}

/** One step from t by h: capture discrete inputs, integrate, commit them. */
function advance(s: RunState, t: number, h: number): Diagnostic | undefined {
  const capturing = s.model.captures;
  try {
    if (capturing) s.model.capture(t, s.y, s.v, s.pending);
  } catch (e) {
    const belt = conveyorDiagnostic(s.model, e, t);
    if (belt) return belt;
    throw e;
  }
  try {
    s.stepper.advance(t, s.y, h, s.slope);
  } catch (e) {
    return error('integration-failed', `${(e as Error).message} at time ${t}`, { hint: 'try a smaller dt or another method' });
  }
  if (capturing) {
    commit(s.model.layout.previous, s.pipes, s.pending, s.v);
    s.model.settle();
  }
  return undefined;
}

/** The most steps a fixed delay may hold when the run's length is not known in advance. */
const MAX_PIPELINE = 1e7;

/**
 * Steps in a fixed delay of `delay` time units: at least one; a delay longer than the run
 * holds its initial value throughout, so it needs no more than `cap` steps. Undefined for a
 * delay time that is not a number ≥ 0, or too long to hold when the run's length is open.
 */
function pipelineLength(delay: number, dt: number, cap: number): number | undefined {
  if (!(delay >= 0)) return undefined;
  const steps = Math.max(1, Math.round(delay / dt));
  if (steps <= cap) return steps;
  return cap === MAX_PIPELINE ? undefined : cap;
}

function badDelay(variable: string, delay: number): Diagnostic {
  return error('bad-delay', `the delay time of a fixed delay is ${delay} at the start`, {
    variable, hint: `give it a delay time between 0 and ${MAX_PIPELINE} time steps`,
  });
}

/** A clock [dt, saveper, stop] that cannot drive a run, as a diagnostic. */
function checkClock(c: Float64Array, t: number): Diagnostic | undefined {
  const dt = c[0], saveper = c[1], stop = c[2];
  const bad = (field: string, what: string) => error('bad-sim-spec', `${what} at time ${t}`, { field: `sim.${field}`, hint: 'make TIME STEP and SAVEPER positive and FINAL TIME finite' });
  if (!(dt > 0) || !Number.isFinite(dt)) return bad('dt', `the time step is ${dt}`);
  if (!(saveper > 0) || !Number.isFinite(saveper)) return bad('saveper', `the save period is ${saveper}`);
  if (!Number.isFinite(stop)) return bad('stop', `the final time is ${stop}`);
  return undefined;
}

function commit(previous: readonly number[], pipes: Pipe[], pending: Float64Array, v: Float64Array): void {
  for (let j = 0; j < previous.length; j++) v[previous[j]] = pending[j];
  for (let j = 0; j < pipes.length; j++) {
    const p = pipes[j];
    p.buffer[p.head] = pending[previous.length + j];
    p.head = (p.head + 1) % p.buffer.length;
    v[p.slot] = p.buffer[p.head];
  }
}

/** Slot of the first non-finite value in evaluation order, else undefined. */
function firstNonFinite(model: CompiledModel, y: Float64Array, v: Float64Array): number | undefined {
  let clean = true;
  for (let i = 0; i < y.length; i++) if (!Number.isFinite(y[i])) { clean = false; break; }
  if (clean) for (const s of model.evaluationOrder) if (!Number.isFinite(v[s])) { clean = false; break; }
  if (clean) return undefined;
  for (const s of model.evaluationOrder) if (!Number.isFinite(v[s])) return s;
  for (let i = 0; i < y.length; i++) if (!Number.isFinite(y[i])) return i;
  return undefined;
}

function nonFinite(name: string, t: number): Diagnostic {
  return error('non-finite', `'${name}' became NaN or infinite at time ${t}`, {
    variable: name, hint: 'look for a division by zero, runaway growth or a function given arguments outside its range (such as a random draw with a shape or scale ≤ 0, docs/builtins.md); --allow-nonfinite keeps going',
  });
}
