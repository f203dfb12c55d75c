/**
 * What the CLI prints: diagnostics one per line on stderr, and exit codes
 * (0 success, 1 model problem, 2 usage error).
 */
import { formatDiagnostic, hasErrors, type Diagnostic } from '../core/diagnostics.js';
import { writeFileAtomic } from '../io/write.js';

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

/** Writes to a file (atomically) or, without a file, to stdout. */
export function emit(content: string, file?: string): void {
  if (!file || file === '-') process.stdout.write(content);
  else {
    try {
      writeFileAtomic(file, content);
    } catch (e) {
      throw new CliExit(EXIT_USAGE, [], `cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  }
}

export function usageError(message: string): CliExit {
  return new CliExit(EXIT_USAGE, [], message);
}
