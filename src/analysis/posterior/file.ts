/**
 * The ensemble file: a posterior (or any set of members) as JSON that `compare`, `rank`,
 * `sensitivity` and `report` take with `--ensemble FILE` in place of prior draws. Layout
 * (docs/calibration.md; schema in ensemble-schema.ts):
 *
 *   { format: "stockflow-ensemble", version: 1, kind: "posterior", seed,
 *     model: { file, name, sha256 }, data: { files: [ { file, sha256 } ], likelihood },
 *     sampler: { method, chains, generations, burn_in, … }, fixed: { NAME: value },
 *     convergence: { max_rhat, min_ess, rhat_threshold, ess_threshold, converged },
 *     parameters: [ { name, prior, posterior: { mean, sd, p05, p50, p95 }, rhat, ess } ],
 *     fit: [ { target, kind, variable, observed?, tolerance?, p10, p50, p90, failed } ],
 *     members: [ [value per parameter], … ] }
 *
 * Reading checks the schema, that every parameter names a constant of the model (once), and
 * that every member has one finite value per parameter; each problem is a diagnostic located
 * at its line and column. A model whose hash differs from the recorded one gets a warning.
 */
import { Ajv } from 'ajv';
import { error, warning, type Diagnostic } from '../../core/diagnostics.js';
import { canonicalName, didYouMean } from '../../core/names.js';
import type { Model } from '../../model/types.js';
import type { Draws } from '../draws.js';
import type { Posterior } from './posterior.js';
import { ENSEMBLE_FORMAT, ensembleSchema } from './ensemble-schema.js';

export interface Provenance {
  readonly model: { readonly file?: string; readonly name?: string; readonly sha256?: string };
  readonly data: { readonly files: readonly { readonly file: string; readonly sha256?: string }[] };
  /** Constants fixed with --set for every run. */
  readonly fixed?: Readonly<Record<string, number>>;
}

export const LIKELIHOOD = 'Gaussian errors, independent: event times with the stated tolerance as sd (an event beyond the run dated at its end), series points with the stated sigma';

export function posteriorJson(p: Posterior, provenance: Provenance): string {
  const s = p.sampler;
  const out = {
    format: ENSEMBLE_FORMAT, version: 1, kind: 'posterior', seed: p.seed,
    model: provenance.model, data: { ...provenance.data, likelihood: LIKELIHOOD },
    sampler: {
      method: s.method, chains: s.chains, generations: s.generations, burn_in: s.burnIn, crossover: s.crossover, crossover_probabilities: s.crossoverProbabilities, jump_rate: s.jumpRate,
      archive_every: s.archiveEvery, evaluations: s.evaluations, acceptance: s.acceptance, outlier_resets: s.outlierResets, failed_runs: s.failedRuns,
    },
    fixed: provenance.fixed ?? {},
    convergence: {
      max_rhat: p.convergence.maxRhat, min_ess: p.convergence.minEss, rhat_threshold: p.convergence.rhatThreshold,
      ess_threshold: p.convergence.essThreshold, converged: p.convergence.converged,
    },
    parameters: p.parameters.map((x) => ({ name: x.name, prior: x.prior, posterior: { mean: x.mean, sd: x.sd, p05: x.p05, p50: x.p50, p95: x.p95 }, rhat: x.rhat, ess: x.ess })),
    fit: p.fit,
    members: p.members,
  };
  return `${JSON.stringify(out, null, 1)}\n`;
}

/** Line and column of the value at a JSON path (io's locator). */
export type Locate = (segments: readonly string[]) => Partial<Diagnostic>;

export interface EnsembleFileInput {
  readonly value: unknown;
  readonly file: string;
  readonly locate: Locate;
  /** sha256 of the model file being run, to compare with the recorded one. */
  readonly modelSha256?: string;
}

let validate: ReturnType<Ajv['compile']> | undefined;

/** The members as draws for `model`, or every problem with the file. */
export function ensembleFromJson(model: Model, input: EnsembleFileInput): { draws?: Draws; diagnostics: Diagnostic[] } {
  const { file, locate } = input;
  const at = (path: (string | number)[]) => ({ file, field: path.join('.') || undefined, ...locate(path.map(String)) });
  validate ??= new Ajv({ allErrors: true, strict: false }).compile(ensembleSchema);
  if (!validate(input.value)) {
    return {
      diagnostics: (validate.errors ?? []).slice(0, 20).map((e) => {
        const path = e.instancePath.split('/').slice(1);
        return error('bad-ensemble', `${path.length ? path.join('.') : 'the file'} ${e.message ?? 'is invalid'}`, { ...at(path), hint: 'an ensemble file is written by `stockflow calibrate --posterior N --out FILE` (docs/calibration.md)' });
      }),
    };
  }
  const doc = input.value as { seed: number; parameters: { name: string }[]; members: number[][]; model?: { sha256?: string } };
  const diagnostics: Diagnostic[] = [];
  const constants = new Map(model.variables.map((v) => [v.id, v]));
  const seen = new Set<string>();
  doc.parameters.forEach((p, i) => {
    const id = canonicalName(p.name);
    const v = constants.get(id);
    if (!v) {
      const guess = didYouMean(id, constants.keys());
      diagnostics.push(error('unknown-variable', `the ensemble varies '${p.name}', which is not in the model`, { ...at(['parameters', i, 'name']), hint: guess ? `did you mean '${constants.get(guess)!.name}'?` : 'was the ensemble made for another model?' }));
    } else if (v.kind !== 'constant') {
      diagnostics.push(error('not-a-parameter', `the ensemble varies '${p.name}', a ${v.kind} of the model, not a constant`, { ...at(['parameters', i, 'name']), hint: 'an ensemble sets constants only' }));
    }
    if (seen.has(id)) diagnostics.push(error('duplicate-name', `'${p.name}' is listed twice`, at(['parameters', i, 'name'])));
    seen.add(id);
  });
  doc.members.forEach((row, i) => {
    if (row.length !== doc.parameters.length) diagnostics.push(error('bad-ensemble', `member ${i} has ${row.length} values for ${doc.parameters.length} parameters`, { ...at(['members', i]), hint: 'one value per entry of parameters, in that order' }));
  });
  const recorded = doc.model?.sha256;
  if (recorded && input.modelSha256 && recorded !== input.modelSha256) {
    diagnostics.push(warning('ensemble-model-changed', `the ensemble was drawn for another version of ${model.file ?? 'the model'} (sha256 ${recorded.slice(0, 12)}…, now ${input.modelSha256.slice(0, 12)}…)`, { ...at(['model', 'sha256']), hint: 'calibrate again if the change touches what the data constrain' }));
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  // what the current run fixes is decided by its own --set (draws.ts: membersFor)
  return { draws: { seed: doc.seed, factors: doc.parameters.map((p) => p.name), rows: doc.members, fixed: [], from: file }, diagnostics };
}
