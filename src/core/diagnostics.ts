/**
 * Diagnostics: model problems reported to the user, collected and returned all at once.
 * Every diagnostic has a stable `code` (e.g. `unknown-variable`), a severity, a message,
 * and as much location as is known: file, variable, field, line/column in the source.
 * Code throws only on broken invariants; bad input becomes diagnostics.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file?: string;
  /** The variable (as written in the model) the problem is about. */
  readonly variable?: string;
  /** The field of the element, e.g. `equation`, `initial`, `units`. */
  readonly field?: string;
  readonly line?: number;
  readonly column?: number;
  /** How to fix it, in one sentence. */
  readonly hint?: string;
}

export function error(code: string, message: string, where: Partial<Diagnostic> = {}): Diagnostic {
  return { ...where, code, severity: 'error', message };
}

export function warning(code: string, message: string, where: Partial<Diagnostic> = {}): Diagnostic {
  return { ...where, code, severity: 'warning', message };
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/** One line per problem: `file:line:col: error[code] variable 'x' (field): message — hint`. */
export function formatDiagnostic(d: Diagnostic): string {
  let loc = d.file ?? '';
  if (d.line !== undefined) loc += `:${d.line}${d.column !== undefined ? `:${d.column}` : ''}`;
  const parts: string[] = [];
  if (loc) parts.push(`${loc}:`);
  parts.push(`${d.severity}[${d.code}]`);
  if (d.variable !== undefined) parts.push(`'${d.variable}'${d.field ? ` (${d.field})` : ''}:`);
  else if (d.field) parts.push(`(${d.field}):`);
  let text = `${parts.join(' ')} ${d.message}`;
  if (d.hint) text += ` — ${d.hint}`;
  return text;
}

/**
 * Raised by library entry points when a stage cannot go on; carries every diagnostic.
 * The CLI prints them one per line and exits 1.
 */
export class ModelError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'ModelError';
    this.diagnostics = diagnostics;
  }
}

/**
 * One diagnostic per problem of an arrayed variable: readers that build `x[DimA]` element by
 * element find the same problem (same code, place and message) in every element, which is
 * said once about `x`, with how many elements have it. Exact repeats are dropped too.
 */
export function perVariable(diags: readonly Diagnostic[]): Diagnostic[] {
  const groups = new Map<string, { first: Diagnostic; base?: string; message: string; hint?: string; elements: Set<string> }>();
  for (const d of diags) {
    const base = d.variable === undefined ? undefined : /^(.+?)\[[^\]]*\]$/s.exec(d.variable)?.[1];
    const message = base ? d.message.split(d.variable!).join(base) : d.message;
    const hint = base ? d.hint?.split(d.variable!).join(base) : d.hint;
    const key = JSON.stringify([d.code, d.severity, d.file, d.line, d.column, d.field, hint, base ?? d.variable, message]);
    const group = groups.get(key);
    if (group) group.elements.add(d.variable ?? '');
    else groups.set(key, { first: d, base, message, hint, elements: new Set([d.variable ?? '']) });
  }
  return [...groups.values()].map(({ first, base, message, hint, elements }) => (base && elements.size > 1
    ? { ...first, variable: base, message: `${message}, in ${elements.size} elements`, ...(hint === undefined ? {} : { hint }) }
    : first));
}

/** Adds `file` (and any other location fields) to diagnostics that lack them. */
export function locate(diags: readonly Diagnostic[], where: Partial<Diagnostic>): Diagnostic[] {
  return diags.map((d) => ({ ...where, ...d }));
}

/**
 * A location whose line and column are looked up when first read: finding them may parse the
 * model file again with positions, which a model that builds and runs cleanly never needs.
 * Spreading it (`{ ...where, hint }`) reads them.
 */
export function lazyPosition<T extends object>(fixed: T, find: () => { readonly line?: number; readonly column?: number }): T & { readonly line?: number; readonly column?: number } {
  let found: { readonly line?: number; readonly column?: number } | undefined;
  const get = () => (found ??= find());
  // An object literal with accessors and Object.assign: many times cheaper than defineProperties.
  return Object.assign({ get line() { return get().line; }, get column() { return get().column; } }, fixed);
}
