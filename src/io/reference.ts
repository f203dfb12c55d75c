/**
 * The reference data a model declares (`reference: { events: FILE, series: FILE }`, paths
 * relative to the model file), read with the calibration data reader (io/data.ts). Each
 * file must have the layout its key says.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { error, type Diagnostic } from '../core/diagnostics.js';
import type { Model } from '../model/types.js';
import type { ReferenceData, Target } from '../analysis/calibrate/targets.js';
import { dataAccess, type DataAccessOptions } from './confine.js';
import { parseData, type DataLoad } from './data.js';

export interface ReferenceLoad {
  /** undefined when the model declares no reference data. */
  readonly data?: ReferenceData;
  readonly diagnostics: Diagnostic[];
}

/** Where a file the model names lives: relative paths are taken from the model file's folder. */
export function besideModel(model: Pick<Model, 'file'>, path: string): string {
  return isAbsolute(path) || !model.file ? path : resolve(dirname(model.file), path);
}

/** Reads the declared files through the model's confined data access (its folder, regular files, a size cap). */
export function readModelReference(model: Model, options: DataAccessOptions = {}): ReferenceLoad {
  const ref = model.reference;
  if (!ref) return { diagnostics: [] };
  const data = dataAccess(model.file ? dirname(model.file) : '.', options);
  const readDataFile = (file: string, path: string): DataLoad => {
    const read = data.read(path);
    if (!read.ok) return { diagnostics: [error('missing-file', `reference data: ${read.problem}`, { file: model.file, field: 'reference', hint: read.hint })] };
    return parseData(read.bytes.toString('utf8').replace(/^\uFEFF/, ''), file);
  };
  const diagnostics: Diagnostic[] = [];
  const targets: Target[] = [];
  const files = [...ref.events.map((f) => ['event', f] as const), ...ref.series.map((f) => ['series', f] as const)];
  for (const [kind, path] of files) {
    const file = besideModel(model, path);
    const loaded = readDataFile(file, path);
    diagnostics.push(...loaded.diagnostics);
    if (!loaded.data) continue;
    const wrong = loaded.data.targets.find((t) => t.kind !== kind);
    if (wrong) {
      diagnostics.push(error('bad-data', `reference.${kind === 'event' ? 'events' : 'series'} names a file of ${wrong.kind === 'event' ? 'events' : 'series'}`, { file: model.file, field: 'reference', hint: `list '${path}' under reference.${wrong.kind === 'event' ? 'events' : 'series'}` }));
      continue;
    }
    targets.push(...loaded.data.targets);
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return { data: { file: files.length === 1 ? besideModel(model, files[0][1]) : model.file, targets }, diagnostics };
}
