/**
 * `stockflow calibrate MODEL --data FILE --posterior N --out FILE`: the posterior ensemble of the
 * uncertain constants by DREAM(ZS), its diagnostics printed (warnings on stderr when R-hat or
 * ESS miss their thresholds) and the ensemble file written with its provenance.
 */
import { tableWidth, type WideArgs } from '../width.js';
import { timeAxisOf } from '../../analysis/metric-format.js';
import type { Model } from '../../model/types.js';
import type { ReferenceData } from '../../analysis/calibrate/index.js';
import type { ParamRange } from '../../analysis/sensitivity/index.js';
import type { SimulateOptions } from '../../sim/simulate.js';
import { formatPosterior, posteriorJson, samplePosterior } from '../../analysis/posterior/index.js';
import { fileSha256 } from '../../io/ensemble.js';
import { besideModel } from '../../io/reference.js';
import { emit, failOnErrors, usageError } from '../output.js';
import { workerCount } from './sensitivity.js';
import { progressBar } from '../progress.js';
import { withQueue, type QueueArgs } from '../queue/options.js';

export interface PosteriorArgs extends QueueArgs, WideArgs {
  model: string;
  data?: string;
  posterior?: number;
  chains?: number;
  generations?: number;
  'burn-in'?: number;
  out?: string;
  seed: number;
  workers?: number;
}

export function checkPosteriorArgs(args: PosteriorArgs): void {
  const whole = (name: string, v: number | undefined, min: number) => {
    if (v !== undefined && (!Number.isInteger(v) || v < min)) throw usageError(`--${name} expects a whole number ≥ ${min} (got ${v})`);
  };
  if (args.posterior === undefined) {
    for (const k of ['chains', 'generations', 'burn-in', 'out'] as const) if (args[k] !== undefined) throw usageError(`--${k} belongs to --posterior N`);
    return;
  }
  whole('posterior', args.posterior, 1);
  whole('chains', args.chains, 4);
  whole('generations', args.generations, 20);
  whole('burn-in', args['burn-in'], 0);
  if (!args.out) throw usageError('--posterior N needs --out FILE for the ensemble (a JSON file that compare/rank/sensitivity/report read with --ensemble)');
}

export async function runPosterior(args: PosteriorArgs, model: Model, data: ReferenceData, params: ParamRange[], simulate: SimulateOptions): Promise<void> {
  const progress = progressBar('generations');
  try {
    const out = await withQueue(args, (executor) => samplePosterior(model, {
      params, data, members: args.posterior!, chains: args.chains, generations: args.generations, burnIn: args['burn-in'],
      seed: args.seed, simulate, workers: workerCount(args.workers), executor, onProgress: progress.update,
    }));
    progress.stop();
    failOnErrors(out.diagnostics);
    const p = out.result!;
    const provenance = {
      model: { file: args.model, name: model.name, sha256: fileSha256(args.model) },
      data: { files: dataFiles(args.data, model).map((file) => ({ file, sha256: fileSha256(file) })) },
      fixed: simulate.overrides ?? {},
    };
    emit(posteriorJson(p, provenance), args.out);
    emit(formatPosterior(p, { title: model.name, time: timeAxisOf(model.sim), members: args.out, width: tableWidth(args) }));
  } finally {
    progress.stop();
  }
}

/** The data files read: --data, else the model's reference files. */
function dataFiles(data: string | undefined, model: Model): string[] {
  if (data) return [data];
  return [...(model.reference?.events ?? []), ...(model.reference?.series ?? [])].map((f) => besideModel(model, f));
}
