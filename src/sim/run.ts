/**
 * The simulation loop: initialise, then at each step evaluate flows and auxiliaries,
 * record at save times, capture previous()/pipeline inputs, let the integrator advance the
 * stocks, and commit the captured values. Discrete values (previous, fixed delays) change
 * only at step boundaries and are held through the stages of a Runge–Kutta step, as
 * Vensim documents for exogenous inputs.
 */
import { error, type Diagnostic } from '../core/diagnostics.js';
import type { CompiledModel } from '../compile/compile.js';
import { SimulationResult } from './result.js';
import { getIntegrator, integratorNames } from './integrators/index.js';
import type { OdeSystem } from './types.js';

export interface RunOptions {
  /** Constant values by slot, replacing the model's (see setConstants in api). */
  readonly constants?: Float64Array;
  /** Keep going when a value becomes NaN or ±Infinity. */
  readonly allowNonFinite?: boolean;
  /** Seed of the random functions (default: the sim spec's, else 0). */
  readonly seed?: number;
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
  const steps = Math.floor((sim.stop - sim.start) / sim.dt + 1e-9);
  const v = new Float64Array(layout.nSlots);
  const y = new Float64Array(layout.nStates);
  const d = new Float64Array(layout.nStates);
  const constants = options.constants ?? Float64Array.from(layout.constants, (c) => c.value);
  layout.constants.forEach((c, i) => { v[c.slot] = constants[i]; });
  model.initialize(sim.start, y, v, options.seed ?? sim.seed ?? 0);

  const system: OdeSystem = { size: layout.nStates, derivatives: (t, yy, dd) => model.evaluate(t, yy, v, dd) };
  let stepper;
  try {
    stepper = integrator.create(system, { rtol: sim.rtol ?? 1e-6, atol: sim.atol ?? 1e-9 });
  } catch (e) {
    return { diagnostics: [error('bad-sim-spec', (e as Error).message, { field: 'sim.rtol', hint: 'use positive finite tolerances' })] };
  }
  /** The fixed-step methods reuse the slope the loop computes anyway (one evaluation saved per step). */
  const slope = integrator.adaptive ? undefined : d;
  const nCaptured = layout.previous.length + layout.pipelines.length;
  const pending = new Float64Array(nCaptured);
  const pipes = layout.pipelines.map((p) => {
    const length = Math.max(1, Math.round(v[p.delaySlot] / sim.dt));
    return { slot: p.slot, buffer: new Float64Array(length).fill(v[p.slot]), head: 0 };
  });

  const saveEvery = sim.saveper / sim.dt;
  const rows = Math.floor(steps / saveEvery + 1e-9) + 1;
  const columns = layout.columns;
  const width = columns.length;
  const colSlots = Int32Array.from(columns, (c) => c.slot);
  const nStates = layout.nStates;
  const values = new Float64Array(rows * width);
  const time = new Float64Array(rows);
  let row = 0;
  let nextSave = 0;
  for (let k = 0; k <= steps; k++) {
    const t = sim.start + k * sim.dt;
    const saving = k >= nextSave - 1e-9 && row < rows;
    // Fixed-step methods need f(t, y) for the step anyway; adaptive ones evaluate for
    // themselves, so the loop evaluates only to record or to capture discrete inputs.
    if (slope || saving || nCaptured) model.evaluate(t, y, v, d);
    if (saving) {
      time[row] = t;
      const base = row * width;
      for (let c = 0; c < width; c++) {
        const s = colSlots[c];
        values[base + c] = s < nStates ? y[s] : v[s];
      }
      row++;
      nextSave = row * saveEvery;
      if (!options.allowNonFinite) {
        const bad = firstNonFinite(model, y, v);
        if (bad !== undefined) return { diagnostics: [nonFinite(layout.names[bad], t)] };
      }
    }
    if (k === steps) break;
    if (nCaptured) model.capture(t, y, v, pending);
    try {
      stepper.advance(t, y, sim.dt, slope);
    } catch (e) {
      return { diagnostics: [error('integration-failed', `${(e as Error).message} at time ${t}`, { hint: 'try a smaller dt or another method' })] };
    }
    if (nCaptured) commit(layout.previous, pipes, pending, v);
  }
  return { result: new SimulationResult(time.subarray(0, row), values.subarray(0, row * width), columns), diagnostics: [] };
}

function commit(previous: readonly number[], pipes: { slot: number; buffer: Float64Array; head: number }[], pending: Float64Array, v: Float64Array): void {
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
    variable: name, hint: 'look for a division by zero or runaway growth; --allow-nonfinite keeps going',
  });
}
