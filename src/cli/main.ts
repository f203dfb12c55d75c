#!/usr/bin/env node
/**
 * The stockflow command line: a thin shell over the library. Exit codes: 0 success,
 * 1 model problem (diagnostics on stderr), 2 usage error. Only the command being run is
 * imported (see commands/index.ts); `stockflow --help` loads neither yargs nor a command.
 */
import { commandName, commands, commandWord, unknownCommand, type CommandBody } from './commands/index.js';
import { topLevelHelp, USAGE } from './help.js';
import { modelLimitOptions } from './options.js';
import { CliExit, EXIT_MODEL, EXIT_USAGE, printDiagnostics, refuseOutputOverInput, writeFailure } from './output.js';
import { ModelError } from '../core/diagnostics.js';
import { refuseEmptyValues } from './values.js';

function fail(e: unknown): never {
  if (e instanceof CliExit) {
    printDiagnostics(e.diagnostics);
    if (e.message) process.stderr.write(`stockflow: ${e.message}\n`);
    process.exit(e.code);
  }
  if (e instanceof ModelError) {
    printDiagnostics(e.diagnostics);
    process.exit(EXIT_MODEL);
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`stockflow: internal error: ${message}\n(please report it with the model that caused it)\n`);
  if (process.env.STOCKFLOW_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  process.exit(EXIT_MODEL);
}

/** `--json -` means stdout; yargs would take a bare `-` for a stray positional, so join it. */
export function joinDashValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i + 1] === '-' && /^--[\w-]+$/.test(argv[i])) { out.push(`${argv[i]}=-`); i++; } else out.push(argv[i]);
  }
  return out;
}

/**
 * yargs formats the whole help text after starting a command's handler, to show it if the
 * command later fails; our failure handler never shows it, and formatting it costs about as
 * much as reading a model. Found through yargs's internal methods, so guarded.
 */
function skipHelpCache(cli: unknown): void {
  const usage = (cli as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}

const width = (): number => Math.min(100, process.stdout.columns || 100);
const noop: CommandBody = { builder: {}, handler: () => undefined };

export async function main(argv: string[]): Promise<void> {
  // A closed pipe (`stockflow run m.yaml | head -1`) or a full disk behind stdout reports here.
  process.stdout.on('error', (e) => fail(writeFailure('-', e)));
  const args = joinDashValues(argv);
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    process.stdout.write(topLevelHelp(width()));
    return;
  }
  const unknown = unknownCommand(args);
  if (unknown) {
    process.stderr.write(`stockflow: ${unknown} (see stockflow --help)\n`);
    process.exit(EXIT_USAGE);
  }
  const chosen = commands.find((c) => commandName(c) === commandWord(args));
  const [{ default: yargs }, body] = await Promise.all([import('yargs'), chosen?.load()]);
  let cli = yargs(args)
    .scriptName('stockflow')
    .usage(USAGE)
    .strict()
    .demandCommand(1, 'give a command, e.g. stockflow run models/teacup.yaml')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(width())
    .fail((msg, err) => {
      // yargs's own parse errors (`-o` with no file: "Not enough arguments following: o") are usage errors.
      if (err && err.name !== 'YError') fail(err);
      msg ||= err?.message ?? '';
      // One line, as every other error: the message, then where the usage is.
      process.stderr.write(`stockflow: ${msg.replace(/\s*\n\s*/g, ' ')} (see stockflow ${chosen ? `${commandName(chosen)} ` : ''}--help)\n`);
      process.exit(EXIT_USAGE);
    });
  for (const c of commands) {
    const { builder, handler } = c === chosen && body ? body : noop;
    cli = cli.command({ command: c.command, describe: c.describe, builder, handler });
  }
  cli = modelLimitOptions(cli).middleware(refuseEmptyValues).middleware(refuseOutputOverInput);
  skipHelpCache(cli);
  try {
    await cli.parseAsync();
  } catch (e) {
    fail(e);
  }
}

await main(process.argv.slice(2));
