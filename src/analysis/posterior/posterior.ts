/**
 * Bayesian calibration: the uncertain constants drawn from their posterior given reference
 * data. The prior is each constant's declared `uncertainty` (uniform, loguniform or
 * triangular over [min, max]), or uniform over a --param range; the likelihood is
 * posterior/likelihood.ts. The sampler (dream.ts) works in the prior's probability space
 * u = F(x) per constant, where every prior is uniform on [0, 1], and maps back through the
 * inverse CDF (sensitivity/factors.ts), so the prior density never appears in the acceptance
 * ratio. Each generation's proposals are one batch for the ensemble executor (parallel/pool.ts).
 *
 * The ensemble is N members thinned evenly from the chains after burn-in, with convergence
 * diagnostics per constant (convergence.ts) and a warning for every threshold missed.
 */
import { error, warning, type Diagnostic } from '../../core/diagnostics.js';
import type { Model } from '../../model/types.js';
import type { SimulateOptions } from '../../sim/simulate.js';
import { chooseWorkers, evaluateRows, type WorkerCount } from '../parallel/pool.js';
import { ThreadPool } from '../parallel/thread-pool.js';
import type { Executor } from '../parallel/executor.js';
import type { ModelFunction } from '../parallel/model-function.js';
import type { ParamRange } from '../sensitivity/model.js';
import { toValueRows, toValues } from '../sensitivity/factors.js';
import type { ReferenceData } from '../calibrate/targets.js';
import { prepareDataFunction } from '../calibrate/data-function.js';
import { ARCHIVE_EVERY, CROSSOVER, JUMP_RATE, sampleDream, type DreamChains } from './dream.js';
import { chainDiagnostics, ESS_PER_CHAIN, RHAT_FAIL, RHAT_GOOD } from './convergence.js';
import { likelihoodProblems } from './likelihood.js';
import { predictiveFit, summarize, type ParameterSummary, type TargetSummary } from './summary.js';

