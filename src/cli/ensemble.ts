/**
 * `--ensemble FILE` for commands that run ensembles (compare, rank, sensitivity, report): the
 * members of an ensemble file (`calibrate --posterior N --out FILE`) replace the prior draws.
 */
import type { Argv } from 'yargs';
import type { Model } from '../model/types.js';
import type { Draws } from '../analysis/draws.js';
import { readEnsembleFile } from '../io/ensemble.js';
import { failOnErrors, usageError } from './output.js';

export function ensembleOption<T>(y: Argv<T>) {
  return y.option('ensemble', { type: 'string', describe: 'run the members of this ensemble file (from `calibrate --posterior N --out FILE`) instead of prior draws' });
}

/** The members, or undefined without --ensemble; exits 1 with located diagnostics on a bad file. */
export function readEnsembleArg(file: string | undefined, model: Model): Draws | undefined {
  if (file === undefined) return undefined;
  if (!file.trim()) throw usageError('--ensemble needs a file name');
  const r = readEnsembleFile(file, model);
  failOnErrors(r.diagnostics);
  return r.draws;
}
