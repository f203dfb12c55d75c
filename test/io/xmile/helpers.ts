/** Helpers for the XMILE tests: small documents from fragments, and runs of what they read. */
import * as assert from 'uvu/assert';
import { readXmile } from '../../../src/io/xmile/index.js';
import { formatDiagnostic, type Diagnostic } from '../../../src/core/diagnostics.js';
import type { Model, Variable } from '../../../src/model/types.js';
import { trySimulate } from '../../../src/sim/simulate.js';
import type { SimulationResult } from '../../../src/sim/result.js';

export interface DocOptions {
  readonly sim?: string;
  /** Extra top-level XML (dimensions, macros, behavior, more models). */
  readonly top?: string;
  readonly modelAttrs?: string;
}

/** An XMILE 1.0 document around `<variables>` content. */
export function xmileDoc(variables: string, o: DocOptions = {}): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><vendor>test</vendor><product version="1">test</product><name>t</name></header>
  ${o.sim ?? '<sim_specs method="euler"><start>0</start><stop>4</stop><dt>1</dt></sim_specs>'}
  ${o.top ?? ''}
  <model${o.modelAttrs ?? ''}>
    <variables>
${variables}
    </variables>
  </model>
</xmile>
`;
}

export function readOk(text: string): Model {
  const r = readXmile(text, 'test.xmile');
  assert.ok(r.model, `expected a model, got:\n${r.diagnostics.map(formatDiagnostic).join('\n')}`);
  return r.model!;
}

export function readFails(text: string): Diagnostic[] {
  const r = readXmile(text, 'test.xmile');
  assert.is(r.model, undefined, 'expected no model');
  assert.ok(r.diagnostics.some((d) => d.severity === 'error'), 'expected an error diagnostic');
  return r.diagnostics;
}

export function variable(model: Model, name: string): Variable {
  const v = model.variables.find((x) => x.name === name);
  assert.ok(v, `no variable '${name}' among ${model.variables.map((x) => x.name).join(', ')}`);
  return v!;
}

/** The equation (or initial value / constant value) of a variable, as text. */
export function equationOf(model: Model, name: string): string {
  const v = variable(model, name);
  switch (v.kind) {
    case 'stock': return v.initial;
    case 'constant': return String(v.value);
    case 'lookup': return '';
    default: return v.equation;
  }
}

export function run(model: Model): SimulationResult {
  const s = trySimulate(model);
  assert.ok(s.result, `model does not run: ${s.diagnostics.map(formatDiagnostic).join('; ')}`);
  return s.result!;
}

/** Final value of a variable after a run. */
export function last(result: SimulationResult, name: string): number {
  const s = result.series(name);
  return s[s.length - 1];
}

export function aux(name: string, eqn: string, inner = ''): string {
  return `      <aux name="${name}"><eqn>${eqn}</eqn>${inner}</aux>`;
}
