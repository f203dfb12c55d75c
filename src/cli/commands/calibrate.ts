/**
 * `stockflow calibrate MODEL --data FILE`: fit parameters (--param NAME=LO:HI, default every
 * uncertain constant) to reference series or event times by weighted squared error, with
 * bounded Nelder–Mead from the model's own values and --starts Latin-hypercube points
 * (seeded), the starts spread over worker threads. With `--posterior N --out FILE`, draw the
 * posterior ensemble instead (posterior.ts).
 */
import { tableWidth, wideOption, type WideArgs } from '../width.js';
import type { Argv, CommandModule } from 'yargs';
import { ModelError } from '../../core/diagnostics.js';
import { readModelFile } from '../../io/load.js';
import { readDataFile } from '../../io/data.js';
import { readModelReference } from '../../io/reference.js';
import { calibrate, calibrationJson, formatCalibration } from '../../analysis/calibrate/index.js';
import { CliExit, emit, EXIT_MODEL, failOnErrors, modelLacks, usageError } from '../output.js';
import { simOptions, toReadOptions, toSimulateOptions, type SimArgs, checkRunCounts } from '../options.js';
import { queueOptions, withQueue, type QueueArgs } from '../queue/options.js';
import { checkCommon, checkNoClash, parseParams, workerCount } from './sensitivity.js';
import { progressBar } from '../progress.js';
import { checkPosteriorArgs, runPosterior, type PosteriorArgs } from './posterior.js';
import { outputOption } from '../output-option.js';

interface CalibrateArgs extends SimArgs, QueueArgs, PosteriorArgs, WideArgs {
  model: string;
  data?: string;
  param?: string[];
  seed: number;
  starts: number;
  'max-evaluations'?: number;
  json?: string;
  workers?: number;
}

const DATA_HELP = `Data files (CSV or TSV; # starts a comment):
  series:  time,<variable>,<variable>…   one row per time, empty cell = missing;
           an optional row "weight,<w>,<w>…" weights the columns
           an optional row "sigma,<σ>,…" gives each column's measurement error (for --posterior)
  events:  event,variable,aggregate,threshold,time,tolerance,weight
           aggregate: first_time_above|first_time_below|last_time_above|last_time_below|time_of_max|time_of_min
           tolerance: standard deviation of the dating error (for --posterior)
Times are in the model's time unit; H:MM is read as hours. Objective J: per series the mean squared
error divided by the variance of its data, per event the squared time error, times the weights.
--posterior N: DREAM(ZS) MCMC from the constants' uncertainty ranges (the prior) with a Gaussian
likelihood (tolerance/sigma as sd); see docs/calibration.md.`;

export const calibrateCommand: CommandModule<object, CalibrateArgs> = {
  builder: (y: Argv) => (wideOption(queueOptions(simOptions(outputOption(y, ['json'])))
    .positional('model', { type: 'string', demandOption: true, describe: 'model file' })
    .option('data', { type: 'string', describe: "reference data: a series or events CSV (see below); default: the model's reference files" })
    .option('param', { type: 'string', array: true, describe: "NAME=LO:HI to fit (repeatable); NAME alone uses the constant's uncertainty range; default: every uncertain constant" })
    .option('seed', { type: 'number', default: 1, describe: 'seed of the Latin-hypercube starts' })
    .option('starts', { type: 'number', default: 8, describe: "Latin-hypercube starts, besides the model's own values" })
    .option('max-evaluations', { type: 'number', describe: 'run budget per start (default 300 per parameter)' })
    .option('json', { type: 'string', describe: 'write the fit as JSON to this file (- for stdout)' })
    .option('posterior', { type: 'number', describe: 'draw N members of the posterior (MCMC) instead of fitting one point; needs --out' })
    .option('out', { type: 'string', describe: 'with --posterior: the ensemble file to write (JSON; read by --ensemble)' })
    .option('chains', { type: 'number', describe: 'with --posterior: parallel chains (default 4, at least 4; few long chains converge sooner than many short ones)' })
    .option('generations', { type: 'number', describe: 'with --posterior: generations per chain (default 1000); runs = chains × (generations + 1)' })
    .option('burn-in', { type: 'number', describe: 'with --posterior: generations discarded (default half)' })
    .option('workers', { type: 'number', describe: 'threads that compute, the main one included (default: one per core when the fit takes more than a few seconds); results do not depend on it' })
    .epilog(DATA_HELP)
    .example('$0 calibrate models/kinesis-outage.yaml --json fit.json', 'fit the uncertain constants to the published timeline the model names')
    .example('$0 calibrate models/kinesis-outage.yaml --posterior 2000 --out posterior.json', 'draw a posterior ensemble for --ensemble')) ) as unknown as Argv<CalibrateArgs>,
  handler: async (args) => {
    checkCommon(args);
    checkPosteriorArgs(args);
    if (!Number.isInteger(args.starts) || args.starts < 0) throw usageError(`--starts expects a whole number ≥ 0 (got ${args.starts})`);
    const budget = args['max-evaluations'];
    checkRunCounts(args, { starts: args.starts, 'max-evaluations': budget });
    if (budget !== undefined && (!Number.isInteger(budget) || budget < 1)) throw usageError(`--max-evaluations expects a positive whole number (got ${budget})`);
    const simulate = toSimulateOptions(args);
    const params = parseParams(args.param);
    checkNoClash(params, simulate.overrides ?? {});
    const loaded = readModelFile(args.model, toReadOptions(args));
    failOnErrors(loaded.diagnostics);
    const model = loaded.model!;
    const data = args.data ? readDataFile(args.data) : readModelReference(model, toReadOptions(args));
    failOnErrors(data.diagnostics);
    if (!data.data) throw modelLacks(model.file, 'no-reference-data', 'the model declares no reference data to fit', 'give --data FILE (a series or events CSV), or name one in the model (docs/calibration.md)');
    if (args.posterior !== undefined) {
      try {
        await runPosterior(args, model, data.data, params, simulate);
      } catch (e) {
        if (e instanceof ModelError) throw new CliExit(EXIT_MODEL, e.diagnostics);
        throw e;
      }
      return;
    }
    const progress = progressBar('starts');
    try {
      const out = await withQueue(args, async (executor) => {
        const r = await calibrate(model, {
          params, data: data.data!, seed: args.seed, starts: args.starts, maxEvaluations: budget, simulate,
          workers: workerCount(args.workers), executor, onProgress: progress.update,
        });
        progress.stop();
        return r;
      });
      failOnErrors(out.diagnostics);
      const result = out.result!;
      if (args.json !== '-') emit(formatCalibration(result, model.name, tableWidth(args)));
      if (args.json) emit(calibrationJson(result), args.json);
    } catch (e) {
      progress.stop();
      if (e instanceof ModelError) throw new CliExit(EXIT_MODEL, e.diagnostics);
      throw e;
    }
  },
};
