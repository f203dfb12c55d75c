/**
 * Parameter sensitivity for the ranking (issue 4, part b): Morris elementary effects over the
 * constants' uncertainty ranges (modelSensitivity, on worker threads when asked), and the
 * elasticity (dJ/J)/(dp/p) at the model's values (§4.3(c): "small change → big effect" is
 * then visible apart from the total effect over a range). A model without any uncertainty
 * ranges (typical of XMILE and Vensim files) gets every non-zero constant over ±50 % of its
 * value, and the ranking says that the range is assumed.
 */
import { canonicalName } from '../../core/names.js';
import type { Diagnostic } from '../../core/diagnostics.js';
import type { Constant, Model } from '../../model/types.js';
import type { SimulateOptions } from '../../sim/simulate.js';
import type { MetricOutput } from '../parallel/model-function.js';
import { evaluateRows, type WorkerCount } from '../parallel/pool.js';
import type { Executor } from '../parallel/executor.js';
import { modelSensitivity, type MorrisIndex, type ParamRange } from '../sensitivity/index.js';

export interface ParameterOptions {
  readonly metric: Omit<MetricOutput, 'kind'>;
  readonly simulate?: SimulateOptions;
  readonly seed: number;
  /** Morris trajectories (runs r(k+1)); default 10. */
  readonly trajectories?: number;
  readonly workers?: WorkerCount;
  /** Runs the Morris design on this executor (e.g. a job queue) instead of this machine's threads. */
  readonly executor?: Executor;
}

export interface ParameterSensitivity {
  readonly name: string;
  readonly value: number;
  readonly range: { readonly lo: number; readonly hi: number; readonly assumed: boolean };
  readonly mu: number;
  readonly muStar: number;
  readonly sigma: number;
  readonly elasticity: number | null;
}

export interface ParameterResult {
  readonly parameters: ParameterSensitivity[];
  readonly runs: number;
  readonly diagnostics: Diagnostic[];
}

const STEP = 0.01;

export async function parameterSensitivity(model: Model, o: ParameterOptions): Promise<ParameterResult> {
  const fixed = new Set(Object.keys(o.simulate?.overrides ?? {}).map(canonicalName));
  const constants = model.variables.filter((v): v is Constant => v.kind === 'constant' && !fixed.has(v.id));
  const ranged = constants.filter((c) => c.uncertainty);
  const assumed = !ranged.length;
  const params: ParamRange[] = assumed
    ? constants.filter((c) => Number.isFinite(c.value) && c.value !== 0).map((c) => ({ name: c.name, lo: Math.min(0.5 * c.value, 1.5 * c.value), hi: Math.max(0.5 * c.value, 1.5 * c.value) }))
    : ranged.map((c) => ({ name: c.name }));
  if (!params.length) return { parameters: [], runs: 0, diagnostics: [] };
  const morris = await modelSensitivity(model, { method: 'morris', samples: o.trajectories ?? 10, seed: o.seed, metric: o.metric, simulate: o.simulate, workers: o.workers, executor: o.executor, params });
  if (!morris.result) return { parameters: [], runs: 0, diagnostics: morris.diagnostics };
  const byName = new Map(constants.map((c) => [c.name, c]));
  const values = params.map((p) => byName.get(p.name)!.value);
  const elasticity = await elasticities(model, params.map((p) => p.name), values, o);
  const parameters = morris.result.factors.map((f, j): ParameterSensitivity => {
    const index = morris.result!.indices[f.name] as MorrisIndex;
    return {
      name: f.name, value: values[j], range: { lo: f.lo, hi: f.hi, assumed },
      mu: index.mu, muStar: index.mu_star, sigma: index.sigma, elasticity: elasticity[j],
    };
  });
  parameters.sort((a, b) => b.muStar - a.muStar);
  return { parameters, runs: morris.result.runs + 2 * values.length + 1, diagnostics: morris.diagnostics };
}

/** Central-difference elasticities at the model's values (null where the value or the outcome is 0). */
async function elasticities(model: Model, names: readonly string[], values: readonly number[], o: ParameterOptions): Promise<(number | null)[]> {
  const rows: number[][] = [[...values]];
  values.forEach((v, j) => {
    for (const sign of [1, -1]) { const row = [...values]; row[j] = v * (1 + sign * STEP); rows.push(row); }
  });
  const spec = { model, params: names, output: { kind: 'metric' as const, ...o.metric }, simulate: o.simulate };
  const out = await evaluateRows(spec, rows, { workers: 1 }); // 2k + 1 runs: not worth a thread
  const j0 = out.values[0];
  return values.map((v, j) => {
    const up = out.values[1 + 2 * j];
    const down = out.values[2 + 2 * j];
    const e = (up - down) / (2 * STEP * j0);
    return v === 0 || j0 === 0 || !Number.isFinite(e) ? null : e;
  });
}
