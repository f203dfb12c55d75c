/**
 * The SD glue: a model, the names of its parameters, and an output reduce to a scalar function
 * of the parameter vector. Compiled once; each call re-runs the compiled model with new
 * constant values (runCompiled), so a call costs one simulation.
 *
 * The spec is plain data (structured-cloneable), so worker threads receive it and prepare the
 * same function themselves.
 *
 * Parameters must be constants, or auxiliaries/flows, which become constants for the analysis
 * (a warning says so when their equation was not a plain number). Stocks and lookups cannot be
 * parameters. Constants that fix structure (the order of delayn/smoothn) are read when the
 * model is compiled and do not vary with the parameter.
 */
import { error, hasErrors, locate, warning, type Diagnostic } from '../../core/diagnostics.js';
import { canonicalName, didYouMean } from '../../core/names.js';
import { buildModel, type CompiledModel } from '../../compile/index.js';
import type { Aggregate, Constant, Model, Variable } from '../../model/types.js';
import { runCompiled, type RunOutcome } from '../../sim/run.js';
import { getIntegrator, integratorNames } from '../../sim/integrators/index.js';
import { checkSimSpec, simSpecWith, withOverrides, type SimulateOptions } from '../../sim/simulate.js';
import { aggregate, needsThreshold } from '../metrics.js';
import { objective } from '../calibrate/fit.js';
import type { Target } from '../calibrate/targets.js';
import { logLikelihood } from '../posterior/likelihood.js';

/** A scalar outcome of one run: an aggregate of one variable. */
export interface MetricOutput {
  readonly kind: 'metric';
  readonly variable: string;
  readonly aggregate: Aggregate;
  readonly threshold?: number;
}

/** The calibration objective against reference data. */
export interface FitOutput {
  readonly kind: 'fit';
  readonly targets: readonly Target[];
  /** The data file, for diagnostics. */
  readonly file?: string;
}

/** The log-likelihood of a run against reference data (posterior/likelihood.ts). */
export interface LikelihoodOutput {
  readonly kind: 'likelihood';
  readonly targets: readonly Target[];
  readonly file?: string;
}

export type ModelOutput = MetricOutput | FitOutput | LikelihoodOutput;

export interface ModelFunctionSpec {
  readonly model: Model;
  /** Parameter names, in the order of the vectors passed in. */
  readonly params: readonly string[];
  readonly output: ModelOutput;
  /** Sim-spec options and fixed overrides applied to every run. */
  readonly simulate?: SimulateOptions;
}

export interface Evaluation {
  readonly value: number;
  /** Why the run failed (value is NaN for a metric, +Infinity for a fit, −Infinity for a likelihood). */
  readonly problem?: Diagnostic;
}

export interface ModelFunction {
  readonly evaluate: (x: ArrayLike<number>) => Evaluation;
  /** One run at x, with its full results (for reports at a chosen point). */
  readonly run: (x: ArrayLike<number>) => RunOutcome;
  /** The parameters' values in the model (NaN for an auxiliary that had a formula). */
  readonly nominal: readonly number[];
  readonly compiled: CompiledModel;
}

export interface Prepared {
  readonly fn?: ModelFunction;
  readonly diagnostics: Diagnostic[];
}

