/**
 * Options shared by commands that run a model, and their conversion into library options.
 */
import type { Argv } from 'yargs';
import { statSync } from 'node:fs';
import type { SimulateOptions } from '../sim/simulate.js';
import type { ReadOptions } from '../io/read-options.js';
import { DEFAULT_MAX_DATA_BYTES } from '../io/confine.js';
import { DEFAULT_MAX_ELEMENTS } from '../core/budget.js';
import { usageError } from './output.js';
import { dict } from '../core/dict.js';
import { integrators } from '../sim/integrators/index.js';

const METHODS = [...integrators.keys()].join(', ');
const ADAPTIVE = [...integrators.values()].filter((m) => m.adaptive).map((m) => m.name).join(', ');
import { splitNames } from '../io/csv.js';

/**
 * --set NAME=VALUE, the same in every command (README "Setting values"): a constant takes the
 * value, a stock starts at it, an auxiliary or flow is held at it; see sim/simulate.ts withOverrides.
 */
export const SET_OPTION = { type: 'string', array: true, describe: "set a constant, a stock's initial value, or hold an auxiliary at a number: NAME=VALUE (repeatable)" } as const;

export function simOptions<T>(y: Argv<T>) {
  return y
    .option('method', { type: 'string', describe: `integration method: ${METHODS} (rk2: Heun's method, the mean of the slopes at both ends of a step; rk2-midpoint: the explicit midpoint rule, Vensim's RK2 Fixed; rk4-auto, rk2-auto: Vensim's RK4/RK2 Auto, dt the largest step)` })
    .option('dt', { type: 'number', describe: 'time step' })
    .option('start', { type: 'number', describe: 'start time' })
    .option('stop', { type: 'number', describe: 'stop time' })
    .option('saveper', { type: 'number', describe: 'save period (a multiple of dt)' })
    .option('rtol', { type: 'number', describe: `relative tolerance (${ADAPTIVE})` })
    .option('atol', { type: 'number', describe: `absolute tolerance (${ADAPTIVE})` })
    .option('set', SET_OPTION)
    .option('allow-nonfinite', { type: 'boolean', default: false, describe: 'keep running when a value becomes NaN or infinite' });
}

export interface SimArgs {
  method?: string; dt?: number; start?: number; stop?: number; saveper?: number;
  rtol?: number; atol?: number; set?: string[]; 'allow-nonfinite'?: boolean;
}

export function parseSets(sets: readonly string[] = [], option = '--set'): Record<string, number> {
  const out: Record<string, number> = dict();
  for (const s of sets) {
    const eq = s.lastIndexOf('=');
    const name = eq > 0 ? s.slice(0, eq).trim() : '';
    const text = eq > 0 ? s.slice(eq + 1).trim() : '';
    const value = Number(text);
    if (!name || text === '' || !Number.isFinite(value)) throw usageError(`${option} expects NAME=NUMBER, got '${s}'`);
    out[name] = value;
  }
  return out;
}

export function toSimulateOptions(a: SimArgs): SimulateOptions {
  for (const k of ['dt', 'start', 'stop', 'saveper', 'rtol', 'atol'] as const) {
    if (a[k] !== undefined && !Number.isFinite(a[k])) throw usageError(`--${k} expects a number`);
  }
  return {
    method: a.method, dt: a.dt, start: a.start, stop: a.stop, saveper: a.saveper, rtol: a.rtol, atol: a.atol,
    overrides: parseSets(a.set), allowNonFinite: a['allow-nonfinite'],
  };
}

/** Options that tell a reader about the data a model is given (Vensim data files, `?tag` aliases). */
export function dataOptions<T>(y: Argv<T>) {
  return y
    .option('data', { type: 'string', array: true, describe: 'a data file for data variables (Vensim .dat, or .tab/.csv with time first; repeatable)' })
    .option('data-alias', { type: 'string', array: true, describe: 'map a ?tag that GET DIRECT/XLS functions name to a file: ?TAG=FILE (repeatable)' });
}

export interface DataArgs { data?: string[]; 'data-alias'?: string[] }

/** Default --max-runs: a million runs (or starts, resamples, draws) from one count option. */
export const DEFAULT_MAX_RUNS = 1_000_000;

/**
 * Options every command has, since every command reads a model: what a model may read and
 * cost (also listed by `stockflow --help`, see help.ts).
 */
export const LIMIT_OPTIONS = {
  // One folder per --data-dir: a greedy array would swallow the command after it
  // (`stockflow --data-dir a run m.yaml`).
  'data-dir': { type: 'string', array: true, nargs: 1, global: true, describe: 'also let the model read data files in this folder (repeatable; default: only its own folder)' },
  'max-data-mb': { type: 'number', global: true, describe: `largest data file a model may read, in MB (default ${DEFAULT_MAX_DATA_BYTES / 2 ** 20})` },
  'max-elements': { type: 'number', global: true, describe: `most variables a model may expand to, array elements, macro copies and modules counted one by one (default ${DEFAULT_MAX_ELEMENTS})` },
  'max-runs': { type: 'number', global: true, describe: `largest run count an option such as --samples, --trajectories or --uncertainty may ask for (default ${DEFAULT_MAX_RUNS})` },
} as const;

