/**
 * `stockflow rank MODEL`: where to intervene. Ranks the model's interventions by their effect
 * on an outcome across the uncertainty ensemble (paired Latin-hypercube draws), beside each
 * one's Meadows level; screens the uncertain constants (Morris) and classifies each to a
 * Meadows level from the model structure; and names the feedback loops that dominate the
 * outcome and the interventions that act on them. The default view is the Pareto frontier on
 * (robust effect, depth); `--weight-depth BETA` orders by a depth-weighted score instead,
 * which the output labels as a value judgement.
 */
import { tableWidth, wideOption, type WideArgs } from '../width.js';
import type { Argv, CommandModule } from 'yargs';
import { canonicalName } from '../../core/names.js';
import { ModelError } from '../../core/diagnostics.js';
import { readModelFile } from '../../io/load.js';
import type { Model } from '../../model/types.js';
import { formatRanking, rankingJson, rankLeverage, DEFAULT_DRAWS, type MetricChoice } from '../../analysis/leverage/index.js';
import { CliExit, emit, EXIT_MODEL, failOnErrors, usageError } from '../output.js';
import { simOptions, toSimulateOptions, type SimArgs, toReadOptions, checkRunCounts, scenarioOption, scenarioList, type ScenarioArgs } from '../options.js';
import { queueOptions, withQueue, type QueueArgs } from '../queue/options.js';
import { ensembleOption, readEnsembleArg } from '../ensemble.js';
import { checkCommon, parseMetric, workerCount } from './sensitivity.js';
import { progressBar } from '../progress.js';
import { outputOption } from '../output-option.js';

interface RankArgs extends SimArgs, QueueArgs, ScenarioArgs, WideArgs {
  model: string;
  json?: string;
  uncertainty: number;
  seed: number;
  metric?: string;
  workers?: number;
  loops: boolean;
  sensitivity: boolean;
  trajectories: number;
  view: string;
  'weight-depth'?: number;
  band: number;
  ensemble?: string;
}

export const rankCommand: CommandModule<object, RankArgs> = {
  builder: (y: Argv) => (wideOption(scenarioOption(ensembleOption(queueOptions(simOptions(outputOption(y, ['json'])))), "comma-separated scenario ids, or 'all' (default)")
    .positional('model', { type: 'string', demandOption: true, describe: 'model file (scenarios: and metrics: for the intervention ranking)' })
    .option('json', { type: 'string', describe: 'write the ranking as JSON to this file (- for stdout)' })
    .option('uncertainty', { type: 'number', default: DEFAULT_DRAWS, describe: 'Latin-hypercube draws over the constants\' uncertainty ranges (not used with --ensemble)' })
    .option('seed', { type: 'number', default: 1, describe: 'seed of the draws and of the Morris design' })
    .option('metric', { type: 'string', describe: "outcome that ranks: a metric name (default: the model's first metric), or VAR[:aggregate][@THRESHOLD]" })
    .option('workers', { type: 'number', describe: 'threads that compute, the main one included (default: one per core when the runs take more than a second or so); results do not depend on it' })
    .option('loops', { type: 'boolean', default: true, describe: 'analyse feedback loops (--no-loops to skip; rule D then stays unevaluated)' })
    .option('sensitivity', { type: 'boolean', default: true, describe: 'screen the uncertain constants with Morris (--no-sensitivity to skip)' })
    .option('trajectories', { type: 'number', default: 10, describe: 'Morris trajectories (runs: trajectories × (constants + 1))' })
    .option('view', { type: 'string', default: 'pareto', choices: ['pareto', 'lexicographic'], describe: 'order of the interventions: by robust effect with the Pareto frontier marked, or epsilon-lexicographic' })
    .option('weight-depth', { type: 'number', describe: 'order by robust effect × (1 + BETA × depth) instead: a value judgement in favour of deep leverage (opt-in; 0.5 is the usual choice)' })
    .option('band', { type: 'number', default: 0.1, describe: 'band width of the lexicographic view, as a fraction (0.1 = 10 percentage points)' })
    .epilog('Effects are paired relative effects e = improvement / baseline per draw; the robust effect is their P10.')
    .example('$0 rank models/kinesis-outage.yaml --uncertainty 100', 'interventions, constants and loops as leverage points')) ) as unknown as Argv<RankArgs>,
  handler: async (args) => {
    checkArgs(args);
    const simulate = toSimulateOptions(args);
    const loaded = readModelFile(args.model, toReadOptions(args));
    failOnErrors(loaded.diagnostics);
    const model = loaded.model!;
    const members = readEnsembleArg(args.ensemble, model);
    const progress = progressBar('models');
    try {
      const r = await withQueue(args, async (executor) => {
        const ranked = await rankLeverage(model, {
          metric: metricChoice(model, args.metric), scenarios: scenarioList(args.scenario, 'all'),
          draws: args.uncertainty, members, seed: args.seed, workers: workerCount(args.workers), executor, loops: args.loops, sensitivity: args.sensitivity,
          trajectories: args.trajectories, view: args.view as 'pareto' | 'lexicographic', beta: args['weight-depth'], band: args.band, simulate,
          onProgress: progress.update,
        });
        progress.stop();
        return ranked;
      });
      failOnErrors(r.diagnostics);
      if (args.json !== '-') emit(formatRanking(r.ranking!, { lineWidth: tableWidth(args) }));
      if (args.json) emit(rankingJson(r.ranking!), args.json);
    } catch (e) {
      progress.stop();
      if (e instanceof ModelError) throw new CliExit(EXIT_MODEL, e.diagnostics);
      throw e;
    }
  },
};

function checkArgs(args: RankArgs): void {
  checkCommon(args);
  checkRunCounts(args, { uncertainty: args.uncertainty, trajectories: args.trajectories });
  if (!Number.isInteger(args.uncertainty) || args.uncertainty < 1) throw usageError(`--uncertainty expects a positive whole number of draws (got ${args.uncertainty})`);
  if (!Number.isInteger(args.trajectories) || args.trajectories < 2) throw usageError(`--trajectories expects a whole number of at least 2 (got ${args.trajectories})`);
  const beta = args['weight-depth'];
  if (beta !== undefined && !(Number.isFinite(beta) && beta >= 0)) throw usageError(`--weight-depth expects a number ≥ 0 (got ${beta})`);
  if (beta !== undefined && args.view !== 'pareto') throw usageError('--weight-depth and --view lexicographic are two different orders: give one');
  if (!(args.band > 0 && args.band <= 1)) throw usageError(`--band expects a fraction between 0 and 1 (got ${args.band})`);
  if (args.json === '') throw usageError('--json needs a file name, or - for stdout');
}

/** A metric of the model by name, else VAR[:aggregate][@THRESHOLD]. */
function metricChoice(model: Model, text?: string): MetricChoice | undefined {
  if (text === undefined) return undefined;
  const isMetric = (model.metrics ?? []).some((m) => canonicalName(m.name) === canonicalName(text));
  const isVariable = model.variables.some((v) => v.id === canonicalName(text));
  // a plain name that is no variable is taken for a metric name, so a typo gets a did-you-mean
  if (isMetric || (!/[:@]/.test(text) && !isVariable && model.metrics?.length)) return { kind: 'named', name: text };
  const out = parseMetric(model, text);
  return { kind: 'output', variable: out.variable, aggregate: out.aggregate, threshold: out.threshold };
}
