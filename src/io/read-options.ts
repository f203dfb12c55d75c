/**
 * What a model reader may be told besides the model text. The caller's own data (files and
 * `?tag` aliases it names itself) and what it lifts when reading an untrusted model file: the
 * folders the model's data files may come from, the size cap on one data file
 * (io/confine.ts), and the expansion budget on variables after arrays, macros and modules.
 */
import type { DataAccessOptions } from './confine.js';

export interface ReadOptions extends DataAccessOptions {
  /** Data files for data variables (`x ~~|`): Vensim `.dat` blocks or time-first tables. Paths are relative to the model file's folder unless absolute. */
  readonly dataFiles?: readonly string[];
  /** `?tag` → file, for GET XLS / GET DIRECT functions that name a tag instead of a file. */
  readonly dataAliases?: Readonly<Record<string, string>>;
  /** Most variables (array elements counted one by one) a model may expand to. */
  readonly maxElements?: number;
  /**
   * The integration method the model will run with instead of its file's own (a --method):
   * warnings about the file's method are then left out, and notes about this one given.
   */
  readonly method?: string;
}
