/**
 * The two simulation loops over a prepared run (run.ts): a fixed clock runs `steps` steps of
 * dt; a varying clock (Vensim control variables that change during the run, builtins/clock.ts)
 * is re-evaluated at every step: the step taken is the current TIME STEP, a row is saved when
 * time reaches the previous save time plus the SAVEPER in force then, and the run ends at the
 * first step whose next step would pass the current FINAL TIME. Each step evaluates flows and
 * auxiliaries, records at save times, captures previous()/pipeline inputs, lets the integrator
 * advance the stocks and commits the captured values.
 */
import { error, type Diagnostic } from '../core/diagnostics.js';
import { BadDrawArgument } from '../builtins/random-checks.js';
import type { CompiledModel } from '../compile/compile.js';
import { conveyorDiagnostic } from './conveyor-errors.js';
import { commit, type Pipe } from './pipelines.js';
import type { Rows } from './sink.js';
import type { Stepper } from './types.js';

/** The most steps a varying clock may take (the fixed clock's limit is checked in simulate.ts). */
const MAX_STEPS = 5e7;

/** Everything one run mutates, shared by the fixed and the varying loop. */
export interface RunState {
  readonly model: CompiledModel;
  /** Keep going when a value becomes NaN or ±Infinity (RunOptions.allowNonFinite). */
  readonly allowNonFinite: boolean;
  readonly v: Float64Array;
  readonly y: Float64Array;
  readonly d: Float64Array;
  readonly stepper: Stepper;
  /** f(t, y) reused by fixed-step methods; undefined for adaptive ones. */
  readonly slope?: Float64Array;
  /** The test inputs are held at each step's start time (SimSpec.holdInputs, Integrator.holdsInputs). */
  readonly holds: boolean;
  readonly pending: Float64Array;
  readonly pipes: Pipe[];
  readonly recorder: Rows;
}

export function runFixed(s: RunState, steps: number): Diagnostic | undefined {
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

export function runVarying(s: RunState, clock: Float64Array): Diagnostic | undefined {
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
  if (s.allowNonFinite) return undefined;
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
    if (e instanceof BadDrawArgument) throw e; // reported by runCompiled with its variable
    return error('integration-failed', `${(e as Error).message} at time ${t}`, { hint: 'try a smaller dt or another method' });
  }
  if (capturing) {
    commit(s.model.layout.previous, s.pipes, s.pending, s.v);
    s.model.settle();
  }
  return undefined;
}

/** A clock [dt, saveper, stop] that cannot drive a run, as a diagnostic. */
export function checkClock(c: Float64Array, t: number): Diagnostic | undefined {
  const dt = c[0], saveper = c[1], stop = c[2];
  const bad = (field: string, what: string) => error('bad-sim-spec', `${what} at time ${t}`, { field: `sim.${field}`, hint: 'make TIME STEP and SAVEPER positive and FINAL TIME finite' });
  if (!(dt > 0) || !Number.isFinite(dt)) return bad('dt', `the time step is ${dt}`);
  if (!(saveper > 0) || !Number.isFinite(saveper)) return bad('saveper', `the save period is ${saveper}`);
  if (!Number.isFinite(stop)) return bad('stop', `the final time is ${stop}`);
  return undefined;
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
    variable: name, hint: 'look for a division by zero, runaway growth or a function given arguments outside its range (docs/builtins.md); --allow-nonfinite keeps going',
  });
}
