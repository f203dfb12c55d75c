#!/usr/bin/env node
/**
 * The stockflow command line: a thin shell over the library. Exit codes: 0 success,
 * 1 model problem (diagnostics on stderr), 2 usage error.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { commands } from './commands/index.js';
import { modelLimitOptions } from './options.js';
import { CliExit, EXIT_MODEL, EXIT_USAGE, printDiagnostics, refuseOutputOverInput } from './output.js';
import { ModelError } from '../core/diagnostics.js';

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

export async function main(argv: string[]): Promise<void> {
  let cli = yargs(joinDashValues(argv))
    .scriptName('stockflow')
    .usage('$0 <command> [options]\n\nStock-and-flow models: simulate, compare interventions, rank leverage points.')
    .strict()
    .demandCommand(1, 'give a command, e.g. stockflow run models/teacup.yaml')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err) fail(err);
      process.stderr.write(`stockflow: ${msg}\nRun 'stockflow --help' for usage.\n`);
      process.exit(EXIT_USAGE);
    });
  for (const c of commands) cli = cli.command(c);
  cli = modelLimitOptions(cli).middleware(refuseOutputOverInput);
  try {
    await cli.parseAsync();
  } catch (e) {
    fail(e);
  }
}

await main(hideBin(process.argv));
