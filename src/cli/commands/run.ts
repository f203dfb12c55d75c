/**
 * `stockflow run MODEL`: simulate and print CSV (default) or write CSV/JSON.
 * The CSV contract (header `time,<names as written>`) is what the conformance harness reads.
 */
import { checkTimeStep } from '../../sim/time-step.js';
import type { Argv, CommandModule } from 'yargs';
import { formatCsv, splitNames } from '../../io/csv.js';
import { clockOf, isoClock } from '../../model/clock.js';
import { readModelFile } from '../../io/load.js';
import { trySimulate } from '../../sim/simulate.js';
import type { SimulationResult } from '../../sim/result.js';
import { CliExit, emit, EXIT_MODEL, failOnErrors, usageError } from '../output.js';
import { dataOptions, simOptions, toReadOptions, toSimulateOptions, type DataArgs, type SimArgs } from '../options.js';
import { error } from '../../core/diagnostics.js';
import { canonicalName, didYouMean } from '../../core/names.js';
import { applyScenarioById } from '../../scenarios/index.js';

interface RunArgs extends SimArgs, DataArgs {
  model: string;
  seed?: number;
  vars?: string;
  csv?: string;
  json?: string;
  clock?: boolean;
  scenario?: string;
  helpers?: boolean;
}

export const runCommand: CommandModule<object, RunArgs> = {
  builder: (y: Argv) => (dataOptions(simOptions(y))
    .positional('model', { type: 'string', demandOption: true, describe: 'model file (.yaml, .json, .xmile, .stmx, .mdl)' })
    .option('vars', { type: 'string', describe: 'comma-separated variables to output (default: all)' })
    .option('csv', { type: 'string', describe: 'write CSV to this file instead of stdout' })
    .option('json', { type: 'string', describe: 'write JSON { time: [...], name: [...] } to this file' })
    .option('scenario', { type: 'string', describe: 'apply the intervention with this id from the model file' })
    .option('seed', { type: 'number', describe: 'seed of the random functions (default: the model\'s sim seed, else 0)' })
    .option('clock', { type: 'boolean', default: false, describe: 'add a clock column of ISO date-times (needs sim.time_origin); JSON output always has one when the model has a clock' })
    .option('helpers', { type: 'boolean', default: false, describe: 'also output the internal stocks of smooth/delay builtins' })
    .conflicts('csv', 'json')) as unknown as Argv<RunArgs>,
  handler: (args) => {
    if (args.seed !== undefined && !(Number.isInteger(args.seed) && args.seed >= 0 && args.seed < 2 ** 32)) throw usageError('--seed expects an integer from 0 to 4294967295');
    const options = { ...toSimulateOptions(args), seed: args.seed };
    const loaded = readModelFile(args.model, toReadOptions(args));
    failOnErrors(loaded.diagnostics);
    const model = args.scenario ? applyScenarioById(loaded.model!, args.scenario) : loaded.model!;
    const sim = trySimulate(model, options);
    failOnErrors([...sim.diagnostics, ...checkTimeStep(model, options)]);
    const result = sim.result!;
    const names = selectNames(result, args.vars, args.helpers ?? false, model.file);
    const clock = clockOf(model.sim);
    if (args.clock && !clock) throw usageError(`--clock needs a model with sim.time_origin and a time unit of fixed length${model.sim.timeOrigin ? '' : ` (${args.model} declares no time_origin)`}`);
    const times = clock ? Array.from(result.time, (t) => isoClock(clock, t)) : undefined;
    if (args.json) emit(`${JSON.stringify(times ? { time: Array.from(result.time), clock: times, ...result.toJSON(names) } : result.toJSON(names))}\n`, args.json);
    else emit(formatCsv(result, names, args.clock ? times : undefined), args.csv);
  },
};

function selectNames(result: SimulationResult, vars: string | undefined, helpers: boolean, file?: string): string[] {
  const all = helpers ? result.columns.map((c) => c.name) : result.names;
  if (vars === undefined) return all;
  const wanted = splitNames(vars);
  if (!wanted.length) throw usageError('--vars needs at least one name');
  const known = new Map(result.columns.map((c) => [c.id, c.name]));
  const missing = wanted.filter((w) => !known.has(canonicalName(w)));
  if (missing.length) {
    throw new CliExit(EXIT_MODEL, missing.map((m) => {
      const guess = didYouMean(canonicalName(m), known.keys());
      return error('unknown-variable', `--vars names unknown variable '${m}'`, { file, hint: guess ? `did you mean '${known.get(guess)}'?` : 'see the CSV header of a plain run' });
    }));
  }
  return wanted.map((w) => known.get(canonicalName(w))!);
}
