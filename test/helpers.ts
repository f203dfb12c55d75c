/** Shared test helpers: models from YAML text, runs, and approximate comparisons. */
import * as assert from 'uvu/assert';
import { readNative } from '../src/io/native.js';
import type { Model } from '../src/model/types.js';
import { trySimulate, type SimulateOptions } from '../src/sim/simulate.js';
import type { SimulationResult } from '../src/sim/result.js';
import type { Diagnostic } from '../src/core/diagnostics.js';

export function modelFrom(yaml: string, file = 'test.yaml'): Model {
  const { model, diagnostics } = readNative(yaml, file);
  if (!model) throw new Error(`test model does not load: ${JSON.stringify(diagnostics)}`);
  return model;
}

export function runYaml(yaml: string, options: SimulateOptions = {}): SimulationResult {
  const s = trySimulate(modelFrom(yaml), options);
  if (!s.result) throw new Error(`test model does not run: ${s.diagnostics.map((d) => d.message).join('; ')}`);
  return s.result;
}

export function diagnosticsOf(yaml: string, options: SimulateOptions = {}): Diagnostic[] {
  const { model, diagnostics } = readNative(yaml, 'test.yaml');
  if (!model) return diagnostics;
  return trySimulate(model, options).diagnostics;
}

export function close(actual: number, expected: number, tol: number, what = ''): void {
  assert.ok(Math.abs(actual - expected) <= tol, `${what} expected ${expected} ± ${tol}, got ${actual}`);
}

/** A tiny model around one equation: aux `out` over a stock-free clock. */
export function auxModel(equation: string, extra = '', sim = 'start: 0\n  stop: 4\n  dt: 1'): string {
  return `sim:\n  ${sim}\nauxiliaries:\n  out:\n    equation: ${JSON.stringify(equation)}\n${extra}`;
}
