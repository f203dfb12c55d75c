/**
 * `stockflow convert IN OUT`: from any readable format to XMILE (.xmile/.stmx) or to the
 * native format (.yaml/.json). The written file reads back to the same simulation.
 */
import { extname } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { readModelFile } from '../../io/load.js';
import { toReadOptions } from '../options.js';
import { writeNative } from '../../io/native-write.js';
import { writeXmileWithNotes } from '../../io/xmile/index.js';
import type { Diagnostic } from '../../core/diagnostics.js';
import type { Model } from '../../model/types.js';
import { parse as parseYaml } from 'yaml';
import { emit, failOnErrors, printDiagnostics, usageError } from '../output.js';

interface ConvertArgs { input: string; output: string }

/** A writer gives the text, and warnings about what the format cannot carry. */
type Writer = (m: Model) => { text: string; notes: readonly Diagnostic[] };
const plain = (write: (m: Model) => string): Writer => (m) => ({ text: write(m), notes: [] });

const WRITERS: Readonly<Record<string, Writer>> = {
  '.xmile': writeXmileWithNotes,
  '.stmx': writeXmileWithNotes,
  '.xml': writeXmileWithNotes,
  '.yaml': plain(writeNative),
  '.yml': plain(writeNative),
  '.json': plain((m) => `${JSON.stringify(readBack(writeNative(m)), null, 2)}\n`),
};

/** JSON output is the YAML document as JSON (the schema is shared). */
function readBack(yaml: string): unknown {
  return JSON.parse(JSON.stringify(parseYaml(yaml)));
}

export const convertCommand: CommandModule<object, ConvertArgs> = {
  builder: (y: Argv) => y
    .positional('input', { type: 'string', demandOption: true, describe: 'model to read' })
    .positional('output', { type: 'string', demandOption: true, describe: 'file to write; its extension picks the format' })
    .example('$0 convert models/sir-epidemic.xmile sir.yaml', 'an XMILE model as native YAML')
    .example('$0 convert models/teacup.yaml teacup.stmx', 'a native model for Stella') as unknown as Argv<ConvertArgs>,
  handler: (args) => {
    const writer = WRITERS[extname(args.output).toLowerCase()];
    if (!writer) throw usageError(`cannot write '${extname(args.output) || args.output}' files; use one of ${Object.keys(WRITERS).join(', ')}`);
    const loaded = readModelFile(args.input, toReadOptions(args));
    failOnErrors(loaded.diagnostics);
    const written = writer(loaded.model!);
    emit(written.text, args.output);
    printDiagnostics(written.notes);
    process.stderr.write(`wrote ${args.output}\n`);
  },
};