export function modelLimitOptions<T>(y: Argv<T>) {
  return y.options(LIMIT_OPTIONS);
}

export interface LimitArgs { 'data-dir'?: string[]; 'max-data-mb'?: number; 'max-elements'?: number; 'max-runs'?: number }

/** A command's data options (when it has them) and the global limits, as library read options. */
export function toReadOptions(args: object): ReadOptions {
  const a = args as DataArgs & LimitArgs & SimArgs & { data?: unknown };
  const dataAliases: Record<string, string> = dict();
  for (const s of a['data-alias'] ?? []) {
    const eq = s.indexOf('=');
    const tag = eq > 0 ? s.slice(0, eq).trim() : '';
    const file = eq > 0 ? s.slice(eq + 1).trim() : '';
    if (!tag || !file) throw usageError(`--data-alias expects ?TAG=FILE, got '${s}'`);
    dataAliases[tag.startsWith('?') ? tag : `?${tag}`] = file;
  }
  const mb = a['max-data-mb'];
  if (mb !== undefined && !(Number.isFinite(mb) && mb > 0)) throw usageError('--max-data-mb expects a positive number');
  for (const d of a['data-dir'] ?? []) checkDataDir(d);
  const maxElements = a['max-elements'];
  if (maxElements !== undefined && !(Number.isInteger(maxElements) && maxElements > 0)) throw usageError('--max-elements expects a positive whole number');
  return {
    ...(Array.isArray(a.data) && a.data.length ? { dataFiles: a.data } : {}),
    ...(Object.keys(dataAliases).length ? { dataAliases } : {}),
    ...(a['data-dir']?.length ? { dataDirs: a['data-dir'] } : {}),
    ...(mb === undefined ? {} : { maxDataBytes: Math.floor(mb * 2 ** 20) }),
    ...(maxElements === undefined ? {} : { maxElements }),
    ...(typeof a.method === 'string' ? { method: a.method } : {}),
  };
}

/** A --data-dir folder must exist: a mistyped one would only show later as a refused data file. */
function checkDataDir(dir: string): void {
  const isDir = statSync(dir, { throwIfNoEntry: false })?.isDirectory();
  if (isDir === undefined) throw usageError(`--data-dir '${dir}' does not exist; give a folder the model may read data files from`);
  if (!isDir) throw usageError(`--data-dir '${dir}' is a file, not a folder; give the folder that holds it`);
}

/**
 * Checks count options that size an ensemble (--samples 1e12, --trajectories 1e9 …) before
 * anything is allocated: past --max-runs they are a usage error (exit 2) naming the limit.
 */
export function checkRunCounts(args: object, counts: Readonly<Record<string, number | undefined>>): void {
  const max = (args as LimitArgs)['max-runs'] ?? DEFAULT_MAX_RUNS;
  if (!(Number.isInteger(max) && max > 0)) throw usageError('--max-runs expects a positive whole number');
  for (const [option, n] of Object.entries(counts)) {
    if (n !== undefined && n > max) throw usageError(`--${option} ${n} is over the limit of ${max} runs; lift it with --max-runs N if the machine has the memory and time`);
  }
}

/**
 * One spelling of the scenario option in every command: --scenario, with --scenarios the
 * same option. Commands that compare take a comma list or `all`; the others take one id.
 */
export function scenarioOption<T>(y: Argv<T>, describe: string) {
  return y.option('scenario', { alias: 'scenarios', type: 'string', describe });
}

export interface ScenarioArgs { scenario?: string | string[] }

/** The scenarios a comparing command draws: `all` (or none given, with fallback 'all'), or the ids listed. */
export function scenarioList(value: ScenarioArgs['scenario'], fallback: 'all' | 'none'): 'all' | string[] {
  if (value === undefined) return fallback === 'all' ? 'all' : [];
  const text = ([] as string[]).concat(value).join(',');
  if (text.trim() === 'all') return 'all';
  const ids = splitNames(text);
  if (!ids.length) throw usageError('--scenario needs at least one id, or all');
  return ids;
}

/** The one scenario a command that analyses a single variant applies, if any. */
export function oneScenario(value: ScenarioArgs['scenario']): string | undefined {
  if (value === undefined) return undefined;
  const ids = splitNames(([] as string[]).concat(value).join(','));
  if (ids.length !== 1) throw usageError(`this command analyses one scenario at a time (got ${ids.length ? ids.join(', ') : 'none'}); compare, plot, rank and report take several`);
  return ids[0];
}