/** Checks the spec and compiles the model; every problem is a diagnostic. */
export function prepareModelFunction(spec: ModelFunctionSpec): Prepared {
  const { model } = spec;
  const sim = simSpecWith(model.sim, spec.simulate ?? {});
  const simProblems = checkSimSpec(sim, model.file);
  if (!getIntegrator(sim.method)) simProblems.push(error('unknown-method', `unknown integration method '${sim.method}'`, { file: model.file, field: 'sim.method', hint: `use one of ${integratorNames().join(', ')}` }));
  // A warning (saveper not a multiple of dt) is passed on, not taken for a failure.
  if (hasErrors(simProblems)) return { diagnostics: simProblems };
  const set = withOverrides(model, spec.simulate?.overrides ?? {});
  if (set.diagnostics.length) return { diagnostics: set.diagnostics };
  const params = asConstants(set.model, spec.params);
  if (hasErrors(params.diagnostics)) return { diagnostics: params.diagnostics };
  const built = buildModel(params.model, sim);
  const diagnostics = [...simProblems, ...params.diagnostics, ...built.diagnostics];
  if (!built.compiled || hasErrors(built.diagnostics)) return { diagnostics };
  const compiled = built.compiled;
  const outputProblems = checkOutput(compiled, spec.output, model.file, sim);
  if (outputProblems.length) return { diagnostics: [...diagnostics, ...outputProblems] };
  const index = new Map(compiled.layout.constants.map((c, i) => [c.id, i]));
  const slots = params.ids.map((id) => index.get(id)!);
  const base = Float64Array.from(compiled.layout.constants, (c) => c.value);
  const reduce = outputReducer(spec.output);
  const failed = spec.output.kind === 'fit' ? Infinity : spec.output.kind === 'likelihood' ? -Infinity : NaN;
  const lean = recordingOnly(compiled, spec.output);
  const runWith = (model: CompiledModel, x: ArrayLike<number>): RunOutcome => {
    const constants = base.slice();
    for (let j = 0; j < slots.length; j++) constants[slots[j]] = x[j];
    const r = runCompiled(model, { constants, allowNonFinite: spec.simulate?.allowNonFinite });
    return { ...r, diagnostics: locate(r.diagnostics, { file: spec.model.file }) };
  };
  const run = (x: ArrayLike<number>) => runWith(compiled, x);
  const evaluate = (x: ArrayLike<number>): Evaluation => {
    const r = runWith(lean, x);
    return r.result ? { value: reduce(r.result) } : { value: failed, problem: r.diagnostics[0] };
  };
  return { fn: { evaluate, run, nominal: params.nominal, compiled }, diagnostics };
}

/**
 * The compiled model recording only the variables the output reads. runCompiled saves every
 * column at every save time; for a large model that is most of the memory a run allocates
 * (Kinesis: ~150 columns × 481 saves), and ensembles of thousands of runs then spend their
 * time collecting garbage. The evaluation itself is unchanged.
 */
function recordingOnly(compiled: CompiledModel, output: ModelOutput): CompiledModel {
  const read = new Set((output.kind === 'metric' ? [output.variable] : output.targets.map((t) => t.variable)).map(canonicalName));
  return { ...compiled, layout: { ...compiled.layout, columns: compiled.layout.columns.filter((c) => read.has(c.id)) } };
}

function outputReducer(output: ModelOutput) {
  if (output.kind === 'fit') return (r: Parameters<typeof objective>[1]) => objective(output.targets, r);
  if (output.kind === 'likelihood') return (r: Parameters<typeof objective>[1]) => logLikelihood(output.targets, r);
  return (r: Parameters<typeof objective>[1]) => aggregate(r.time, r.series(output.variable), output.aggregate, output.threshold ?? 0);
}

/**
 * The model with every parameter a constant, the constants' ids, and the parameters' nominal
 * values. An auxiliary becomes a constant; a flow stays a flow (stocks drain it) whose
 * equation reads a companion constant `<name> (parameter)`.
 */
