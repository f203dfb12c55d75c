/**
 * Fixed delays (a pipeline: DELAY FIXED, a delay with a constant time) as ring buffers of one
 * value per step. The delay time is read once, at the start; the buffer's length is that time
 * in steps. Values enter at each step boundary (capture, then commit) and so change only there,
 * also through the stages of a Runge–Kutta step (Vensim Help, "Runge-Kutta Integration": the
 * pure delay functions "do not change within a Runge Kutta computation").
 */
import { error, type Diagnostic } from '../core/diagnostics.js';
import type { CompiledModel } from '../compile/compile.js';
import { ownerName } from './conveyor-errors.js';

export interface Pipe { readonly slot: number; readonly buffer: Float64Array; head: number }

/** The most steps a fixed delay may hold when the run's length is not known in advance. */
const MAX_PIPELINE = 1e7;

/**
 * The buffers of the model's fixed delays, each filled with its initial value, after
 * initialize(). `steps` is the run's length in steps, undefined when it is open (a varying
 * clock). A delay time that is not a number ≥ 0, or too long to hold, is a diagnostic.
 */
export function createPipes(model: CompiledModel, v: Float64Array, dt: number, steps: number | undefined): Pipe[] | Diagnostic {
  const pipes: Pipe[] = [];
  for (const p of model.layout.pipelines) {
    const length = pipelineLength(v[p.delaySlot], dt, steps === undefined ? MAX_PIPELINE : steps + 1);
    if (length === undefined) return badDelay(ownerName(model, p.slot), v[p.delaySlot]);
    pipes.push({ slot: p.slot, buffer: new Float64Array(length).fill(v[p.slot]), head: 0 });
  }
  return pipes;
}

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

/** Sets the captured previous() values and pushes the captured delay inputs, at a step boundary. */
export function commit(previous: readonly number[], pipes: Pipe[], pending: Float64Array, v: Float64Array): void {
  for (let j = 0; j < previous.length; j++) v[previous[j]] = pending[j];
  for (let j = 0; j < pipes.length; j++) {
    const p = pipes[j];
    p.buffer[p.head] = pending[previous.length + j];
    p.head = (p.head + 1) % p.buffer.length;
    v[p.slot] = p.buffer[p.head];
  }
}
