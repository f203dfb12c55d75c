/**
 * Every CLI command: its usage, its one-line description, and how to load it. A command's
 * module (builder and handler) is imported only when that command runs, so `stockflow --help`
 * and each command load only what they use. Adding a command is one line here.
 */
import type { CommandModule } from 'yargs';
import { LIMIT_OPTIONS } from '../options.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandBody = CommandModule<any, any>;

export interface CommandEntry {
  /** yargs usage: the name, then its positionals (`run <model>`). */
  readonly command: string;
  readonly describe: string;
  readonly load: () => Promise<CommandBody>;
}

export const commands: readonly CommandEntry[] = [
  { command: 'run <model>', describe: 'simulate a model and write its results as CSV or JSON', load: async () => (await import('./run.js')).runCommand },
  { command: 'check <model>', describe: 'report every problem in a model (schema, names, loops, units); exit 0 when clean', load: async () => (await import('./check.js')).checkCommand },
  { command: 'compare <model>', describe: 'run the baseline and the interventions, rank them by effect on the metrics', load: async () => (await import('./compare.js')).compareCommand },
  { command: 'convert <input> <output>', describe: 'convert a model between formats (.mdl, .xmile/.stmx, .yaml/.json → .xmile/.stmx, .yaml/.json)', load: async () => (await import('./convert.js')).convertCommand },
  { command: 'loops <model>', describe: 'list the feedback loops and which of them dominate when (Loops That Matter)', load: async () => (await import('./loops.js')).loopsCommand },
  { command: 'sensitivity <model>', describe: 'rank parameters by their effect on an outcome (oat, morris, sobol)', load: async () => (await import('./sensitivity.js')).sensitivityCommand },
  { command: 'calibrate <model>', describe: 'fit uncertain constants to reference series or event times', load: async () => (await import('./calibrate.js')).calibrateCommand },
  { command: 'report <model>', describe: 'write a self-contained offline HTML report: diagram, runs, interventions, loops, sensitivity', load: async () => (await import('./report.js')).reportCommand },
  { command: 'plot <model>', describe: 'draw chosen variables (baseline and interventions) as an offline HTML chart', load: async () => (await import('./plot.js')).plotCommand },
  { command: 'rank <model>', describe: 'rank the leverage points: interventions by effect under uncertainty, constants and loops, each with its Meadows level', load: async () => (await import('./rank.js')).rankCommand },
  { command: 'equilibria <model>', describe: 'find every equilibrium of the stocks, with eigenvalues and stability', load: async () => (await import('./equilibria.js')).equilibriaCommand },
  { command: 'sweep <model>', describe: 'follow the equilibria as a constant varies: branches, folds (tipping points), Hopf points', load: async () => (await import('./sweep.js')).sweepCommand },
  { command: 'tipping <model>', describe: 'find the smallest trigger that tips a stable state, and the recovery time against a constant', load: async () => (await import('./tipping.js')).tippingCommand },
  { command: 'worker', describe: 'compute ensemble batches from a Redis queue (see --queue of sensitivity, calibrate, compare, rank)', load: async () => (await import('./worker.js')).workerCommand },
];

/** The command's name: the first word of its usage. */
export function commandName(entry: CommandEntry): string {
  return entry.command.split(' ')[0];
}

/**
 * The command word, the only command loaded: the first argument that is neither an option nor
 * the value of a global limit option (`stockflow --max-elements 5000 run m.yaml`).
 */
export function commandWord(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (!args[i].startsWith('-')) return args[i];
    if (args[i].slice(2) in LIMIT_OPTIONS) i++;
  }
  return undefined;
}
