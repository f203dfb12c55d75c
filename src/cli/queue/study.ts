/**
 * What a queue job carries, and how a worker reads it back as untrusted input. A job holds
 * the model as native YAML text (written by io/native-write, read by the same reader as a
 * model file, so every equation goes through the same whitelist and checks), the names of
 * the parameters, the output, the simulation options and one batch (a task): data only,
 * never code. The study id is a hash of all the batches and the model function, so the same
 * model, design and seed give the same id (what `--resume` finds again).
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { error, hasErrors, type Diagnostic } from '../../core/diagnostics.js';
import { writeNative } from '../../io/native-write.js';
import { readNative } from '../../io/native.js';
import type { ModelFunctionSpec } from '../../analysis/parallel/model-function.js';
import type { Task } from '../../analysis/parallel/tasks.js';
import { checkSize, decode, encode, MAX_JOB_BYTES } from './codec.js';
import { checkSpecShape, checkTaskShape } from './shapes.js';

/** The model function as plain data with the model as text. */
export interface StudySpec {
  readonly model: string;
  readonly file?: string;
  readonly params: ModelFunctionSpec['params'];
  readonly output: ModelFunctionSpec['output'];
  readonly simulate?: ModelFunctionSpec['simulate'];
}

export interface JobData {
  readonly v: 1;
  readonly study: string;
  readonly batch: number;
  readonly spec: StudySpec;
  readonly task: Task;
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

export type ReadJob = { ok: true; study: string; batch: number; spec: ModelFunctionSpec; task: Task } | { ok: false; diagnostics: Diagnostic[] };

/** A job's text back to a model function and a task; every problem is a diagnostic. */
export function readJob(text: unknown): ReadJob {
  const bad = (message: string): ReadJob => ({ ok: false, diagnostics: [error('bad-job', `a queue job was refused: ${message}`, { hint: 'jobs must come from the same stockflow version; check who can write to this Redis' })] });
  if (typeof text !== 'string') return bad('its data is not text');
  try {
    checkSize(text, MAX_JOB_BYTES, 'the job');
  } catch (e) {
    return bad((e as Error).message);
  }
  let data: JobData;
  try {
    data = decode(text) as JobData;
  } catch (e) {
    return bad(`it is not valid JSON (${(e as Error).message})`);
  }
  if (!data || typeof data !== 'object' || data.v !== 1) return bad('unknown format version');
  if (typeof data.study !== 'string' || !/^[0-9a-f]{24}$/.test(data.study)) return bad('no study id');
  if (!Number.isInteger(data.batch) || data.batch < 0) return bad('no batch number');
  const shape = checkSpecShape(data.spec) ?? checkTaskShape(data.task, (data.spec as StudySpec).params.length);
  if (shape) return bad(shape);
  const file = data.spec.file;
  const lowered = readNative(data.spec.model, file);
  if (!lowered.model || hasErrors(lowered.diagnostics)) return { ok: false, diagnostics: lowered.diagnostics };
  const spec: ModelFunctionSpec = { model: lowered.model, params: data.spec.params, output: data.spec.output, ...(data.spec.simulate ? { simulate: data.spec.simulate } : {}) };
  return { ok: true, study: data.study, batch: data.batch, spec, task: data.task };
}
