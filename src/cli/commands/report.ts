/**
 * `stockflow report MODEL [--html FILE] [--scenario …] [--uncertainty N]`: one
 * self-contained HTML page (plotly.js inlined, no remote scripts) with the model summary,
 * the stock-and-flow diagram, the baseline run, the intervention comparison, loop dominance
 * and sensitivity — each section when the model has what it needs.
 */
import { basename, extname } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { splitNames } from '../../io/csv.js';
import { readModelFile } from '../../io/load.js';
import { explorerScript, plotlyScript } from '../../io/html.js';
import { ModelError } from '../../core/diagnostics.js';
import { methodNames } from '../../analysis/sensitivity/index.js';
import { buildReport, reportHtml } from '../../plot/index.js';
import { CliExit, defaultOutput, EXIT_MODEL, failOnErrors, printDiagnostics, usageError } from '../output.js';
import { simOptions, toSimulateOptions, type SimArgs, toReadOptions, checkRunCounts, scenarioOption, scenarioList, type ScenarioArgs } from '../options.js';
import { ensembleOption, readEnsembleArg } from '../ensemble.js';
import { knownVariables, write } from './plot.js';
import { simulate } from '../../sim/simulate.js';
import { readModelReference } from '../../io/reference.js';
import { progressBar } from '../progress.js';
import { outputOption } from '../output-option.js';

interface ReportArgs extends SimArgs, ScenarioArgs {
  model: string;
  html?: string;
  uncertainty?: number;
  seed: number;
  vars?: string;
  sensitivity: string;
  samples?: number;
  loops: boolean;
  ensemble?: string;
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  builder: (y: Argv) => (scenarioOption(ensembleOption(simOptions(outputOption(y, ['html']))), "comma-separated scenario ids to compare, or 'all' (default)")
    .positional('model', { type: 'string', demandOption: true, describe: 'model file' })
    .option('html', { type: 'string', describe: 'output file (default: build/reports/<model>.html)' })
    .option('uncertainty', { type: 'number', describe: 'Latin-hypercube draws for uncertainty whiskers and bands' })
    .option('seed', { type: 'number', default: 1, describe: 'seed of the ensemble and of the sensitivity design' })
    .option('vars', { type: 'string', describe: 'variables for the baseline charts (default: outcomes and stocks)' })
    .option('sensitivity', { type: 'string', default: 'morris', describe: `sensitivity method for the report: ${methodNames().join(', ')} or none` })
    .option('samples', { type: 'number', describe: 'sensitivity samples (morris trajectories, sobol base size, oat levels)' })
    .option('loops', { type: 'boolean', default: true, describe: 'analyse feedback loops (--no-loops to skip)' })
    .example('$0 report models/kinesis-outage.yaml', 'write build/reports/kinesis-outage.html')
    .example('$0 report models/teacup.yaml --html teacup.html --sensitivity sobol --uncertainty 50', "with Sobol' indices and uncertainty bands")) as unknown as Argv<ReportArgs>,
  handler: async (args) => {
    checkArgs(args);
    const options = toSimulateOptions(args);
    const loaded = readModelFile(args.model, toReadOptions(args));
    failOnErrors(loaded.diagnostics);
    const model = loaded.model!;
    const reference = readModelReference(model);
    failOnErrors(reference.diagnostics);
    const members = readEnsembleArg(args.ensemble, model);
    const file = args.html ?? defaultOutput(`build/reports/${basename(args.model, extname(args.model))}.html`);
    const progress = progressBar('stages');
    try {
      const vars = args.vars === undefined ? undefined : knownVariables(simulate(model, options), splitNames(args.vars), model.file);
      const report = await buildReport(model, {
        scenarios: scenarioList(args.scenario, 'all'), uncertainty: args.uncertainty, ensemble: members, seed: args.seed, vars,
        simulate: options, sensitivity: args.sensitivity, samples: args.samples, loops: args.loops,
        reference: reference.data,
        command: `stockflow report ${process.argv.slice(3).join(' ')}`.trim(),
        onProgress: progress.update,
      });
      progress.stop();
      printDiagnostics(report.diagnostics);
      const html = reportHtml(report, plotlyScript(), explorerScript());
      write(file, html);
      const charts = (html.match(/class="sf-chart"/g) ?? []).length;
      const shown = report.page.sections.map((s) => s.title.toLowerCase()).join(', ');
      process.stdout.write(`report: wrote ${file} (${(html.length / 1e6).toFixed(1)} MB, ${charts} charts; ${shown})\n`);
      for (const o of report.omitted) process.stdout.write(`report: no ${o.section.toLowerCase()} section: ${o.reason}\n`);
    } catch (e) {
      progress.stop();
      if (e instanceof ModelError) throw new CliExit(EXIT_MODEL, e.diagnostics);
      throw e;
    }
  },
};

function checkArgs(args: ReportArgs): void {
  checkRunCounts(args, { uncertainty: args.uncertainty, samples: args.samples });
  if (args.html === '-' || args.html === '') throw usageError('--html needs a file name');
  if (!Number.isInteger(args.seed) || args.seed < 0) throw usageError(`--seed expects a non-negative integer (got ${args.seed})`);
  if (args.uncertainty !== undefined && args.ensemble !== undefined) throw usageError('--uncertainty N (prior draws) and --ensemble FILE (given members) are two ensembles: give one');
  if (args.uncertainty !== undefined && (!Number.isInteger(args.uncertainty) || args.uncertainty < 0)) throw usageError(`--uncertainty expects a number of draws (got ${args.uncertainty})`);
  if (args.samples !== undefined && (!Number.isInteger(args.samples) || args.samples < 2)) throw usageError(`--samples expects an integer of at least 2 (got ${args.samples})`);
  if (args.sensitivity !== 'none' && !methodNames().includes(args.sensitivity)) throw usageError(`--sensitivity expects one of ${[...methodNames(), 'none'].join(', ')} (got '${args.sensitivity}')`);
}
