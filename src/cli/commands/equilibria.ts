/**
 * `stockflow equilibria MODEL [--set …] [--json F]`: every equilibrium of the model's full
 * state in its plausible box, with the Jacobian's eigenvalues and stability, as a table on
 * stdout and the JSON `{ equilibria: [ { stocks, stable, eigenvalues, … } ] }`.
 */
import { tableWidth, wideOption, type WideArgs } from '../width.js';
import type { Argv, CommandModule } from 'yargs';
import { equilibriaJson, formatEquilibria, modelEquilibria, type Range } from '../../analysis/dynamics/index.js';
import { readModelFile } from '../../io/load.js';
import { applyScenarioById } from '../../scenarios/index.js';
import { emit, failOnErrors, usageError } from '../output.js';
import { parseSets, SET_OPTION, toReadOptions, scenarioOption, oneScenario, type ScenarioArgs } from '../options.js';
import { dict } from '../../core/dict.js';
import { splitNames } from '../../io/csv.js';
import { outputOption } from '../output-option.js';

export interface DynamicsArgs extends ScenarioArgs, WideArgs {
  model: string;
  set?: string[];
  time?: number;
  box?: string[];
  freeze?: string[];
  only?: string;
}

interface EquilibriaArgs extends DynamicsArgs {
  json?: string;
  starts?: number;
}

/** Options every dynamics command shares: constants, a scenario, the time, the box. */
export function dynamicsOptions<T>(y: Argv<T>) {
  return scenarioOption(y, 'analyse the model with the intervention with this id applied')
    .positional('model', { type: 'string', demandOption: true, describe: 'model file (.yaml, .json, .xmile, .stmx, .mdl)' })
    .option('set', SET_OPTION)
    .option('time', { type: 'number', describe: 'evaluate time-dependent inputs at this time (default: the stop time)' })
    .option('box', { type: 'string', array: true, describe: "a stock's search range: NAME=LO:HI (repeatable)" })
    .option('freeze', { type: 'string', array: true, describe: 'hold a stock at a value, outside the analysed state: NAME=VALUE (repeatable)' })
    .option('only', { type: 'string', describe: 'analyse only these stocks (comma-separated); the others are held at their values in the run at the analysis time' });
}

/** `NAME=LO:HI` ranges by name. */
export function parseBox(items: readonly string[] = []): Record<string, Range> {
  const out: Record<string, Range> = dict();
  for (const item of items) {
    const m = /^(.+)=\s*(-?[\d.eE+-]+)\s*:\s*(-?[\d.eE+-]+)\s*$/.exec(item);
    const lo = m ? Number(m[2]) : NaN, hi = m ? Number(m[3]) : NaN;
    if (!m || !Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo)) throw usageError(`--box expects NAME=LO:HI with LO < HI, got '${item}'`);
    Object.defineProperty(out, m[1].trim(), { value: { lo, hi }, enumerable: true });
  }
  return out;
}

/** The model with the scenario applied and the shared options parsed. */
export function loadForDynamics(args: DynamicsArgs) {
  if (args.time !== undefined && !Number.isFinite(args.time)) throw usageError('--time expects a number');
  const overrides = parseSets(args.set);
  const box = parseBox(args.box);
  const freeze = parseSets(args.freeze, '--freeze');
  const only = args.only === undefined ? undefined : splitNames(args.only);
  if (only && !only.length) throw usageError('--only expects stock names, comma-separated');
  const loaded = readModelFile(args.model, toReadOptions(args));
  failOnErrors(loaded.diagnostics);
  const scenario = oneScenario(args.scenario);
  const model = scenario ? applyScenarioById(loaded.model!, scenario) : loaded.model!;
  return { model, options: { overrides, time: args.time, box, freeze, only } };
}

export const equilibriaCommand: CommandModule<object, EquilibriaArgs> = {
  builder: (y: Argv) => (wideOption(dynamicsOptions(outputOption(y, ['json']))
    .option('json', { type: 'string', describe: 'also write { equilibria: [ { stocks, stable, eigenvalues, flows, auxiliaries } ] } to this file (- for stdout instead of the table)' })
    .option('starts', { type: 'number', describe: 'Newton starts sampled in the box (default 40 + 20 per stock, at most 600)' })
    .example('$0 equilibria models/retry-storm.yaml', 'the good and the metastable state, and the saddle between them')
    .example('$0 equilibria model.yaml --set "Arrival Rate=8" --json eq.json', 'at another load, as JSON')
    .example('$0 equilibria models/kinesis-outage.yaml --only "Booting Servers,Building Servers" --freeze "Broken Servers=3000"', 'one phase of a model: the restart pipeline with a backlog held'))) as unknown as Argv<EquilibriaArgs>,
  handler: (args) => {
    if (args.starts !== undefined && (!Number.isInteger(args.starts) || args.starts < 0 || args.starts > 100000)) throw usageError('--starts expects a whole number from 0 to 100000');
    const { model, options } = loadForDynamics(args);
    const found = modelEquilibria(model, { ...options, starts: args.starts });
    failOnErrors(found.diagnostics);
    const { system, search } = found;
    if (args.json) emit(`${JSON.stringify(equilibriaJson(search!, system!.time), null, 1)}\n`, args.json);
    if (args.json !== '-') emit(formatEquilibria(search!, system!.stockNames, model.name, tableWidth(args)));
  },
};
