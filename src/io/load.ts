/**
 * Loads a model from any supported file format, chosen by extension. Every problem —
 * missing file, empty or binary content, syntax, schema — comes back as a diagnostic.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { error, ModelError, type Diagnostic } from '../core/diagnostics.js';
import type { Model } from '../model/types.js';
import { readerFor, supportedExtensions } from './formats.js';
import type { ReadOptions } from './read-options.js';

export type { ReadOptions } from './read-options.js';

export interface LoadResult {
  readonly model?: Model;
  readonly diagnostics: Diagnostic[];
}

/** Reads and lowers a model file; never throws for bad input. */
export function readModelFile(file: string, options: ReadOptions = {}): LoadResult {
  const ext = extname(file).toLowerCase();
  const reader = readerFor(ext);
  if (!reader) {
    return { diagnostics: [error('unknown-format', `cannot read '${ext || file}' files`, { file, hint: `use one of ${supportedExtensions().join(', ')}` })] };
  }
  let bytes: Buffer;
  try {
    if (statSync(file).isDirectory()) return { diagnostics: [error('not-a-file', 'is a directory, not a model file', { file })] };
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { diagnostics: [error('missing-file', code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(e)})`, { file, hint: 'check the path' })] };
  }
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '') {
    return { diagnostics: [error('empty-file', 'the file is empty', { file, hint: 'a model needs at least a sim section; see docs/model-format.md' })] };
  }
  if (looksBinary(bytes)) {
    return { diagnostics: [error('binary-file', 'the file is binary, not a text model', { file, hint: 'give a .yaml, .json, .xmile/.stmx or .mdl text file' })] };
  }
  return reader(bytes.toString('utf8').replace(/^\uFEFF/, ''), file, options);
}

/** Like readModelFile, but throws a ModelError carrying every diagnostic. */
export function loadModel(file: string, options: ReadOptions = {}): Model {
  const { model, diagnostics } = readModelFile(file, options);
  if (!model || diagnostics.some((d) => d.severity === 'error')) throw new ModelError(diagnostics);
  return model;
}

function looksBinary(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 8000);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) odd++;
  }
  return odd > n * 0.1;
}
