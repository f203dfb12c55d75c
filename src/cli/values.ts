/**
 * Option values yargs lets through without a word: a number option given no value
 * (`--dt` at the end of the line is undefined, so the model's dt was used silently), a value
 * that is not a number (`--dt abc` is NaN), a repeatable option given nothing (`--set`).
 * Each is a usage error (exit 2) naming the option, before any work.
 */
import { usageError } from './output.js';

/** yargs's internal keys, and camel-case copies it adds for dashed names. */
const SKIP: ReadonlySet<string> = new Set(['_', '$0']);

/** yargs middleware: throws a usage error for the first option given without a usable value. */
export function refuseEmptyValues(argv: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(argv)) {
    if (SKIP.has(key) || /[A-Z]/.test(key)) continue;
    const option = key.length === 1 ? `-${key}` : `--${key}`;
    if (value === undefined || (Array.isArray(value) && value.length === 0)) throw usageError(`${option} needs a value`);
    const numbers = Array.isArray(value) ? value : [value];
    if (numbers.some((v) => typeof v === 'number' && Number.isNaN(v))) throw usageError(`${option} expects a number`);
  }
}
