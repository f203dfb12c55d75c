/**
 * The varying sim spec (SimSpec.varying): TIME STEP, SAVEPER and FINAL TIME given as
 * equations that Vensim re-evaluates during the run ("Control Parameters" in the Vensim
 * reference; SDXorg test-models `control_vars`). They are computed before every step, in
 * the order dt, saveper, stop, so that SAVEPER = TIME STEP sees the step being taken.
 * They may read any variable but call pure functions only (state or randomness inside the
 * clock would make it depend on the run it schedules). A clock of time and constants is
 * evaluated before the step's equations, so they see the current TIME STEP; a clock that
 * reads model variables is evaluated after them (the equations then see the previous one).
 */
import { error, type Diagnostic } from '../core/diagnostics.js';
import { walk, type Expr } from '../expr/ast.js';
import type { SimSpec, Variable } from '../model/types.js';
import { RANDOM_ARITY } from './random.js';
import { functionSpec } from './functions.js';
import { helperOwner, type ProgramNode } from './program.js';

export const CLOCK_FIELDS = ['dt', 'saveper', 'stop'] as const;
export type ClockField = (typeof CLOCK_FIELDS)[number];
export type ClockEquations = Partial<Record<ClockField, Expr>>;

/** The fields of the spec that vary; empty when the spec is fixed. */
export function varyingFields(sim: SimSpec): ClockField[] {
  return CLOCK_FIELDS.filter((f) => sim.varying?.[f] !== undefined);
}

/** Checks that a clock equation calls no function with state or random draws. */
export function checkClockEquation(e: Expr, field: ClockField, vars: ReadonlyMap<string, Variable>, file?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  walk(e, (n) => {
    if (n.kind === 'call' && !isPure(n.fn, vars)) {
      out.push(error('varying-sim-spec', `the ${field} equation calls ${n.fn}(), which keeps state or draws random numbers`, {
        file, field: `sim.varying.${field}`, hint: 'compute it from time, constants and other variables with pure functions',
      }));
    }
  });
  return out;
}

/** Pure library functions and lookup calls; stateful builtins and random draws are not. */
function isPure(fn: string, vars: ReadonlyMap<string, Variable>): boolean {
  return fn === 'lookup' || vars.get(fn)?.kind === 'lookup' || (functionSpec(fn) !== undefined && !RANDOM_ARITY[fn]);
}

/**
 * A varying TIME STEP cannot drive what is sized or indexed by the step at the start: the
 * buffers of fixed (pipeline) delays and the once-per-step random draws.
 */
export function checkVaryingDt(nodes: readonly ProgramNode[], file?: string): Diagnostic[] {
  const where = { file, field: 'sim.varying.dt' };
  const out: Diagnostic[] = [];
  const owner = (n: ProgramNode) => nodes.find((m) => m.id === helperOwner(n.id))?.name ?? n.name;
  const pipeline = nodes.find((n) => n.kind === 'pipeline');
  if (pipeline) out.push(error('varying-sim-spec', `the time step varies during the run, but '${owner(pipeline)}' uses a fixed (pipeline) delay sized by it`, { ...where, hint: 'keep TIME STEP constant, or use a material delay of high order' }));
  const belt = nodes.find((n) => n.kind === 'conveyor');
  if (belt) out.push(error('varying-sim-spec', `the time step varies during the run, but '${owner(belt)}' is a conveyor, whose slats are one time step each`, { ...where, hint: 'keep TIME STEP constant' }));
  const random = nodes.find((n) => [n.equation, n.rate, n.source].some((e) => e && callsRandom(e)));
  if (random) out.push(error('varying-sim-spec', `the time step varies during the run, but '${owner(random)}' draws random numbers once per step`, { ...where, hint: 'keep TIME STEP constant' }));
  return out;
}

function callsRandom(e: Expr): boolean {
  let found = false;
  walk(e, (n) => { if (n.kind === 'call' && RANDOM_ARITY[n.fn]) found = true; });
  return found;
}
