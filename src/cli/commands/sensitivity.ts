/**
 * `stockflow sensitivity MODEL`: which parameters move an outcome. One-at-a-time sweeps,
 * Morris elementary effects or Sobol' indices (references/analysis-methods.md §3) over the
 * ranges given by --param (default: every constant's uncertainty range), with runs spread
 * over worker threads, or with --queue over `stockflow worker` processes through Redis; with
 * --ensemble FILE, first-order shares over an ensemble's members as given (a posterior).
 * Seeded: the same seed gives the same bytes whatever --workers or the workers.
 */
import { tableWidth, wideOption, type WideArgs } from '../width.js';
import type { Argv, CommandModule } from 'yargs';
import { canonicalName } from '../../core/names.js';
import { ModelError } from '../../core/diagnostics.js';
import type { Aggregate, Model } from '../../model/types.js';
import { readModelFile } from '../../io/load.js';
import { formatSensitivity, methodNames, modelSensitivity, sensitivityJson, type ParamRange } from '../../analysis/sensitivity/index.js';
import type { MetricOutput } from '../../analysis/parallel/model-function.js';
import type { WorkerCount } from '../../analysis/parallel/pool.js';
import { CliExit, emit, EXIT_MODEL, failOnErrors, modelLacks, usageError } from '../output.js';
import { simOptions, toReadOptions, toSimulateOptions, type SimArgs, checkRunCounts } from '../options.js';
import { queueOptions, withQueue, type QueueArgs } from '../queue/options.js';
import { ensembleOption, readEnsembleArg } from '../ensemble.js';
import { progressBar } from '../progress.js';
import { outputOption } from '../output-option.js';

interface SensitivityArgs extends SimArgs, QueueArgs, WideArgs {
  model: string;
  /** The sensitivity design; the integration method is --method, as in every command. */
  design?: string;
  ensemble?: string;
  /** Deprecated spelling of --method. */
  integrator?: string;
  param?: string[];
  metric?: string;
  samples?: number;
  levels: number;
  resamples: number;
  confidence: number;
  seed: number;
  json?: string;
  workers?: number;
}

const AGGREGATES: readonly Aggregate[] = ['final', 'initial', 'max', 'min', 'mean', 'integral', 'time_of_max', 'time_of_min',
  'first_time_above', 'first_time_below', 'last_time_above', 'last_time_below'];

