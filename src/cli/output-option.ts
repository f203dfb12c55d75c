/**
 * `-o/--output FILE`, one option for every command that writes a result file: the format is
 * taken from the file's extension and the file goes where the format's own option (--csv,
 * --json, --html) would send it, so a command reads only its format options. An extension the
 * command does not write, a name without one, or `-o` beside the format option it stands for
 * is a usage error (exit 2) naming the accepted extensions.
 */
import type { Argv } from 'yargs';
import { extname } from 'node:path';
import { usageError } from './output.js';

/** A result format a command can write, named as its own option (--csv, --json, --html). */
export type OutputFormat = 'csv' | 'json' | 'html';

/** Extensions (lower case) and the format each one means. */
const EXTENSIONS: Readonly<Record<string, OutputFormat>> = { '.csv': 'csv', '.json': 'json', '.html': 'html', '.htm': 'html' };

/** The extensions that give one of `formats`, as a list for messages and help. */
export function extensionsOf(formats: readonly OutputFormat[]): string {
  return Object.keys(EXTENSIONS).filter((e) => formats.includes(EXTENSIONS[e])).join(', ');
}

/** Adds -o/--output to a command that writes `formats` (each also an option of the command). */
export function outputOption<T>(y: Argv<T>, formats: readonly OutputFormat[]) {
  return y
    .option('output', { alias: 'o', type: 'string', requiresArg: true, describe: `write the result to this file, its format from the extension (${extensionsOf(formats)}); the same as --${formats.join(' / --')} FILE` })
    .middleware((argv) => resolveOutput(argv as Record<string, unknown>, formats), true);
}

/**
 * Moves `output` onto the format option its extension names (argv.output is removed, so the
 * command sees only --csv/--json/--html). Exported for tests.
 */
export function resolveOutput(argv: Record<string, unknown>, formats: readonly OutputFormat[]): void {
  const file = argv.output;
  if (file === undefined) return;
  delete argv.output;
  delete argv.o;
  if (Array.isArray(file)) throw usageError('-o/--output is given more than once; give one file (or use the format options, e.g. --csv A --json B)');
  if (typeof file !== 'string' || file === '') throw usageError(`-o/--output needs a file name ending in ${extensionsOf(formats)}`);
  if (file === '-') throw usageError(`-o - cannot tell the format of standard output; use --${formats.join(' - or --')} -`);
  const ext = extname(file).toLowerCase();
  const format = EXTENSIONS[ext];
  if (!format || !formats.includes(format)) {
    const got = ext ? `the extension '${ext}' names no format this command writes` : 'the name has no extension to tell the format';
    throw usageError(`-o ${file}: ${got}; accepted: ${extensionsOf(formats)}`);
  }
  const given = argv[format];
  if (given !== undefined && given !== false) throw usageError(`-o ${file} and --${format} ${given === '' ? '' : given} both ask for ${format.toUpperCase()}: give one of them`.replace('  ', ' '));
  argv[format] = file;
}
