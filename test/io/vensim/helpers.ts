/** Helpers for the Vensim reader tests: inline .mdl texts with a control section. */
import { readVensim } from '../../../src/io/vensim/index.js';
import type { Model, Variable } from '../../../src/model/types.js';
import type { Diagnostic } from '../../../src/core/diagnostics.js';

export const CONTROL = `
INITIAL TIME = 0 ~ Month ~ |
FINAL TIME = 10 ~ Month ~ |
TIME STEP = 0.5 ~ Month [0,?] ~ |
SAVEPER = TIME STEP ~ Month ~ |
`;

/** Reads `equations` (plus a control section) and fails the test on error diagnostics. */
export function mdl(equations: string, file = 'test.mdl'): Model {
  const { model, diagnostics } = readVensim(`{UTF-8}\n${equations}\n${CONTROL}`, file);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!model || errors.length) throw new Error(`model does not read: ${errors.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`);
  return model;
}

export function diags(equations: string, file = 'bad.mdl'): Diagnostic[] {
  return readVensim(`{UTF-8}\n${equations}\n${CONTROL}`, file).diagnostics;
}

export function byName(model: Model, name: string): Variable {
  const v = model.variables.find((x) => x.name === name);
  if (!v) throw new Error(`no variable '${name}' in ${model.variables.map((x) => x.name).join(', ')}`);
  return v;
}

/** The equation of an auxiliary or flow, the value of a constant. */
export function eq(model: Model, name: string): string {
  const v = byName(model, name);
  if (v.kind === 'aux' || v.kind === 'flow') return v.equation;
  if (v.kind === 'constant') return String(v.value);
  if (v.kind === 'stock') return `INTEG(${v.inflows.join('+')}-${v.outflows.join('-')}, ${v.initial})`;
  return JSON.stringify(v.table.points);
}