export const sensitivityCommand: CommandModule<object, SensitivityArgs> = {
  builder: (y: Argv) => (wideOption(ensembleOption(queueOptions(simOptions(outputOption(y, ['json']))))
    .positional('model', { type: 'string', demandOption: true, describe: 'model file' })
    .option('design', { type: 'string', choices: [...methodNames(), 'given-data'], describe: 'oat = one at a time, morris = elementary effects (default), sobol = variance shares; given-data = shares over the members of --ensemble FILE' })
    .option('integrator', { type: 'string', deprecated: 'use --method', describe: 'old name of --method (the integration method)' })
    .option('param', { type: 'string', array: true, describe: "NAME=LO:HI to vary (repeatable); NAME alone uses the constant's uncertainty range; default: every uncertain constant" })
    .option('metric', { type: 'string', describe: "VAR[:final|max|min|mean|integral|…][@THRESHOLD], or a metric name from the model (default: the model's first metric)" })
    .option('samples', { type: 'number', describe: 'sobol: base samples N, runs N(k+2) (default 512); morris: trajectories r, runs r(k+1) (default 10); oat: levels (default 5); given-data: bins (default √members)' })
    .option('levels', { type: 'number', default: 4, describe: 'Morris grid levels p (even)' })
    .option('resamples', { type: 'number', default: 100, describe: 'bootstrap resamples for the confidence intervals' })
    .option('confidence', { type: 'number', default: 0.95, describe: 'confidence level of the intervals' })
    .option('seed', { type: 'number', default: 1, describe: 'seed of the sampling and the bootstrap' })
    .option('json', { type: 'string', describe: 'write { method, metric, indices, … } as JSON to this file (- for stdout)' })
    .option('workers', { type: 'number', describe: 'threads that compute, the main one included (default: one per core when the runs take more than a few seconds); results do not depend on it' })
    .epilog('Ranges are sampled uniformly, or with the constant\'s uncertainty distribution when the range comes from the model.')
    .example('$0 sensitivity models/teacup.yaml', 'Morris screening of every uncertain constant')
    .example('$0 sensitivity models/kinesis-outage.yaml --design sobol --samples 1024 --method rk4', "Sobol' indices, integrated with RK4")) ) as unknown as Argv<SensitivityArgs>,
  handler: async (args) => {
    checkCommon(args);
    checkRunCounts(args, { samples: args.samples, resamples: args.resamples });
    if (!(args.confidence > 0 && args.confidence < 1)) throw usageError(`--confidence expects a number between 0 and 1 (got ${args.confidence})`);
    if (!Number.isInteger(args.resamples) || args.resamples < 0) throw usageError(`--resamples expects a whole number ≥ 0 (got ${args.resamples})`);
    if (args.samples !== undefined && (!Number.isInteger(args.samples) || args.samples < 1)) throw usageError(`--samples expects a positive whole number (got ${args.samples})`);
    const integrator = integratorArg(args);
    if (args.ensemble !== undefined && args.design !== undefined && args.design !== 'given-data') throw usageError(`--ensemble runs the ensemble's members as given (design given-data); --design ${args.design} makes its own design over ranges: give one`);
    if (args.ensemble !== undefined && args.param?.length) throw usageError('--ensemble sets the constants that vary; drop --param');
    if (args.ensemble === undefined && args.design === 'given-data') throw usageError('--design given-data needs --ensemble FILE (the members to run)');
    const simulate = toSimulateOptions({ ...args, method: integrator });
    const params = parseParams(args.param);
    checkNoClash(params, simulate.overrides ?? {});
    const loaded = readModelFile(args.model, toReadOptions({ ...args, method: integrator }));
    failOnErrors(loaded.diagnostics);
    const model = loaded.model!;
    const metric = parseMetric(model, args.metric);
    const ensemble = readEnsembleArg(args.ensemble, model);
    const method = ensemble ? 'given-data' : args.design ?? 'morris';
    const progress = progressBar('runs');
    try {
      const out = await withQueue(args, async (executor) => {
        const r = await modelSensitivity(model, {
          method, ensemble, samples: args.samples, seed: args.seed, levels: args.levels, resamples: args.resamples, confidence: args.confidence,
          params, metric, simulate, workers: workerCount(args.workers), executor, onProgress: progress.update,
        });
        progress.stop();
        return r;
      });
      failOnErrors(out.diagnostics);
      const result = out.result!;
      if (args.json !== '-') emit(formatSensitivity(result, model.name, tableWidth(args)));
      if (args.json) emit(sensitivityJson(result), args.json);
    } catch (e) {
      progress.stop();
      if (e instanceof ModelError) throw new CliExit(EXIT_MODEL, e.diagnostics);
      throw e;
    }
  },
};

/**
 * The integrator: --method as in every command. --integrator (its name here before the
 * analysis moved to --design) still works with a warning; a design name given to --method
 * is the old spelling of --design, and the error says so.
 */
function integratorArg(args: SensitivityArgs): string | undefined {
  const designs = [...methodNames(), 'given-data'];
  if (args.method !== undefined && designs.includes(args.method)) throw usageError(`--method is the integration method (euler, rk4, …); the sensitivity design is --design ${args.method}`);
  if (args.integrator === undefined) return args.method;
  if (args.method !== undefined) throw usageError('--integrator is the old name of --method: give only --method');
  process.stderr.write('stockflow: --integrator is deprecated; use --method (the integration method, as in every command)\n');
  return args.integrator;
}

