/**
 * Reads an ensemble file (`--ensemble FILE`, written by `calibrate --posterior`) for a model,
 * and hashes files for the provenance an ensemble records. The file's content is checked by
 * analysis/posterior/file.ts; every problem is a diagnostic located at its line and column.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { error, type Diagnostic } from '../core/diagnostics.js';
import type { Model } from '../model/types.js';
import type { Draws } from '../analysis/draws.js';
import { ensembleFromJson } from '../analysis/posterior/file.js';
import { parseLocated } from './located.js';
import { readGivenText } from './given.js';

/** sha256 of a file's bytes (hex), or undefined when it cannot be read. */
export function fileSha256(file: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return undefined;
  }
}

export function readEnsembleFile(file: string, model: Model): { draws?: Draws; diagnostics: Diagnostic[] } {
  const read = readGivenText(file, 'ensemble file', 'give the file written by `stockflow calibrate --posterior N --out FILE`');
  if (read.text === undefined) return { diagnostics: read.diagnostics };
  const parsed = parseLocated(read.text, file);
  if (parsed.diagnostics.length) return { diagnostics: parsed.diagnostics };
  return ensembleFromJson(model, { value: parsed.value, file, locate: parsed.locate, modelSha256: model.file ? fileSha256(model.file) : undefined });
}