function asConstants(model: Model, names: readonly string[]): { model: Model; ids: string[]; nominal: number[]; diagnostics: Diagnostic[] } {
  const byId = new Map(model.variables.map((v, i) => [v.id, i]));
  const variables: Variable[] = [...model.variables];
  const diagnostics: Diagnostic[] = [];
  const nominal: number[] = [];
  const ids: string[] = [];
  for (const name of names) {
    const i = byId.get(canonicalName(name));
    const v = i === undefined ? undefined : variables[i];
    nominal.push(NaN);
    ids.push(canonicalName(name));
    if (!v) {
      const guess = didYouMean(canonicalName(name), byId.keys());
      diagnostics.push(error('unknown-variable', `cannot vary unknown variable '${name}'`, { file: model.file, hint: guess ? `did you mean '${model.variables[byId.get(guess)!].name}'?` : 'give the name of a constant' }));
    } else if (v.kind === 'constant') nominal[nominal.length - 1] = v.value;
    else if (v.kind === 'aux' || v.kind === 'flow') {
      const value = Number(v.equation.trim());
      const numeric = v.equation.trim() !== '' && Number.isFinite(value) && !v.gf;
      if (!numeric) diagnostics.push(warning('parameter-replaces-equation', `'${v.name}' has an equation; the analysis replaces it by a constant`, { file: model.file, variable: v.name, hint: 'vary the constants the equation uses instead, if that is what you mean' }));
      nominal[nominal.length - 1] = numeric ? value : NaN;
      if (v.kind === 'aux') {
        variables[i!] = { kind: 'constant', name: v.name, id: v.id, value: numeric ? value : 0, units: v.units, doc: v.doc, origin: v.origin };
      } else {
        const companion: Constant = { kind: 'constant', name: `${v.name} (parameter)`, id: canonicalName(`${v.name} (parameter)`), value: numeric ? value : 0, units: v.units, origin: v.origin };
        variables[i!] = { ...v, equation: JSON.stringify(companion.name), gf: undefined };
        variables.push(companion);
        ids[ids.length - 1] = companion.id;
      }
    } else {
      const why = v.kind === 'stock' ? 'its flows set its value as the run goes' : 'it is a table, not a number';
      const hint = v.kind === 'stock' ? `give it a constant for its initial value (initial: ${v.name} Start) and vary that constant` : 'vary a constant that scales its input or output';
      diagnostics.push(error('not-a-parameter', `'${v.name}' is a ${v.kind} and cannot be a parameter: ${why}`, { file: model.file, variable: v.name, hint }));
    }
  }
  return { model: { ...model, variables }, ids, nominal, diagnostics };
}

function checkOutput(compiled: CompiledModel, output: ModelOutput, file: string | undefined, sim: { start: number; stop: number }): Diagnostic[] {
  const ids = new Set(compiled.layout.columns.filter((c) => !c.helper).map((c) => c.id));
  const names = compiled.layout.columns.filter((c) => !c.helper).map((c) => c.id);
  const unknown = (variable: string, where: Partial<Diagnostic>) => {
    const guess = didYouMean(canonicalName(variable), names);
    const name = guess === undefined ? undefined : compiled.layout.columns.find((c) => c.id === guess)?.name;
    return error('unknown-variable', `no variable '${variable}' in the model`, { ...where, hint: name ? `did you mean '${name}'?` : 'check the name' });
  };
  const out: Diagnostic[] = [];
  if (output.kind === 'metric') {
    if (!ids.has(canonicalName(output.variable))) out.push(unknown(output.variable, { file, field: 'metric' }));
    if (needsThreshold(output.aggregate) && output.threshold === undefined) out.push(error('missing-threshold', `the ${output.aggregate} metric needs a threshold`, { field: 'metric' }));
    return out;
  }
  const where = { file: output.file ?? file };
  for (const t of output.targets) {
    if (!ids.has(canonicalName(t.variable))) out.push(unknown(t.variable, where));
    const times = t.kind === 'series' ? t.time : [t.time];
    const outside = times.filter((x) => x < sim.start - 1e-9 || x > sim.stop + 1e-9);
    if (t.kind === 'series' && outside.length) {
      out.push(error('data-out-of-range', `${outside.length} data time(s) of '${t.variable}' are outside the run ${sim.start}…${sim.stop} (first: ${outside[0]})`, { ...where, hint: 'drop those rows or change the run with --start/--stop' }));
    }
  }
  return out;
}
