/**
 * What a queue job carries, and how a worker reads it back as untrusted input. A job holds
 * the model as native YAML text (written by io/native-write, read by the same reader as a
 * model file, so every equation goes through the same whitelist and checks), the names of
 * the parameters, the output, the simulation options and one batch (a task): data only,
 * never code. Paired-ensemble jobs (one model over all draws) are in units.ts. The study id is a hash of all the batches and the model function, so the same
 * model, design and seed give the same id (what `--resume` finds again).
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { error, hasErrors, type Diagnostic } from '../../core/diagnostics.js';
import { writeNative } from '../../io/native-write.js';
import { readNative } from '../../io/native.js';
import type { ModelFunctionSpec } from '../../analysis/parallel/model-function.js';
import { taskWeight, type Task, type TaskResult } from '../../analysis/parallel/tasks.js';
import type { PairedJob, PairedUnit } from '../../analysis/leverage/paired-unit.js';
import { checkSize, decode, encode, MAX_JOB_BYTES } from './codec.js';
import { checkSpecShape, checkTaskShape } from './shapes.js';
import { readUnit, unitData, type UnitData } from './units.js';

/** The model function as plain data with the model as text. */
export interface StudySpec {
  readonly model: string;
  readonly file?: string;
  readonly params: ModelFunctionSpec['params'];
  readonly output: ModelFunctionSpec['output'];
  readonly simulate?: ModelFunctionSpec['simulate'];
}

/** A batch of runs of one model function. */
export interface JobData {
  readonly v: 1;
  readonly kind?: 'task';
  readonly study: string;
  readonly batch: number;
  readonly spec: StudySpec;
  readonly task: Task;
}

/** One model of a paired ensemble over all the draws. */
export interface UnitJobData {
  readonly v: 1;
  readonly kind: 'unit';
  readonly study: string;
  readonly batch: number;
  readonly unit: UnitData;
  readonly job: PairedJob;
}

/** A study ready for the queue: its id, one job text per batch, each batch's runs, and a check of a batch's result. */
export interface Study {
  readonly id: string;
  /** What a weight counts: runs, or models of a paired ensemble. */
  readonly unit: 'runs' | 'models';
  readonly texts: readonly string[];
  readonly weights: readonly number[];
  readonly fits: (result: unknown, batch: number) => boolean;
}

export function taskStudy(spec: ModelFunctionSpec, tasks: readonly Task[]): Study {
  const study = studyOf(spec, tasks);
  return {
    id: study.id, unit: 'runs', texts: tasks.map((t, i) => jobText(study.id, i, study.spec, t)), weights: tasks.map(taskWeight),
    fits: (r, i) => {
      const result = r as TaskResult | undefined;
      if (result?.kind !== tasks[i].kind) return false;
      return result.kind !== 'evaluate' || (result.values instanceof Float64Array && result.values.length === taskWeight(tasks[i]));
    },
  };
}

/** Progress of a paired study counts models, as on threads. */
export function unitStudy(job: PairedJob, units: readonly PairedUnit[]): Study {
  const data = units.map(unitData);
  const hash = createHash('sha256').update(encode(job));
  for (const u of data) hash.update(encode(u));
  const id = hash.digest('hex').slice(0, 24);
  const texts = data.map((unit, batch) => {
    const text = encode({ v: 1, kind: 'unit', study: id, batch, unit, job } satisfies UnitJobData);
    checkSize(text, MAX_JOB_BYTES, `model ${batch} of the study`);
    return text;
  });
  return { id, unit: 'models', texts, weights: units.map(() => 1), fits: (r) => Array.isArray(r) && r.length === job.draws.rows.length };
}

/** The spec with its model as text, and the study id of spec + tasks. */
export function studyOf(spec: ModelFunctionSpec, tasks: readonly Task[]): { spec: StudySpec; id: string } {
  const text: StudySpec = {
    model: writeNative(spec.model), file: spec.model.file && basename(spec.model.file),
    params: spec.params, output: spec.output, ...(spec.simulate ? { simulate: spec.simulate } : {}),
  };
  const hash = createHash('sha256').update(encode(text));
  for (const t of tasks) hash.update(encode(t));
  return { spec: text, id: hash.digest('hex').slice(0, 24) };
}

/** One job as text; throws when it is over MAX_JOB_BYTES. */
export function jobText(study: string, batch: number, spec: StudySpec, task: Task): string {
  const text = encode({ v: 1, study, batch, spec, task } satisfies JobData);
  checkSize(text, MAX_JOB_BYTES, `batch ${batch} of the study`);
  return text;
}

/** `key` identifies the model function (a hash of the job's spec, not the id the job claims). */
export type ReadJob = { ok: true; kind: 'task'; study: string; key: string; batch: number; spec: ModelFunctionSpec; task: Task }
  | { ok: true; kind: 'unit'; study: string; batch: number; unit: PairedUnit; job: PairedJob } | { ok: false; diagnostics: Diagnostic[] };

/** A job's text back to a model function and a task; every problem is a diagnostic. */
export function readJob(text: unknown): ReadJob {
  const bad = (message: string): ReadJob => ({ ok: false, diagnostics: [error('bad-job', `a queue job was refused: ${message}`, { hint: 'jobs must come from the same stockflow version; check who can write to this Redis' })] });
  if (typeof text !== 'string') return bad('its data is not text');
  try {
    checkSize(text, MAX_JOB_BYTES, 'the job');
  } catch (e) {
    return bad((e as Error).message);
  }
  let data: JobData | UnitJobData;
  try {
    data = decode(text) as JobData | UnitJobData;
  } catch (e) {
    return bad(`it is not valid JSON (${(e as Error).message})`);
  }
  if (!data || typeof data !== 'object' || data.v !== 1) return bad('unknown format version');
  if (typeof data.study !== 'string' || !/^[0-9a-f]{24}$/.test(data.study)) return bad('no study id');
  if (!Number.isInteger(data.batch) || data.batch < 0) return bad('no batch number');
  if (data.kind === 'unit') {
    const read = readUnit(data.unit, data.job);
    if (typeof read === 'string') return bad(read);
    if ('diagnostics' in read) return { ok: false, diagnostics: read.diagnostics };
    return { ok: true, kind: 'unit', study: data.study, batch: data.batch, ...read };
  }
  if (data.kind !== undefined) return bad('an unknown kind of job');
  const shape = checkSpecShape(data.spec) ?? checkTaskShape(data.task, (data.spec as StudySpec).params.length);
  if (shape) return bad(shape);
  const file = data.spec.file;
  const lowered = readNative(data.spec.model, file);
  if (!lowered.model || hasErrors(lowered.diagnostics)) return { ok: false, diagnostics: lowered.diagnostics };
  const spec: ModelFunctionSpec = { model: lowered.model, params: data.spec.params, output: data.spec.output, ...(data.spec.simulate ? { simulate: data.spec.simulate } : {}) };
  const key = createHash('sha256').update(encode(data.spec)).digest('hex');
  return { ok: true, kind: 'task', study: data.study, key, batch: data.batch, spec, task: data.task };
}
