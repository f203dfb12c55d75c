/**
 * `stockflow run MODEL`: simulate and print CSV (default) or write CSV/JSON.
 * The CSV contract (header `time,<names as written>`) is what the conformance harness reads.
 * Rows are written as the run saves them (io/result-stream.ts), so a long or wide run
 * needs memory for its columns only; a file appears only when the run succeeds.
 */
import { tmpdir } from 'node:os';
import { checkTimeStep } from '../../sim/time-step.js';
import type { Argv, CommandModule } from 'yargs';
import { splitNames } from '../../io/csv.js';
import { clockOf, isoClock } from '../../model/clock.js';
import { csvSink, jsonSink, type OutputSink } from '../../io/result-stream.js';
import { openOutput, type OutputFile } from '../../io/write.js';
import { readModelFile } from '../../io/load.js';
import { trySimulate } from '../../sim/simulate.js';
import type { OutputColumn } from '../../compile/layout.js';
import { CliExit, modelLacks, EXIT_MODEL, failOnErrors, usageError, writing } from '../output.js';
import { dataOptions, simOptions, toReadOptions, toSimulateOptions, type DataArgs, type SimArgs, scenarioOption, oneScenario, type ScenarioArgs } from '../options.js';
import { error } from '../../core/diagnostics.js';
import { canonicalName, didYouMean } from '../../core/names.js';
import { applyScenarioById } from '../../scenarios/index.js';
import { outputOption } from '../output-option.js';

interface RunArgs extends SimArgs, DataArgs, ScenarioArgs {
  model: string;
  seed?: number;
  vars?: string;
  csv?: string;
  json?: string;
  clock?: boolean;
  helpers?: boolean;
}

export const runCommand: CommandModule<object, RunArgs> = {
  builder: (y: Argv) => (scenarioOption(dataOptions(simOptions(outputOption(y, ['csv', 'json']))), 'apply the intervention with this id from the model file')
    .positional('model', { type: 'string', demandOption: true, describe: 'model file (.yaml, .json, .xmile, .stmx, .mdl)' })
    .option('vars', { type: 'string', describe: 'comma-separated variables to output (default: all)' })
    .option('csv', { type: 'string', describe: 'write CSV to this file instead of stdout' })
    .option('json', { type: 'string', describe: 'write JSON { time: [...], name: [...] } to this file (standard output when no file or -)' })
    .option('seed', { type: 'number', describe: 'seed of the random functions (default: the model\'s sim seed, else 0)' })
    .option('clock', { type: 'boolean', default: false, describe: 'add a clock column of ISO date-times (needs sim.time_origin); JSON output always has one when the model has a clock' })
    .option('helpers', { type: 'boolean', default: false, describe: 'also output the internal stocks of smooth/delay builtins and the internal variables of macro calls' })
    .conflicts('csv', 'json')
    .example('$0 run models/teacup.yaml --vars "Teacup Temperature"', 'one column as CSV on stdout')
    .example('$0 run models/kinesis-outage.yaml --scenario cellular-frontend --clock --csv out.csv', 'an intervention, with clock times')) as unknown as Argv<RunArgs>,
  handler: (args) => {
    if (args.seed !== undefined && !(Number.isInteger(args.seed) && args.seed >= 0 && args.seed < 2 ** 32)) throw usageError('--seed expects an integer from 0 to 4294967295');
    const options = { ...toSimulateOptions(args), seed: args.seed };
    const loaded = readModelFile(args.model, toReadOptions(args));
    failOnErrors(loaded.diagnostics);
    const scenario = oneScenario(args.scenario);
    const model = scenario ? applyScenarioById(loaded.model!, scenario) : loaded.model!;
    const clock = clockOf(model.sim);
    if (args.clock && !clock) throw modelLacks(model.file, 'no-clock', `--clock needs a model with sim.time_origin and a time unit of fixed length; this model ${model.sim.timeOrigin ? 'has a time unit of no fixed length' : 'declares no time_origin'}`, 'add sim.time_origin (docs/model-format.md), or run without --clock');
    // JSON output always has the clock when the model has one; CSV when asked.
    // A bare --json (no file) writes JSON to standard output, as --json - does.
    const json = args.json !== undefined;
    const clockText = clock && (json || args.clock) ? (t: number) => isoClock(clock, t) : undefined;
    const file = args.json ?? args.csv;
    const out = file && file !== '-' ? writing(file, () => openOutput(file)) : stdout;
    let sink: OutputSink | undefined;
    try {
      const sim = trySimulate(model, {
        ...options,
        sink: (columns) => {
          const names = selectNames(columns, args.vars, args.helpers ?? false, model.file);
          const write = (chunk: string) => writing(out === stdout ? '-' : file!, () => out.write(chunk));
          const made = (json ? jsonSink : csvSink)({ write }, columns, names, clockText);
          // What fails outside the output itself is the JSON's temporary column file.
          const spill = `${tmpdir()} (where --json keeps the columns of a long run; set TMPDIR to use another folder)`;
          return (sink = { ...made, save: (t, v) => writing(spill, () => made.save(t, v)), end: () => writing(spill, () => made.end()) });
        },
      });
      failOnErrors([...sim.diagnostics, ...(sim.compiled ? checkTimeStep(model, options, sim.compiled) : [])]);
      sink!.end();
      out.commit();
    } catch (e) {
      sink?.abort();
      out.abort();
      throw e;
    }
  },
};

/** Standard output as an output that is written through. */
const stdout: OutputFile = { path: '-', atomic: false, write: (chunk) => { process.stdout.write(chunk); }, commit: () => undefined, abort: () => undefined };

function selectNames(columns: readonly OutputColumn[], vars: string | undefined, helpers: boolean, file?: string): string[] {
  const all = columns.filter((c) => helpers || !c.helper).map((c) => c.name);
  if (vars === undefined) return all;
  const wanted = splitNames(vars);
  if (!wanted.length) throw usageError('--vars needs at least one name');
  const known = new Map(columns.map((c) => [c.id, c.name]));
  const missing = wanted.filter((w) => !known.has(canonicalName(w)));
  if (missing.length) {
    throw new CliExit(EXIT_MODEL, missing.map((m) => {
      const guess = didYouMean(canonicalName(m), known.keys());
      return error('unknown-variable', `--vars names unknown variable '${m}'`, { file, hint: guess ? `did you mean '${known.get(guess)}'?` : 'see the CSV header of a plain run' });
    }));
  }
  return wanted.map((w) => known.get(canonicalName(w))!);
}
