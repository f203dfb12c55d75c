/**
 * Sensitivity of a model outcome: factors are model constants (or numeric auxiliaries) with
 * ranges, the output is one metric (an aggregate of one variable), and every row of the plan
 * is one run of the compiled model, spread over worker threads when asked.
 */
import { error, formatDiagnostic, hasErrors, warning, type Diagnostic } from '../../core/diagnostics.js';
import { isNaSized } from '../../core/na.js';
import { canonicalName } from '../../core/names.js';
import type { Constant, Model } from '../../model/types.js';
import type { SimulateOptions } from '../../sim/simulate.js';
import { evaluateRows, type WorkerCount } from '../parallel/pool.js';
import type { Executor } from '../parallel/executor.js';
import { prepareModelFunction, type MetricOutput, type ModelFunctionSpec } from '../parallel/model-function.js';
import type { Draws } from '../draws.js';
import { analyzeSensitivity, GIVEN_DATA, planSensitivity, type SensitivityOptions, type SensitivityPlan, type SensitivityResult } from './analyze.js';
import { factorProblems, type Factor } from './factors.js';

/** A parameter to vary; without lo/hi the range comes from the constant's `uncertainty`. */
export interface ParamRange {
  readonly name: string;
  readonly lo?: number;
  readonly hi?: number;
}

export interface ModelSensitivityOptions extends Omit<SensitivityOptions, 'members'> {
  /** Parameters to vary; default: every constant with an uncertainty range. */
  readonly params?: readonly ParamRange[];
  readonly metric: Omit<MetricOutput, 'kind'>;
  readonly simulate?: SimulateOptions;
  /** Worker threads, or 'auto' (default 1: in-process). Results do not depend on it. */
  readonly workers?: WorkerCount;
  /** Every run on worker threads, none on the main thread (tests of the worker path). */
  readonly workerThreadsOnly?: boolean;
  /** Where the runs go instead of this machine's threads (e.g. a job queue). */
  readonly executor?: Executor;
  readonly onProgress?: (done: number, total: number) => void;
  /** An ensemble's members to run as given (method 'given-data'); replaces params and ranges. */
  readonly ensemble?: Draws;
}

export interface ModelSensitivity {
  readonly result?: SensitivityResult & { readonly metric: string; readonly failures: number };
  readonly diagnostics: Diagnostic[];
}

export async function modelSensitivity(model: Model, o: ModelSensitivityOptions): Promise<ModelSensitivity> {
  const resolved: { factors: Factor[]; rows?: number[][]; diagnostics: Diagnostic[] } = o.ensemble ? memberFactors(o.ensemble) : resolveFactors(model, o.params);
  const diagnostics = [...resolved.diagnostics];
  if (hasErrors(diagnostics)) return { diagnostics };
  const factors = resolved.factors;
  const spec: ModelFunctionSpec = { model, params: factors.map((f) => f.name), output: { kind: 'metric', ...o.metric }, simulate: o.simulate };
  const prepared = prepareModelFunction(spec);
  diagnostics.push(...prepared.diagnostics);
  if (!prepared.fn || hasErrors(diagnostics)) return { diagnostics };
  const nominal = prepared.fn.nominal.map((v, i) => (Number.isFinite(v) ? v : (factors[i].lo + factors[i].hi) / 2));
  let plan: SensitivityPlan;
  try {
    plan = planSensitivity(factors, { ...o, nominal: o.nominal ?? nominal, ...(resolved.rows ? { method: GIVEN_DATA, members: resolved.rows } : {}) });
  } catch (e) {
    return { diagnostics: [...diagnostics, error('bad-sensitivity-options', (e as Error).message)] };
  }
  const runs = await evaluateRows(spec, plan.rows, { workers: o.workers, workerThreadsOnly: o.workerThreadsOnly, executor: o.executor, onProgress: o.onProgress, local: prepared.fn });
  if (runs.failures) {
    const first = runs.problems[0];
    const at = factors.map((f, j) => `${f.name}=${plan.rows[first.row][j]}`).join(', ');
    diagnostics.push(error('runs-failed', `${runs.failures} of ${plan.rows.length} runs failed; the first (${at}): ${formatDiagnostic(first.diagnostic)}`, {
      file: model.file, hint: 'narrow the parameter ranges, or use --allow-nonfinite if NaN outcomes are expected',
    }));
    if (!o.simulate?.allowNonFinite) return { diagnostics };
  }
  const metric = `${o.metric.variable}:${o.metric.aggregate}${o.metric.threshold === undefined ? '' : `@${o.metric.threshold}`}`;
  const na = runs.values.filter(isNaSized).length;
  if (na) diagnostics.push(warning('missing-values', `the metric ${metric} is of the size of Vensim's :NA: (magnitude ≥ 2^109 ≈ 6.5e32) in ${na} of ${runs.values.length} runs: it is missing data or computed from it, so the sensitivities below measure that number, not the model`, {
    file: model.file, hint: 'give the data variable its data (--data FILE), or choose a metric that does not read it',
  }));
  return { result: { ...analyzeSensitivity(plan, runs.values), metric, failures: runs.failures }, diagnostics };
}