/** Options both sensitivity and calibrate share. */
export function checkCommon(args: { seed: number; workers?: number }): void {
  if (!Number.isInteger(args.seed) || args.seed < 0) throw usageError(`--seed expects a non-negative whole number (got ${args.seed})`);
  if (args.workers !== undefined && (!Number.isInteger(args.workers) || args.workers < 1)) throw usageError(`--workers expects a positive whole number (got ${args.workers})`);
}

/** --workers N, or 'auto' without it: one per core when the work is worth starting them. */
export function workerCount(requested?: number): WorkerCount {
  return requested ?? 'auto';
}

/** `NAME=LO:HI` or `NAME` (range from the model). */
export function parseParams(specs: readonly string[] = []): ParamRange[] {
  return specs.map((s) => {
    const eq = s.lastIndexOf('=');
    if (eq < 0) {
      if (!s.trim()) throw usageError('--param needs a name');
      return { name: s.trim() };
    }
    const name = s.slice(0, eq).trim();
    const m = /^\s*([^:]+):([^:]+)\s*$/.exec(s.slice(eq + 1));
    const lo = m ? Number(m[1]) : NaN;
    const hi = m ? Number(m[2]) : NaN;
    if (!name || !Number.isFinite(lo) || !Number.isFinite(hi)) throw usageError(`--param expects NAME=LO:HI with numbers, got '${s}'`);
    if (!(hi > lo)) throw usageError(`--param ${name}: the range ${lo}:${hi} is empty (write LO:HI with LO < HI)`);
    return { name, lo, hi };
  });
}

/** A parameter cannot also be fixed with --set. */
export function checkNoClash(params: readonly ParamRange[], overrides: Readonly<Record<string, number>>): void {
  const fixed = new Set(Object.keys(overrides).map(canonicalName));
  const both = params.filter((p) => fixed.has(canonicalName(p.name)));
  if (both.length) throw usageError(`'${both[0].name}' is both varied (--param) and fixed (--set)`);
  const seen = new Set<string>();
  for (const p of params) {
    if (seen.has(canonicalName(p.name))) throw usageError(`--param '${p.name}' is given twice`);
    seen.add(canonicalName(p.name));
  }
}

export function parseMetric(model: Model, text?: string): Omit<MetricOutput, 'kind'> {
  const metrics = model.metrics ?? [];
  if (text === undefined) {
    if (!metrics.length) throw modelLacks(model.file, 'no-metrics', 'the model defines no metrics to measure', 'give --metric VAR[:final|max|min|mean|integral], or add a metrics: section (docs/model-format.md)');
    const m = metrics[0];
    return { variable: m.variable, aggregate: m.aggregate, threshold: m.threshold };
  }
  const named = metrics.find((m) => canonicalName(m.name) === canonicalName(text));
  if (named) return { variable: named.variable, aggregate: named.aggregate, threshold: named.threshold };
  const at = /^(.*?)(?:@([^@:]+))?$/.exec(text)!;
  const colon = at[1].lastIndexOf(':');
  const suffix = colon < 0 ? '' : at[1].slice(colon + 1).trim();
  const aggregate = (AGGREGATES as readonly string[]).includes(suffix) ? suffix as Aggregate : undefined;
  if (colon >= 0 && !aggregate) throw usageError(`--metric: unknown aggregate '${suffix}' (use one of ${AGGREGATES.join(', ')})`);
  const variable = (aggregate ? at[1].slice(0, colon) : at[1]).trim();
  const threshold = at[2] === undefined ? undefined : Number(at[2]);
  if (!variable) throw usageError('--metric needs a variable name');
  if (threshold !== undefined && !Number.isFinite(threshold)) throw usageError(`--metric: the threshold '${at[2]}' is not a number`);
  return { variable, aggregate: aggregate ?? 'final', ...(threshold === undefined ? {} : { threshold }) };
}