export interface PosteriorOptions {
  /** Constants and ranges; default every constant with an uncertainty range (its prior). */
  readonly params?: readonly ParamRange[];
  readonly data: ReferenceData;
  /** Members of the posterior ensemble. */
  readonly members: number;
  readonly chains?: number;
  readonly generations?: number;
  /** Generations discarded (default half). */
  readonly burnIn?: number;
  readonly seed?: number;
  readonly simulate?: SimulateOptions;
  /** Threads per generation's batch, or 'auto' (default 1). Results do not depend on it. */
  readonly workers?: WorkerCount;
  /** Where each generation's batch runs instead of this machine's threads (e.g. a job queue). */
  readonly executor?: Executor;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SamplerSettings {
  readonly method: 'DREAM(ZS)';
  readonly chains: number;
  readonly generations: number;
  readonly burnIn: number;
  readonly crossover: readonly number[];
  /** Probability of each crossover value after burn-in (adapted during burn-in). */
  readonly crossoverProbabilities: readonly number[];
  readonly jumpRate: number;
  readonly archiveEvery: number;
  readonly evaluations: number;
  readonly acceptance: number;
  readonly outlierResets: number;
  readonly failedRuns: number;
}

export interface Convergence {
  readonly maxRhat: number;
  readonly minEss: number;
  readonly rhatThreshold: number;
  readonly essThreshold: number;
  readonly converged: boolean;
}

export interface Posterior {
  readonly seed: number;
  readonly parameters: ParameterSummary[];
  /** N rows, one value per parameter in `parameters` order. */
  readonly members: number[][];
  readonly sampler: SamplerSettings;
  readonly convergence: Convergence;
  /** Each target's posterior predictive against the observation. */
  readonly fit: TargetSummary[];
}

/** Few, long chains: R-hat needs effective draws per chain (docs/calibration.md). */
export const DEFAULT_CHAINS = 4;
export const DEFAULT_GENERATIONS = 1000;

export async function samplePosterior(model: Model, o: PosteriorOptions): Promise<{ result?: Posterior; diagnostics: Diagnostic[] }> {
  const chains = o.chains ?? DEFAULT_CHAINS;
  const generations = o.generations ?? DEFAULT_GENERATIONS;
  const burnIn = o.burnIn ?? Math.floor(generations / 2);
  const seed = o.seed ?? 1;
  const prepared = prepareDataFunction(model, 'likelihood', {
    params: o.params, data: o.data, simulate: o.simulate,
    before: settingsProblems(o.members, chains, generations, burnIn), after: likelihoodProblems(o.data.targets, o.data.file),
  });
  const { diagnostics } = prepared;
  if (!prepared.fn) return { diagnostics };
  const { fn, spec, factors } = prepared;
  let failedRuns = 0;
  let firstFailure: Diagnostic | undefined;
  // One pool of threads for the whole run: starting threads per generation costs more than a generation.
  const threads = o.executor ? 1 : threadCount(o.workers, fn, toValues(factors.map(() => 0.5), factors), chains * (generations + 1));
  const pool = threads > 1 ? new ThreadPool(spec, threads, fn) : undefined;
  const evaluate = async (unit: readonly (readonly number[])[]) => {
    const r = await evaluateRows(spec, toValueRows(unit, factors), { workers: threads, pool, executor: o.executor, local: fn });
    failedRuns += r.failures;
    firstFailure ??= r.problems[0]?.diagnostic;
    return r.values;
  };
  let run: DreamChains;
  try {
    run = await sampleDream({ dims: factors.length, chains, generations, burnIn, seed, logPrior: () => 0, evaluate, onGeneration: o.onProgress });
  } finally {
    await pool?.close();
  }
  const kept = run.states.map((c) => c.slice(burnIn + 1).map((u) => toValues(u, factors)));
  const members = thin(kept, o.members);
  const parameters = summarize(factors, kept, chainDiagnostics);
  const convergence = judge(parameters, chains);
  diagnostics.push(...convergenceWarnings(parameters, convergence, model.file));
  if (failedRuns) diagnostics.push(warning('runs-failed', `${failedRuns} of ${run.evaluations} runs failed and count as impossible (likelihood 0)${firstFailure ? `; the first: ${firstFailure.message}` : ''}`, { file: model.file }));
  const sampler = settings(run, chains, generations, burnIn, failedRuns);
  return { result: { seed, parameters, members, sampler, convergence, fit: predictiveFit(fn, o.data.targets, members) }, diagnostics };
}

/** Threads for the run: as asked, or with 'auto' one per core when the runs (timed on the prior's median) take more than a few seconds. */
function threadCount(workers: WorkerCount | undefined, fn: ModelFunction, probe: readonly number[], runs: number): number {
  if (workers !== 'auto') return chooseWorkers(workers, 0);
  const started = performance.now();
  for (let i = 0; i < 3; i++) fn.evaluate(probe);
  return chooseWorkers('auto', ((performance.now() - started) / 3) * runs);
}

function settingsProblems(members: number, chains: number, generations: number, burnIn: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bad = (m: string, hint: string) => out.push(error('bad-sampler-settings', m, { field: 'posterior', hint }));
  if (!Number.isInteger(chains) || chains < 4) bad(`chains must be a whole number ≥ 4 (got ${chains})`, 'the outlier test and R-hat need at least 4 chains');
  if (!Number.isInteger(generations) || generations < 20) bad(`generations must be a whole number ≥ 20 (got ${generations})`, 'use a few hundred or more');
  if (!Number.isInteger(burnIn) || burnIn < 0 || burnIn > generations - 10) bad(`burn-in must be a whole number from 0 to generations − 10 (got ${burnIn})`, 'the default is half the generations');
  const kept = chains * (generations - burnIn);
  if (!Number.isInteger(members) || members < 1) bad(`the posterior needs a whole number of members ≥ 1 (got ${members})`, 'e.g. --posterior 200');
  else if (out.length === 0 && members > kept) bad(`${members} members but only ${kept} draws after burn-in`, `raise --generations to at least ${burnIn + Math.ceil(members / chains)} or lower --posterior`);
  return out;
}

/** N draws evenly spaced through the kept draws, generation by generation, chain by chain. */
function thin(kept: readonly (readonly number[][])[], n: number): number[][] {
  const pool: number[][] = [];
  for (let g = 0; g < kept[0].length; g++) for (const c of kept) pool.push(c[g]);
  return Array.from({ length: n }, (_, i) => [...pool[Math.floor(((i + 0.5) * pool.length) / n)]]);
}

function judge(parameters: readonly ParameterSummary[], chains: number): Convergence {
  const maxRhat = Math.max(...parameters.map((p) => p.rhat));
  const minEss = Math.min(...parameters.map((p) => p.ess));
  const essThreshold = ESS_PER_CHAIN * chains;
  return { maxRhat, minEss, rhatThreshold: RHAT_GOOD, essThreshold, converged: maxRhat < RHAT_GOOD && minEss >= essThreshold };
}

function convergenceWarnings(parameters: readonly ParameterSummary[], c: Convergence, file?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const list = (ps: readonly ParameterSummary[], f: (p: ParameterSummary) => string) => ps.slice(0, 5).map(f).join(', ') + (ps.length > 5 ? `, and ${ps.length - 5} more` : '');
  const bad = parameters.filter((p) => !(p.rhat < RHAT_GOOD));
  const failing = bad.filter((p) => !(p.rhat < RHAT_FAIL));
  if (bad.length) {
    out.push(warning('not-converged', `split R-hat ≥ ${RHAT_GOOD} for ${bad.length} of ${parameters.length} constants (${list(bad, (p) => `${p.name} ${p.rhat.toFixed(3)}`)})${failing.length ? `; ${failing.length} above ${RHAT_FAIL}, where the chains plainly disagree` : ''}`, {
      file, hint: 'run more --generations (or more --chains); thresholds: Vehtari et al. 2021 (1.01), Gelman & Rubin 1992 (1.1)',
    }));
  }
  const few = parameters.filter((p) => !(p.ess >= c.essThreshold));
  if (few.length) {
    out.push(warning('low-ess', `effective sample size below ${c.essThreshold} (100 per chain) for ${few.length} of ${parameters.length} constants (${list(few, (p) => `${p.name} ${Math.round(p.ess)}`)})`, {
      file, hint: 'run more --generations; posterior quantiles of those constants are rough (threshold: Vehtari et al. 2021)',
    }));
  }
  return out;
}

function settings(run: DreamChains, chains: number, generations: number, burnIn: number, failedRuns: number): SamplerSettings {
  return {
    method: 'DREAM(ZS)', chains, generations, burnIn, crossover: [...CROSSOVER], crossoverProbabilities: run.crossoverProbabilities, jumpRate: JUMP_RATE, archiveEvery: ARCHIVE_EVERY,
    evaluations: run.evaluations, acceptance: run.accepted / run.proposed, outlierResets: run.outlierResets, failedRuns,
  };
}
