/**
 * The one ensemble type (`Draws`: member parameters + seed) and paired runs over it: the engine
 * of every ensemble (intervention effects, uncertainty bands, leverage). Members are either a
 * Latin-hypercube design of the model's uncertain constants (the prior) or read from an
 * ensemble file (a calibrated posterior, posterior/file.ts). Every constant with
 * an `uncertainty` range is sampled, except those the user fixes with overrides; a constant
 * that a scenario sets itself keeps the scenario's value. Each model is compiled once and
 * re-run with new constant values; the same seed gives the same draws, byte for byte.
 */
import { canonicalName } from '../core/names.js';
import { ModelError } from '../core/diagnostics.js';
import { buildModel, type CompiledModel } from '../compile/index.js';
import type { Constant, Model, Scenario } from '../model/types.js';
import { runCompiled } from '../sim/run.js';
import type { SimulationResult } from '../sim/result.js';
import { simSpecWith, withOverrides, type SimulateOptions } from '../sim/simulate.js';
import { sampleConstants } from './lhs.js';

export interface Draws {
  readonly seed: number;
  /** The sampled constants, as written. */
  readonly factors: readonly string[];
  readonly rows: readonly (readonly number[])[];
  /** Canonical ids the user fixed (never sampled). */
  readonly fixed: readonly string[];
  /** The ensemble file the rows were read from (a posterior); absent for prior draws. */
  readonly from?: string;
}

export function drawConstants(baseline: Model, draws: number, seed: number, simulate?: SimulateOptions): Draws {
  const fixed = Object.keys(simulate?.overrides ?? {}).map(canonicalName);
  const constants = baseline.variables.filter((v): v is Constant => v.kind === 'constant' && !fixed.includes(v.id));
  const design = sampleConstants(constants, draws, seed);
  return { seed, factors: design.names, rows: design.rows, fixed };
}

/**
 * The members an ensemble runs over: the given ones (an ensemble file), else `draws` prior
 * draws. A constant the user fixes for this run (--set) keeps that value in every member.
 */
export function membersFor(baseline: Model, given: Draws | undefined, draws: number, seed: number, simulate?: SimulateOptions): Draws {
  if (!given) return drawConstants(baseline, draws, seed, simulate);
  return { ...given, fixed: Object.keys(simulate?.overrides ?? {}).map(canonicalName) };
}

/** Constants a scenario sets itself: the draws must not override them. */
export function pinnedBy(scenario: Scenario | undefined): string[] {
  return (scenario?.changes ?? []).flatMap((c) => (c.kind === 'set' || c.kind === 'equation' || c.kind === 'remove' ? [canonicalName(c.variable)] : []));
}

/** Runs `model` once per draw and reads each result with `read`. Throws ModelError when a run fails. */
export function runDraws<T>(model: Model, scenario: Scenario | undefined, d: Draws, simulate: SimulateOptions | undefined, read: (r: SimulationResult) => T): T[] {
  const compiled = compile(model, simulate);
  const slots = compiled.layout.constants;
  const index = new Map(slots.map((c, i) => [c.id, i]));
  const skip = new Set([...d.fixed, ...pinnedBy(scenario)]);
  const columns = d.factors.map((name) => {
    const id = canonicalName(name);
    return skip.has(id) ? undefined : index.get(id);
  });
  return d.rows.map((row) => {
    const values = Float64Array.from(slots, (c) => c.value);
    columns.forEach((k, j) => { if (k !== undefined) values[k] = row[j]; });
    const run = runCompiled(compiled, { constants: values });
    if (!run.result) throw new ModelError(run.diagnostics);
    return read(run.result);
  });
}

function compile(model: Model, options: SimulateOptions = {}): CompiledModel {
  const set = withOverrides(model, options.overrides ?? {});
  if (set.diagnostics.length) throw new ModelError(set.diagnostics);
  const built = buildModel(set.model, simSpecWith(set.model.sim, options));
  if (!built.compiled) throw new ModelError(built.diagnostics);
  return built.compiled;
}