/** The ensemble's constants (less those fixed for this run) with the members' range, and their rows. */
function memberFactors(d: Draws): { factors: Factor[]; rows: number[][]; diagnostics: Diagnostic[] } {
  const keep = d.factors.map((name, j) => ({ name, j })).filter((f) => !d.fixed.includes(canonicalName(f.name)));
  const rows = d.rows.map((r) => keep.map((f) => r[f.j]));
  const factors = keep.map((f, i) => ({ name: f.name, lo: Math.min(...rows.map((r) => r[i])), hi: Math.max(...rows.map((r) => r[i])) }));
  const diagnostics = factors.length ? [] : [error('no-parameters', 'every constant of the ensemble is fixed with --set: nothing varies', { file: d.from })];
  return { factors, rows, diagnostics };
}

/** Factors from explicit ranges, or from the constants' uncertainty ranges. */
export function resolveFactors(model: Model, params?: readonly ParamRange[]): { factors: Factor[]; diagnostics: Diagnostic[] } {
  const constants = new Map(model.variables.filter((v): v is Constant => v.kind === 'constant').map((c) => [c.id, c]));
  const diagnostics: Diagnostic[] = [];
  const where = { file: model.file, field: 'param' };
  if (!params || params.length === 0) {
    const factors = [...constants.values()].filter((c) => c.uncertainty).map((c) => fromUncertainty(c));
    if (!factors.length) diagnostics.push(error('no-parameters', 'no parameters to vary: give --param NAME=LO:HI, or add uncertainty ranges to constants', where));
    return { factors, diagnostics };
  }
  const factors: Factor[] = [];
  for (const p of params) {
    if (p.lo !== undefined && p.hi !== undefined) { factors.push({ name: p.name, lo: p.lo, hi: p.hi }); continue; }
    const c = constants.get(canonicalName(p.name));
    if (c?.uncertainty) factors.push(fromUncertainty(c, p.name));
    else if (c || model.variables.some((v) => v.id === canonicalName(p.name))) diagnostics.push(error('missing-range', `'${p.name}' has no uncertainty range in the model`, { ...where, variable: p.name, hint: `write ${p.name}=LO:HI` }));
    else factors.push({ name: p.name, lo: NaN, hi: NaN }); // reported as unknown by the model function
  }
  const ranged = factors.filter((f) => Number.isFinite(f.lo) || Number.isFinite(f.hi));
  if (ranged.length) diagnostics.push(...factorProblems(ranged).map((m) => error('bad-range', m, where)));
  return { factors, diagnostics };
}

function fromUncertainty(c: Constant, name = c.name): Factor {
  const u = c.uncertainty!;
  return { name, lo: u.min, hi: u.max, distribution: u.distribution, mode: u.distribution === 'triangular' ? u.mode ?? c.value : undefined };
}
