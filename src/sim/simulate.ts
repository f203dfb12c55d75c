/**
 * The one-call entry point: Model + options → SimulationResult. Sim-spec overrides are
 * checked (dt > 0, stop ≥ start, saveper ≥ dt), constants can be replaced by name without
 * editing the model, and every problem is a diagnostic.
 */
import { error, hasErrors, locate, ModelError, warning, type Diagnostic } from '../core/diagnostics.js';
import { canonicalName, didYouMean } from '../core/names.js';
import { buildModel, type CompiledModel } from '../compile/index.js';
import type { Model, SimSpec } from '../model/types.js';
import type { SimulationResult } from './result.js';
import { runCompiled } from './run.js';
import type { SinkFactory } from './sink.js';

export interface SimulateOptions {
  readonly method?: string;
  readonly start?: number;
  readonly stop?: number;
  readonly dt?: number;
  readonly saveper?: number;
  readonly rtol?: number;
  readonly atol?: number;
  /** Values for constants (or numeric auxiliaries) by name, replacing the model's. */
  readonly overrides?: Readonly<Record<string, number>>;
  readonly allowNonFinite?: boolean;
  /** Seed of the random functions (sim `seed`, default 0). */
  readonly seed?: number;
  /**
   * Stream the saved rows: called with the output columns once the model is compiled, it
   * returns the sink that receives each row as it is saved. The result then holds no rows.
   */
  readonly sink?: SinkFactory;
}

export interface Simulation {
  readonly result?: SimulationResult;
  readonly compiled?: CompiledModel;
  readonly diagnostics: Diagnostic[];
}

/** Checks a sim spec; problems name the sim field. */
export function checkSimSpec(sim: SimSpec, file?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bad = (field: string, message: string, hint: string) => out.push(error('bad-sim-spec', message, { file, field: `sim.${field}`, hint }));
  for (const f of ['start', 'stop', 'dt', 'saveper'] as const) if (!Number.isFinite(sim[f])) bad(f, `${f} must be a finite number`, `set sim.${f}`);
  if (out.length) return out;
  if (!(sim.dt > 0)) bad('dt', `dt must be greater than 0 (got ${sim.dt})`, 'use a small positive step such as 0.125');
  if (sim.stop < sim.start) bad('stop', `stop (${sim.stop}) is before start (${sim.start})`, 'make stop ≥ start');
  if (!(sim.saveper > 0)) bad('saveper', `saveper must be greater than 0 (got ${sim.saveper})`, 'use a multiple of dt');
  else if (sim.saveper < sim.dt * (1 - 1e-9)) bad('saveper', `saveper (${sim.saveper}) is smaller than dt (${sim.dt})`, 'use a multiple of dt');
  else if (sim.dt > 0 && Math.abs(sim.saveper / sim.dt - Math.round(sim.saveper / sim.dt)) > 1e-6) {
    out.push(warning('saveper-not-multiple', `saveper (${sim.saveper}) is not a multiple of dt (${sim.dt}): results are saved at the first step on or after each save time`, { file, field: 'sim.saveper', hint: 'make saveper a multiple of dt' }));
  }
  if (sim.dt > 0 && (sim.stop - sim.start) / sim.dt > 5e7) bad('dt', `the run would take ${Math.round((sim.stop - sim.start) / sim.dt)} steps`, 'use a larger dt');
  return out;
}

export function simSpecWith(sim: SimSpec, o: SimulateOptions): SimSpec {
  const dt = o.dt ?? sim.dt;
  return {
    ...sim,
    method: o.method ?? sim.method,
    start: o.start ?? sim.start,
    stop: o.stop ?? sim.stop,
    dt,
    saveper: o.saveper ?? (o.dt !== undefined && sim.saveper < dt ? dt : sim.saveper),
    rtol: o.rtol ?? sim.rtol,
    atol: o.atol ?? sim.atol,
    seed: o.seed ?? sim.seed,
    varying: withoutOverridden(sim.varying, o),
  };
}

/** A field set by an option is fixed for the run, even where the model lets it vary. */
function withoutOverridden(varying: SimSpec['varying'], o: SimulateOptions): SimSpec['varying'] {
  if (!varying) return undefined;
  const kept = {
    dt: o.dt === undefined ? varying.dt : undefined,
    saveper: o.saveper === undefined ? varying.saveper : undefined,
    stop: o.stop === undefined ? varying.stop : undefined,
  };
  return Object.values(kept).some((e) => e !== undefined) ? kept : undefined;
}

/**
 * Applies overrides by name, one rule for every command (README "Setting values"): a constant
 * takes the value, a stock starts at it (its initial value), an auxiliary or flow is held at it
 * (its equation replaced, as PySD's params do), a lookup is refused.
 */
export function withOverrides(model: Model, overrides: Readonly<Record<string, number>>): { model: Model; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map(model.variables.map((v, i) => [v.id, i]));
  const variables = [...model.variables];
  for (const [name, value] of Object.entries(overrides)) {
    const i = byId.get(canonicalName(name));
    const v = i === undefined ? undefined : variables[i];
    if (!v) {
      const guess = didYouMean(canonicalName(name), byId.keys());
      diagnostics.push(error('unknown-variable', `cannot set unknown variable '${name}'`, { file: model.file, hint: guess ? `did you mean '${model.variables[byId.get(guess)!].name}'?` : 'check the name' }));
    } else if (v.kind === 'constant') variables[i!] = { ...v, value };
    else if (v.kind === 'aux' || v.kind === 'flow') variables[i!] = { ...v, equation: String(value), gf: undefined };
    else if (v.kind === 'stock') variables[i!] = { ...v, initial: String(value) };
    else diagnostics.push(error('not-settable', `'${v.name}' is a lookup and cannot be set to a number`, { file: model.file, variable: v.name, hint: 'change its table with a scenario\'s lookup change, or set a constant that scales its input' }));
  }
  return { model: { ...model, variables }, diagnostics };
}

/** Builds and runs a model; never throws for model problems (see `simulate`). */
export function trySimulate(model: Model, options: SimulateOptions = {}): Simulation {
  const sim = simSpecWith(model.sim, options);
  const simProblems = checkSimSpec(sim, model.file);
  if (hasErrors(simProblems)) return { diagnostics: simProblems };
  const set = withOverrides(model, options.overrides ?? {});
  if (set.diagnostics.length) return { diagnostics: set.diagnostics };
  const built = buildModel(set.model, sim);
  if (!built.compiled || hasErrors(built.diagnostics)) return { diagnostics: built.diagnostics };
  const run = runCompiled(built.compiled, { allowNonFinite: options.allowNonFinite, sink: options.sink?.(built.compiled.layout.columns) });
  return { result: run.result, compiled: built.compiled, diagnostics: [...simProblems, ...built.diagnostics, ...atVariables(locate(run.diagnostics, { file: model.file }), model)] };
}

/** Run-time diagnostics that name a variable but no line get the line where the variable is written. */
function atVariables(diags: readonly Diagnostic[], model: Model): Diagnostic[] {
  return diags.map((d) => {
    if (d.line !== undefined || !d.variable) return d;
    const o = model.variables.find((v) => v.name === d.variable)?.origin;
    return o?.line === undefined ? d : { ...d, line: o.line, ...(o.column !== undefined ? { column: o.column } : {}) };
  });
}

/** Builds and runs a model; throws ModelError with every diagnostic when it cannot. */
export function simulate(model: Model, options: SimulateOptions = {}): SimulationResult {
  const s = trySimulate(model, options);
  if (!s.result || hasErrors(s.diagnostics)) throw new ModelError(s.diagnostics);
  return s.result;
}
