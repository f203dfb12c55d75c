/**
 * The compiled validator of the native model schema. From the sources (tests, tsx) ajv
 * compiles it on first use; the bundle (scripts/bundle.mjs) replaces this module with
 * ajv's standalone code generated at build time, so the CLI neither loads ajv's compiler
 * nor compiles the schema at start-up.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { modelSchema } from './schema.js';

/** Options shared with the build-time generation. */
export const AJV_OPTIONS = { allErrors: true, strict: false } as const;

export function compileValidator(): ValidateFunction {
  return new Ajv(AJV_OPTIONS).compile(modelSchema as object);
}
