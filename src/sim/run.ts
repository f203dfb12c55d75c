/**
 * One run of a compiled model: set the constants, evaluate the clock and the initial values,
 * create the integrator's stepper and the fixed delays' buffers, then hand the run to the
 * fixed or the varying loop (loops.ts). Discrete values (previous, fixed delays) change
 * only at step boundaries and are held through the stages of a Runge–Kutta step, as
 * Vensim documents for exogenous inputs. STEP, RAMP, PULSE and PULSE TRAIN are held at each
 * step's start time too when the model asks for it (SimSpec.holdInputs: every Vensim model)
 * or the method does (Integrator.holdsInputs: Vensim's RK4 Auto and RK2 Auto).
 */
import { error, ModelError, type Diagnostic } from '../core/diagnostics.js';
import type { CompiledModel } from '../compile/compile.js';
import { conveyorDiagnostic } from './conveyor-errors.js';
import { drawDiagnostic } from './draw-errors.js';
import { checkClock, runFixed, runVarying, type RunState } from './loops.js';
import { createPipes } from './pipelines.js';
import type { SimulationResult } from './result.js';
import { Recorder } from './recorder.js';
import { checkResultSize, SinkRecorder, type SaveSink } from './sink.js';
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
    const known = conveyorDiagnostic(model, e) ?? drawDiagnostic(model, e);
    if (known) return { diagnostics: [known] };
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
  const pipes = createPipes(model, v, clock[0], model.varyingClock ? undefined : steps);
  if (!Array.isArray(pipes)) return { diagnostics: [pipes] };
  const state: RunState = {
    model, v, y, d, stepper, pipes, allowNonFinite: options.allowNonFinite === true,
    // The fixed-step methods reuse the slope the loop computes anyway (one evaluation saved per step).
    slope: integrator.adaptive ? undefined : d,
    holds: integrator.holdsInputs === true || sim.holdInputs === true,
    pending: new Float64Array(layout.previous.length + layout.pipelines.length),
    recorder: options.sink ? new SinkRecorder(options.sink, layout.columns, layout.nStates) : new Recorder(model, rows),
  };
  let problem: Diagnostic | undefined;
  try {
    problem = model.varyingClock ? runVarying(state, clock) : runFixed(state, steps);
  } catch (e) {
    if (e instanceof ModelError) return { diagnostics: [...e.diagnostics] }; // a varying clock's rows outgrew memory
    const draw = drawDiagnostic(model, e);
    if (draw) return { diagnostics: [draw] };
    throw e;
  } finally {
    if (state.holds) model.hold(NaN); // later evaluations (analyses) read the time they are given
  }
  if (problem) return { diagnostics: [problem] };
  return { result: state.recorder.result(), diagnostics: [] };
}

