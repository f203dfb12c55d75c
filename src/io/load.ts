/**
 * Loads a model from any supported file format, chosen by extension. Every problem —
 * missing file, empty or binary content, syntax, schema — comes back as a diagnostic.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { error, ModelError, type Diagnostic } from '../core/diagnostics.js';
import type { Model } from '../model/types.js';
import { kindOf } from './confine.js';
import { readerFor, supportedExtensions } from './formats.js';
import type { ReadOptions } from './read-options.js';

export type { ReadOptions } from './read-options.js';

export interface LoadResult {
  readonly model?: Model;
  readonly diagnostics: Diagnostic[];
  /** With schema errors, what is valid of the model, for `check` (never run it). */
  readonly partial?: Model;
}

/** Reads and lowers a model file; never throws for bad input. */
export function readModelFile(file: string, options: ReadOptions = {}): LoadResult {
  const ext = extname(file).toLowerCase();
  const reader = readerFor(ext);
  if (!reader) {
    if (isDirectory(file)) return { diagnostics: [directory(file)] };
    return { diagnostics: [error('unknown-format', ext ? `cannot read '${ext}' files` : 'the file name has no extension, which tells its format', { file, hint: `use one of ${supportedExtensions().join(', ')}` })] };
  }
  let bytes: Buffer;
  try {
    // A FIFO, socket or device named as the model would block the read or never end: refused
    // before it is opened (the data files a model names get the same check, confine.ts).
    const st = statSync(file);
    if (st.isDirectory()) return { diagnostics: [directory(file)] };
    if (!st.isFile()) return { diagnostics: [error('not-a-file', `is ${kindOf(st)}, not a regular model file`, { file, hint: 'save the model to a file and give its path' })] };
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { diagnostics: [error('missing-file', code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(e)})`, { file, hint: 'check the path' })] };
  }
  const text = decode(bytes);
  if (bytes.length === 0 || text.trim() === '') {
    return { diagnostics: [error('empty-file', 'the file is empty', { file, hint: 'a model needs at least a sim section; see docs/model-format.md' })] };
  }
  if (!utf16Bom(bytes) && looksBinary(bytes)) {
    const utf16 = looksUtf16(bytes);
    return { diagnostics: [error('binary-file', utf16 ? 'the file looks like UTF-16 text without a byte-order mark' : 'the file is binary, not a text model', { file, hint: utf16 ? 'save it as UTF-8 (or UTF-16 with a byte-order mark)' : 'give a .yaml, .json, .xmile/.stmx or .mdl text file in UTF-8 or UTF-16 with a byte-order mark' })] };
  }
  try {
    return reader(text.replace(/^\uFEFF/, ''), file, options);
  } catch (e) {
    // A reader throws only on a broken invariant; the caller still gets a diagnostic, not an exception.
    const message = e instanceof Error ? e.message : String(e);
    return { diagnostics: [error('unreadable-model', `the model could not be read: ${message.split('\n')[0]}`, { file, hint: 'please report it with the model that caused it' })] };
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function directory(file: string): Diagnostic {
  return error('not-a-file', 'is a directory, not a model file', { file, hint: 'give the path of a model file in it' });
}

/** Like readModelFile, but throws a ModelError carrying every diagnostic. */
export function loadModel(file: string, options: ReadOptions = {}): Model {
  const { model, diagnostics } = readModelFile(file, options);
  if (!model || diagnostics.some((d) => d.severity === 'error')) throw new ModelError(diagnostics);
  return model;
}

/** The UTF-16 encoding named by the file's byte-order mark, if it starts with one. */
function utf16Bom(b: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** UTF-8, or UTF-16 (little or big endian) when the file starts with its byte-order mark. */
function decode(bytes: Buffer): string {
  const utf16 = utf16Bom(bytes);
  return utf16 ? new TextDecoder(utf16).decode(bytes) : bytes.toString('utf8');
}

/** Every other byte zero over the first few hundred bytes: UTF-16 text of mostly ASCII. */
function looksUtf16(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) { if (bytes[i] === 0) even++; if (bytes[i + 1] === 0) odd++; }
  return n >= 8 && Math.max(even, odd) > 0.8 * (n / 2) && Math.min(even, odd) < 0.1 * (n / 2);
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
