/**
 * A text file the user names on the command line (calibrate --data, --ensemble): not confined
 * to a model's folder, since the user chose it, but read through the same resolver as a
 * model's data files, so it must be a regular file under the size cap (a FIFO never blocks).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { error, type Diagnostic } from '../core/diagnostics.js';
import { dataAccess } from './confine.js';

/** The file's text without a byte-order mark, or a located `missing-file` diagnostic. */
export function readGivenText(file: string, what: string, hint: string): { text?: string; diagnostics: Diagnostic[] } {
  const path = resolve(file);
  if (!existsSync(path)) return { diagnostics: [error('missing-file', `no such ${what}`, { file, hint })] };
  const read = dataAccess(dirname(path)).read(path, true);
  if (!read.ok) return { diagnostics: [error('missing-file', `cannot read the ${what}: ${read.problem}`, { file, hint: read.hint })] };
  return { text: read.bytes.toString('utf8').replace(/^\uFEFF/, ''), diagnostics: [] };
}
