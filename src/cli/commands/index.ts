/**
 * Every CLI command: its usage, its one-line description, and how to load it. A command's
 * module (builder and handler) is imported only when that command runs, so `stockflow --help`
 * and each command load only what they use. Adding a command is one line here.
 */
import type { CommandModule } from 'yargs';
import { LIMIT_OPTIONS } from '../options.js';
import { didYouMean } from '../../core/names.js';

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
  const at = commandIndex(args);
  return at < 0 ? undefined : args[at];
}

function commandIndex(args: readonly string[]): number {
  for (let i = 0; i < args.length; i++) {
    if (!args[i].startsWith('-')) return i;
    if (args[i].slice(2) in LIMIT_OPTIONS) i++;
  }
  return -1;
}

/**
 * What to say when the command word is not a command, or undefined when it is one (or there is
 * none: yargs asks for one). A word before a command, such as `b` in
 * `stockflow --data-dir a b run m.yaml`, is most often a second value of a global option (each
 * takes one); a model file first means the command was left out.
 */
export function unknownCommand(args: readonly string[]): string | undefined {
  const at = commandIndex(args);
  const known = commands.map(commandName);
  if (at < 0 || known.includes(args[at])) return undefined;
  const word = args[at];
  const option = at >= 2 && args[at - 2].startsWith('--') && args[at - 2].slice(2) in LIMIT_OPTIONS ? args[at - 2] : undefined;
  if (option && known.includes(args[at - 1])) {
    return `${option} takes a value before the command, but got the command '${args[at - 1]}': give its value first, e.g. stockflow ${option} ${option === '--data-dir' ? 'FOLDER' : 'N'} ${args[at - 1]} ${word}`;
  }
  const command = args.slice(at + 1).find((a) => known.includes(a));
  if (command !== undefined) {
    const options = Object.keys(LIMIT_OPTIONS).map((o) => `--${o}`).join(', ');
    return `'${word}' comes before the command '${command}' but is neither a command nor an option's value: ${options} take one value each (repeat --data-dir for more folders: stockflow --data-dir a --data-dir b ${command} …)`;
  }
  if (/\.(ya?ml|json|xmile|stmx|itmx|mdl)$/i.test(word)) return `'${word}' is a model, not a command: give the command first, e.g. stockflow run ${word} (commands: ${known.join(', ')})`;
  const guess = didYouMean(word.toLowerCase(), known);
  return `'${word}' is not a command${guess ? ` (did you mean ${guess}?)` : ''}; the commands: ${known.join(', ')}`;
}
