/**
 * Vensim .mdl reader: `readVensim(text, file?)` returns the internal Model (arrays expanded
 * into scalar variables, equations in the native language) and every diagnostic found.
 * External data (GET XLS/DIRECT) is read from files beside `file`, confined to its folder
 * (and `options.dataDirs`) by io/confine.ts.
 */
import { error, type Diagnostic } from '../../core/diagnostics.js';
import type { Model } from '../../model/types.js';
import type { ReadOptions } from '../read-options.js';
import { readMdl } from './read.js';

export function readVensim(text: string, file?: string, options: ReadOptions = {}): { model?: Model; diagnostics: Diagnostic[] } {
  try {
    return readMdl(text.replace(/^\uFEFF/, ''), file, options);
  } catch (e) {
    if (e instanceof RangeError) {
      return { diagnostics: [error('too-deep', 'the model nests expressions too deeply to read', { file, hint: 'split long equations into auxiliary variables' })] };
    }
    throw e;
  }
}
