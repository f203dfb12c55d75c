/**
 * The registry of model readers by file extension. Adding a format edits only this table.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import type { Model } from '../model/types.js';
import { readNative } from './native.js';

export type Reader = (text: string, file?: string) => { model?: Model; diagnostics: Diagnostic[] };

const readers: ReadonlyMap<string, Reader> = new Map<string, Reader>([
  ['.yaml', readNative],
  ['.yml', readNative],
  ['.json', readNative],
]);

export function readerFor(ext: string): Reader | undefined {
  return readers.get(ext.toLowerCase());
}

export function supportedExtensions(): string[] {
  return [...readers.keys()];
}
