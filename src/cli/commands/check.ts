/**
 * `stockflow check MODEL`: every diagnostic at once — schema, names, arities, algebraic
 * loops, circular initialisation, units — and exit 0 only when the model is clean.
 */
import type { Argv, CommandModule } from 'yargs';
import { checkModel } from '../../check.js';
import { readModelFile } from '../../io/load.js';
import { CliExit, EXIT_MODEL, printDiagnostics } from '../output.js';
import { dataOptions, toReadOptions, type DataArgs } from '../options.js';

interface CheckArgs extends DataArgs {
  model: string;
  'strict-units'?: boolean;
}

export const checkCommand: CommandModule<object, CheckArgs> = {
  builder: (y: Argv) => dataOptions(y)
    .positional('model', { type: 'string', demandOption: true, describe: 'model file' })
    .option('strict-units', { type: 'boolean', default: false, describe: 'treat unit warnings as errors' })
    .example('$0 check models/kinesis-outage.yaml --strict-units', 'every schema, name, loop and unit problem at once') as unknown as Argv<CheckArgs>,
  handler: (args) => {
    const loaded = readModelFile(args.model, toReadOptions(args));
    // With schema errors the valid rest of the model is still checked (never run), so every
    // independent problem shows in one pass.
    const checked = loaded.model ? checkModel(loaded.model) : loaded.partial ? checkModel(loaded.partial, { run: false }) : [];
    const diagnostics = [...loaded.diagnostics, ...checked];
    const failing = diagnostics.filter((d) => d.severity === 'error' || (args['strict-units'] && d.code.startsWith('unit')));
    if (failing.length) throw new CliExit(EXIT_MODEL, diagnostics);
    printDiagnostics(diagnostics);
    const model = loaded.model!;
    const counts = (['stock', 'flow', 'aux', 'constant', 'lookup'] as const).map((k) => plural(model.variables.filter((v) => v.kind === k).length, k));
    process.stdout.write(`${args.model}: ok (${counts.join(', ')}${diagnostics.length ? `, ${diagnostics.length} warnings` : ''})\n`);
  },
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : word.endsWith('x') ? 'es' : 's'}`;
}
