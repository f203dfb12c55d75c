/**
 * `stockflow loops MODEL`: the model's feedback loops with their polarity and Loops That
 * Matter dominance over a run, as a text table with a dominance timeline on stdout, and
 * optionally the JSON document of issue 4 (`--json FILE`, `-` for stdout instead of text).
 */
import { tableWidth, wideOption, type WideArgs } from '../width.js';
import type { Argv, CommandModule } from 'yargs';
import { analyzeLoops, DEFAULT_MAX_LOOPS, formatLoopReport, loopsToJson, type LabelConvention } from '../../analysis/loops/index.js';
import { readModelFile } from '../../io/load.js';
import { applyScenarioById } from '../../scenarios/index.js';
import { emit, failOnErrors, usageError } from '../output.js';
import { simOptions, toSimulateOptions, type SimArgs, toReadOptions, scenarioOption, oneScenario, type ScenarioArgs } from '../options.js';
import { outputOption } from '../output-option.js';

interface LoopsArgs extends SimArgs, ScenarioArgs, WideArgs {
  model: string;
  json?: string;
  'max-loops': number;
  'strongest-path': boolean;
  labels: string;
  top: number;
}

const LABELS: readonly LabelConvention[] = ['interval-end', 'interval-start'];

export const loopsCommand: CommandModule<object, LoopsArgs> = {
  builder: (y: Argv) => (wideOption(scenarioOption(simOptions(outputOption(y, ['json'])), 'analyse the model with the intervention with this id applied')
    .positional('model', { type: 'string', demandOption: true, describe: 'model file (.yaml, .json, .xmile, .stmx, .mdl)' })
    .option('json', { type: 'string', describe: 'also write { loops, time, relative_scores, dominance } as JSON to this file (--json=- for stdout instead of the text)' })
    .option('max-loops', { type: 'number', default: DEFAULT_MAX_LOOPS, describe: 'above this many loops, use the strongest-path search instead of listing every loop' })
    .option('strongest-path', { type: 'boolean', default: false, describe: 'always use the strongest-path search' })
    .option('labels', { type: 'string', default: 'interval-end', choices: LABELS as string[], describe: 'a score at time t covers the dt interval ending (simlin) or starting (Stella) at t' })
    .option('top', { type: 'number', default: 20, describe: 'loops listed per cycle partition in the text table' })
    .example('$0 loops models/kinesis-outage.yaml', 'loop table and dominance timeline')
    .example('$0 loops model.xmile --json loops.json --dt 0.25', 'write the relative loop scores as JSON')) ) as unknown as Argv<LoopsArgs>,
  handler: (args) => {
    const options = toSimulateOptions(args);
    const maxLoops = args['max-loops'];
    if (!Number.isInteger(maxLoops) || maxLoops < 0) throw usageError('--max-loops expects a whole number >= 0');
    if (!Number.isInteger(args.top) || args.top < 0) throw usageError('--top expects a whole number >= 0');
    const loaded = readModelFile(args.model, toReadOptions(args));
    failOnErrors(loaded.diagnostics);
    const scenario = oneScenario(args.scenario);
    const model = scenario ? applyScenarioById(loaded.model!, scenario) : loaded.model!;
    const result = analyzeLoops(model, {
      ...options, maxLoops, strongestPath: args['strongest-path'], labels: args.labels as LabelConvention,
    });
    failOnErrors(result.diagnostics);
    const analysis = result.analysis!;
    if (args.json) emit(`${JSON.stringify(loopsToJson(analysis))}\n`, args.json);
    if (args.json !== '-') emit(formatLoopReport(analysis, { top: args.top, lineWidth: tableWidth(args) }));
  },
};
