/**
 * Validates a parsed native model document against the JSON Schema and reports each
 * violation as a diagnostic naming the element and the field.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { error, type Diagnostic } from '../core/diagnostics.js';
import { compileValidator } from './schema-validator.js';

let compiled: ValidateFunction | undefined;
/** The schema's validator, compiled when the first native model is read (not at start-up). */
const validator = (): ValidateFunction => (compiled ??= compileValidator());

const SECTIONS = new Set(['stocks', 'flows', 'auxiliaries', 'constants', 'lookups', 'metrics']);

/** The JSON-pointer path of a problem, split into segments. */
export type PathOf = (segments: readonly string[]) => Partial<Diagnostic>;

export function validateNative(doc: unknown, file: string | undefined, locate: PathOf): Diagnostic[] {
  return schemaProblems(doc, file, locate).diagnostics;
}

/** The schema's diagnostics and the document path (split into segments) of each problem. */
export function schemaProblems(doc: unknown, file: string | undefined, locate: PathOf): { diagnostics: Diagnostic[]; paths: string[][] } {
  const validateDocument = validator();
  if (validateDocument(doc)) return { diagnostics: [], paths: [] };
  const errors = pruneOneOf(validateDocument.errors ?? []);
  return { diagnostics: errors.map((e) => toDiagnostic(e, file, locate)), paths: errors.map(segmentsOf) };
}

function segmentsOf(e: ErrorObject): string[] {
  const segments = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return e.keyword === 'additionalProperties' ? [...segments, String((e.params as Record<string, unknown>).additionalProperty)] : segments;
}

/** `oneOf` failures produce one error per branch; keep the most specific. */
function pruneOneOf(errors: ErrorObject[]): ErrorObject[] {
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  if (oneOfPaths.size === 0) return errors;
  const kept = errors.filter((e) => !(oneOfPaths.has(e.instancePath) && e.keyword !== 'oneOf') && !(e.keyword === 'required' && oneOfPaths.has(e.instancePath)));
  return kept.filter((e, i) => kept.findIndex((o) => o.instancePath === e.instancePath && o.message === e.message) === i);
}

function toDiagnostic(e: ErrorObject, file: string | undefined, locate: PathOf): Diagnostic {
  const segments = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const where: Partial<Diagnostic> = { file, ...locate(segments) };
  if (SECTIONS.has(segments[0]) && segments[1] !== undefined) {
    Object.assign(where, { variable: segments[1], field: segments.slice(2).join('.') || undefined });
  } else if (segments.length) {
    Object.assign(where, { field: segments.join('.') });
  }
  const p = e.params as Record<string, unknown>;
  let message = e.message ?? 'is invalid';
  let hint: string | undefined;
  if (e.keyword === 'additionalProperties') {
    message = `unknown field '${String(p.additionalProperty)}'`;
    hint = 'check the spelling against docs/model-format.md';
  } else if (e.keyword === 'required') {
    message = `missing field '${String(p.missingProperty)}'`;
    hint = `add '${String(p.missingProperty)}'`;
  } else if (e.keyword === 'enum') {
    message = `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (e.keyword === 'oneOf') {
    message = 'is not a recognised change';
    hint = 'use one of set, replace, lookup, add, remove, connect, disconnect (docs/model-format.md)';
  } else if (e.keyword === 'exclusiveMinimum') {
    message = `must be greater than ${String(p.limit)}`;
  }
  return error('schema', message, { ...where, hint });
}
