/**
 * What the CLI prints: diagnostics one per line on stderr, and exit codes
 * (0 success, 1 model problem, 2 usage error).
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { error, formatDiagnostic, hasErrors, type Diagnostic } from '../core/diagnostics.js';
import { OutputError, refuseInputs, refuseUnwritable, writeOutput } from '../io/write.js';

export const EXIT_OK = 0;
export const EXIT_MODEL = 1;
export const EXIT_USAGE = 2;

/** Thrown inside commands to stop with an exit code after printing diagnostics. */
export class CliExit extends Error {
  constructor(readonly code: number, readonly diagnostics: readonly Diagnostic[] = [], message = '') {
    super(message);
  }
}

export function printDiagnostics(diags: readonly Diagnostic[]): void {
  for (const d of diags) process.stderr.write(`${formatDiagnostic(d)}\n`);
}

/** Prints warnings; throws CliExit(1) when any diagnostic is an error. */
export function failOnErrors(diags: readonly Diagnostic[]): void {
  if (hasErrors(diags)) throw new CliExit(EXIT_MODEL, diags);
  printDiagnostics(diags);
}

/** Writes to a file through the output writer or, without a file, to stdout. */
export function emit(content: string, file?: string): void {
  if (!file || file === '-') process.stdout.write(content);
  else writing(file, () => writeOutput(file, content));
}

/** What a failed write's error code means to the user. */
const WHY: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device', EDQUOT: 'disk quota exceeded', EFBIG: 'the file is too large for the file system',
  EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'the file system is read-only',
  ENOENT: 'its folder does not exist', ENOTDIR: 'a part of its path is not a folder', EPIPE: 'the reading end of the pipe was closed', EIO: 'an input/output error',
};

/** The usage error (exit 2) for a write that failed with `e`, naming the file and the cause. */
export function writeFailure(file: string, e: unknown): CliExit {
  if (e instanceof CliExit) return e;
  if (e instanceof OutputError) return new CliExit(EXIT_USAGE, [], e.message);
  const { code, path } = e as NodeJS.ErrnoException;
  // Its folder is there (outputs make theirs) but refuses new files, as /proc and /sys do.
  const refused = code === 'ENOENT' && path && existsSync(dirname(path)) ? 'the folder does not take new files' : undefined;
  const why = code && (refused ?? WHY[code]) ? `${refused ?? WHY[code]} (${code})` : code ?? String(e);
  return new CliExit(EXIT_USAGE, [], `cannot write ${file === '-' ? 'standard output' : file}: ${why}`);
}

/** Runs a file write; a refused or failed write is a usage error (exit 2), not a stack trace. */
export function writing<T>(file: string, write: () => T): T {
  try {
    return write();
  } catch (e) {
    throw writeFailure(file, e);
  }
}

/**
 * Exit 2, a usage error: the command line is wrong whatever the model says (an unknown option,
 * a bad value, options that conflict, an output that cannot be written).
 */
export function usageError(message: string): CliExit {
  return new CliExit(EXIT_USAGE, [], message);
}

/**
 * Exit 1, a model problem: the command line is well formed but this model cannot do what it
 * asks, because the model lacks what the command needs (scenarios, metrics, reference data, a
 * clock) or does not define a name the command line gives. Printed as a located diagnostic.
 */
export function modelLacks(file: string | undefined, code: string, message: string, hint: string): CliExit {
  return new CliExit(EXIT_MODEL, [error(code, message, { file, hint })]);
}

/** A default output the command names itself (build/reports/<model>.html): checked before the work, as given ones are. */
export function defaultOutput(file: string): string {
  writing(file, () => refuseUnwritable(file));
  return file;
}

const INPUT_OPTIONS = ['model', 'input', 'data'] as const;
const OUTPUT_OPTIONS = ['csv', 'json', 'html', 'output', 'out'] as const;

/**
 * yargs middleware, run before every command: an output option naming one of the command's
 * input files (`run m.yaml --csv m.yaml`), or a place that cannot be written (a folder, a path
 * through a file, a read-only folder), is refused with exit 2 before any work is done (not
 * after a long analysis has printed its table); a bare --json becomes `--json -`. Folders
 * that do not exist yet are made when the output is written, for every format alike.
 */
export function refuseOutputOverInput(argv: Record<string, unknown>): void {
  // A bare --json (no file) is standard output, as `--json -`: the empty name was falsy, and
  // the commands quietly printed text instead of JSON.
  if (argv.json === '') argv.json = '-';
  const inputs = INPUT_OPTIONS.map((k) => argv[k]).filter((v): v is string => typeof v === 'string');
  for (const k of OUTPUT_OPTIONS) {
    const out = argv[k];
    if (typeof out !== 'string' || out === '-') continue;
    writing(out, () => refuseInputs(out, inputs));
    writing(out, () => refuseUnwritable(out));
  }
}
