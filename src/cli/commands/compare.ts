/**
 * `stockflow compare MODEL`: run the baseline and the model's interventions (scenarios),
 * print a table ranked by effect, and optionally write JSON/CSV. With `--uncertainty N`,
 * also run an N-draw Latin-hypercube ensemble over the constants' uncertainty ranges
 * (reproducible for a given `--seed`); with `--ensemble FILE`, over the members of a posterior.
 */
import { tableWidth, wideOption, type WideArgs } from '../width.js';
import type { Argv, CommandModule } from 'yargs';
import { splitNames } from '../../io/csv.js';
import { readModelFile } from '../../io/load.js';
import { ModelError, type Diagnostic } from '../../core/diagnostics.js';
import { selectVariants } from '../../scenarios/index.js';
import { addSection, compareVariants, kindOf, selectMetrics } from '../../analysis/compare.js';
import type { ScenarioKind } from '../../model/types.js';
import { runEnsemble, runEnsembleOn } from '../../analysis/ensemble.js';
import { comparisonCsv, comparisonJson, formatComparison, formatEnsemble } from '../../analysis/report.js';
import { CliExit, modelLacks, emit, EXIT_MODEL, failOnErrors, printDiagnostics, usageError } from '../output.js';
import { simOptions, toSimulateOptions, type SimArgs, toReadOptions, checkRunCounts, scenarioOption, scenarioList, type ScenarioArgs } from '../options.js';
import { queueOptions, withQueue, type QueueArgs } from '../queue/options.js';
import { progressBar } from '../progress.js';
import { ensembleOption, readEnsembleArg } from '../ensemble.js';
import { outputOption } from '../output-option.js';

interface CompareArgs extends SimArgs, QueueArgs, ScenarioArgs, WideArgs {
  model: string;
  metrics?: string;
  json?: string;
  csv?: string;
  uncertainty?: number;
  seed: number;
  ensemble?: string;
}

export const compareCommand: CommandModule<object, CompareArgs> = {
  builder: (y: Argv) => (wideOption(scenarioOption(ensembleOption(queueOptions(simOptions(outputOption(y, ['csv', 'json'])))), "comma-separated scenario ids, or 'all' (default)")
    .positional('model', { type: 'string', demandOption: true, describe: 'model file with scenarios: and metrics:' })
    .option('metrics', { type: 'string', describe: 'comma-separated metric names (default: all; the first ranks)' })
    .option('json', { type: 'string', describe: 'write the comparison as JSON to this file (- for stdout)' })
    .option('csv', { type: 'string', describe: 'write the comparison as CSV to this file (- for stdout)' })
    .option('uncertainty', { type: 'number', describe: 'also run N Latin-hypercube draws over the uncertainty ranges' })
    .option('seed', { type: 'number', default: 1, describe: 'seed of the uncertainty ensemble' })
    .example('$0 compare models/kinesis-outage.yaml', 'rank the remediations on every metric')
    .example('$0 compare models/kinesis-outage.yaml --scenario cellular-frontend,larger-servers --uncertainty 200', 'two of them under 200 uncertainty draws, with P(best)')) ) as unknown as Argv<CompareArgs>,
  handler: async (args) => {
    const draws = checkArgs(args);
    const options = toSimulateOptions(args);
    const loaded = readModelFile(args.model, toReadOptions(args));
    failOnErrors(loaded.diagnostics);
    const model = loaded.model!;
    const members = readEnsembleArg(args.ensemble, model);
    const ids = scenarioList(args.scenario, 'all');
    const picked = selectVariants(model, ids);
    const chosen = selectMetrics(model, args.metrics === undefined ? undefined : splitNames(args.metrics));
    const diagnostics: Diagnostic[] = [...picked.diagnostics, ...chosen.diagnostics];
    const variants = picked.variants;
    if (!variants.length && !diagnostics.length) throw modelLacks(model.file, 'no-scenarios', 'the model defines no scenarios to compare', addSection(model, 'scenarios'));
    failOnErrors(diagnostics);
    try {
      const comparison = compareVariants(model, variants, chosen.metrics, options);
      printDiagnostics(comparison.warnings);
      const ensembleOptions = { draws: members?.rows.length ?? draws ?? 0, members, seed: args.seed, metrics: chosen.metrics, simulate: options };
      const progress = progressBar(args.queue === undefined ? 'runs' : 'batches');
      // Remediations and counterfactuals are separate ensembles: P(best) only among their own kind.
      const ensembleOf = async (kind: ScenarioKind) => {
        const group = variants.filter((v) => kindOf(v.scenario) === kind);
        if ((draws === undefined && !members) || !group.length) return undefined;
        const onProgress = (done: number, total: number) => progress.update(done, total, `${kind}s`);
        return withQueue(args, async (executor) => (executor?.runUnits
          ? runEnsembleOn({ ...executor, runUnits: executor.runUnits }, model, group, { ...ensembleOptions, onProgress })
          : runEnsemble(model, group, { ...ensembleOptions, onProgress })));
      };
      const remedies = await ensembleOf('remediation');
      const whatIfs = await ensembleOf('counterfactual');
      progress.stop();
      const ensemble = remedies && whatIfs ? { ...remedies, scenarios: [...remedies.scenarios, ...whatIfs.scenarios] } : remedies ?? whatIfs;
      const toStdout = args.json === '-' || args.csv === '-';
      const axis = comparison.time;
      if (!toStdout) {
        emit(formatComparison(comparison, chosen.metrics, model.name, axis, tableWidth(args)));
        if (remedies) emit(`
${formatEnsemble(remedies, chosen.metrics, axis, undefined, tableWidth(args))}`);
        if (whatIfs) emit(`
${formatEnsemble(whatIfs, chosen.metrics, axis, 'counterfactuals, ranked among themselves', tableWidth(args))}`);
      }
      if (args.json) emit(comparisonJson(comparison, ensemble), args.json);
      if (args.csv) emit(comparisonCsv(comparison, chosen.metrics, ensemble), args.csv);
    } catch (e) {
      if (e instanceof ModelError) throw new CliExit(EXIT_MODEL, e.diagnostics);
      throw e;
    }
  },
};

function checkArgs(args: CompareArgs): number | undefined {
  if (args.json === '-' && args.csv === '-') throw usageError('--json - and --csv - cannot both write to stdout');
  if (!Number.isInteger(args.seed) || args.seed < 0) throw usageError(`--seed expects a non-negative integer (got ${args.seed})`);
  if (args.uncertainty === undefined && args.ensemble === undefined && args.queue !== undefined) throw usageError('--queue runs the --uncertainty ensemble: give --uncertainty N (or --ensemble FILE) too');
  if (args.uncertainty !== undefined && args.ensemble !== undefined) throw usageError('--uncertainty N (prior draws) and --ensemble FILE (given members) are two ensembles: give one');
  if (args.uncertainty === undefined) return undefined;
  checkRunCounts(args, { uncertainty: args.uncertainty });
  if (!Number.isInteger(args.uncertainty) || args.uncertainty < 1) throw usageError(`--uncertainty expects a positive number of draws (got ${args.uncertainty})`);
  return args.uncertainty;
}
