/**
 * The registry of model readers by file extension. Adding a format edits only this table.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import type { Model } from '../model/types.js';
import { readNative } from './native.js';
import type { ReadOptions } from './read-options.js';
import { readVensim } from './vensim/index.js';
import { readXmile } from './xmile/index.js';

export type Reader = (text: string, file?: string, options?: ReadOptions) => { model?: Model; diagnostics: Diagnostic[] };

const readers: ReadonlyMap<string, Reader> = new Map<string, Reader>([
  ['.yaml', readNative],
  ['.yml', readNative],
  ['.json', readNative],
  ['.mdl', readVensim],
  ['.xmile', readXmile],
  ['.stmx', readXmile],
  ['.itmx', readXmile],
  ['.xml', readXmile],
]);

export function readerFor(ext: string): Reader | undefined {
  return readers.get(ext.toLowerCase());
}

export function supportedExtensions(): string[] {
  return [...readers.keys()];
}
