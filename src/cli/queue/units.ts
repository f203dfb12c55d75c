/**
 * Queue jobs of a paired ensemble (compare --uncertainty, rank): one job per model (the
 * baseline, or a scenario applied to it) with the shared draws, metrics and simulation
 * options. The model travels as native YAML text and is read back by the model reader; the
 * scenario travels as its id only and is looked up in the model read back (runDraws needs it
 * for the constants the scenario pins), so no scenario structure comes from the job itself.
 */
import { basename } from 'node:path';
import { error, hasErrors, type Diagnostic } from '../../core/diagnostics.js';
import type { Metric } from '../../model/types.js';
import { writeNative } from '../../io/native-write.js';
import { readNative } from '../../io/native.js';
import type { PairedJob, PairedUnit } from '../../analysis/leverage/paired-unit.js';
import { checkSimulate, isNumber, isObject, numbers, optional } from './shapes.js';

export interface UnitData {
  readonly model: string;
  readonly file?: string;
  readonly scenario?: string;
}

export function unitData(unit: PairedUnit): UnitData {
  return { model: writeNative(unit.model), file: unit.model.file && basename(unit.model.file), ...(unit.scenario ? { scenario: unit.scenario.id } : {}) };
}

/** The job's unit and shared data back as a PairedUnit and PairedJob, or what is wrong. */
export function readUnit(unit: unknown, job: unknown): { unit: PairedUnit; job: PairedJob } | { diagnostics: Diagnostic[] } | string {
  if (!isObject(unit) || typeof unit.model !== 'string' || !optional(unit.file, (f) => typeof f === 'string') || !optional(unit.scenario, (s) => typeof s === 'string')) return 'a bad model unit';
  const shape = checkPairedJob(job);
  if (shape) return shape;
  const lowered = readNative(unit.model, unit.file as string | undefined);
  if (!lowered.model || hasErrors(lowered.diagnostics)) return { diagnostics: lowered.diagnostics };
  const scenario = unit.scenario === undefined ? undefined : lowered.model.scenarios?.find((s) => s.id === unit.scenario);
  if (unit.scenario !== undefined && !scenario) return { diagnostics: [error('unknown-scenario', `the job names scenario '${unit.scenario}', which its model does not define`)] };
  return { unit: { model: lowered.model, ...(scenario ? { scenario } : {}) }, job: job as PairedJob };
}

function checkPairedJob(job: unknown): string | undefined {
  if (!isObject(job) || !isObject(job.draws) || !Array.isArray(job.metrics) || !optional(job.simulate, checkSimulate)) return 'a bad ensemble job';
  const d = job.draws;
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (!isNumber(d.seed) || !strings(d.factors) || !strings(d.fixed) || !Array.isArray(d.rows)) return 'bad draws';
  if (!d.rows.every((r) => numbers(r) && (r as number[]).length === (d.factors as string[]).length)) return 'bad draws';
  const metricOk = (m: unknown) => isObject(m) && typeof m.name === 'string' && typeof m.variable === 'string' && typeof m.aggregate === 'string'
    && (m.better === 'lower' || m.better === 'higher') && optional(m.threshold, isNumber);
  return (job.metrics as Metric[]).every(metricOk) ? undefined : 'bad metrics';
}
