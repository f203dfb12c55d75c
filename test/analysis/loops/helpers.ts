/** Helpers for the loop-analysis tests: fixture models and analyses that must succeed. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeLoops, type Loop, type LoopAnalysis, type LoopOptions } from '../../../src/analysis/loops/index.js';
import type { Model } from '../../../src/model/types.js';
import type { SimulateOptions } from '../../../src/sim/simulate.js';
import { modelFrom } from '../../helpers.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/loops/', import.meta.url));

export function fixture(name: string): Model {
  return modelFrom(readFileSync(`${FIXTURES}${name}`, 'utf8'), `${FIXTURES}${name}`);
}

export function analyse(model: Model | string, options: LoopOptions & SimulateOptions = {}): LoopAnalysis {
  const m = typeof model === 'string' ? modelFrom(model) : model;
  const r = analyzeLoops(m, options);
  if (!r.analysis) throw new Error(`analysis failed: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.analysis;
}

/** The loop whose variables, in order, are exactly `names` (any rotation). */
export function loopOf(a: LoopAnalysis, ...names: string[]): Loop {
  const found = a.loops.find((l) => l.variables.length === names.length && names.some((_, r) => names.every((n, i) => l.variables[(i + r) % names.length] === n)));
  if (!found) throw new Error(`no loop ${names.join(' → ')} among ${a.loops.map((l) => l.variables.join(' → ')).join(' | ')}`);
  return found;
}

/** Index of time t in an analysis. */
export function at(a: LoopAnalysis, t: number): number {
  const i = a.time.findIndex((x) => Math.abs(x - t) < 1e-9);
  if (i < 0) throw new Error(`no time ${t}`);
  return i;
}
