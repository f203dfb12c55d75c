/**
 * What a model reader may be told besides the model text: the data files a run is given
 * (Vensim's data `.vdf`/`.dat`/`.tab` inputs for data variables) and the `?tag` aliases by which
 * a model names its spreadsheets (`GET DIRECT DATA('?data', …)`, resolved by the caller's
 * configuration). Paths are relative to the model file's folder unless absolute.
 */
export interface ReadOptions {
  /** Data files for data variables (`x ~~|`): Vensim `.dat` blocks or time-first tables. */
  readonly dataFiles?: readonly string[];
  /** `?tag` → file, for GET XLS / GET DIRECT functions that name a tag instead of a file. */
  readonly dataAliases?: Readonly<Record<string, string>>;
}
