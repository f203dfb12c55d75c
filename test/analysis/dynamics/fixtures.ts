/** The dynamics test models (test/fixtures/dynamics), loaded and built as dynamical systems. */
import { fileURLToPath } from 'node:url';
import { loadModel } from '../../../src/io/load.js';
import { dynamicalSystem, type DynamicalSystem, type SystemOptions } from '../../../src/analysis/dynamics/index.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/dynamics/', import.meta.url));

export function system(name: string, o: SystemOptions = {}): DynamicalSystem {
  const built = dynamicalSystem(loadModel(`${FIXTURES}${name}.yaml`), o);
  if (!built.system) throw new Error(built.diagnostics.map((d) => d.message).join('; '));
  return built.system;
}

/** Toggle switch constants of test/fixtures/dynamics/toggle.yaml: a2 = 5·sqrt(5/11). */
export const A2 = 5 * Math.sqrt(5 / 11);
/** The toggle's folds in a1 at a2 = A2 (derivation in toggle.yaml: (1+U²)(1+V²) = 4U²V² on the curve). */
export function toggleFolds(): { a1: number; u: number; v: number }[] {
  const fold = (w: number) => {
    const u = Math.sqrt(w), v = Math.sqrt((1 + w) / (3 * w - 1));
    return { a1: u * (1 + v * v), u, v };
  };
  return [fold(4), fold((15 * Math.sqrt(33) - 77) / 22)].sort((p, q) => p.a1 - q.a1);
}

/** Allee harvest fold: H* = g(N*) at g'(N*) = 0, g(N) = r N (N/A − 1)(1 − N/K), r = 1, A = 20, K = 100. */
export function alleeFold(): { h: number; n: number } {
  const A = 20, K = 100;
  const n = ((A + K) + Math.sqrt((A + K) ** 2 - 3 * A * K)) / 3;
  return { n, h: n * (n / A - 1) * (1 - n / K) };
}
