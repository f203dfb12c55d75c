/**
 * Link polarity: the sign of the partial derivative ∂z/∂x (Richardson 1995).
 * 1. mathjs symbolic derivative (expr/derivative.ts), with constants and init() values
 *    inlined. A derivative that is a number fixes the polarity from structure alone
 *    (`structural`); one that still depends on variables is evaluated at every dt of the
 *    run (`symbolic`), so a polarity that depends on the operating point is seen to change.
 * 2. Where there is no symbolic derivative (conditionals, min/max, lookups, step …) or the
 *    node has a graphical function: the ceteris-paribus difference f(x ± h, others) at
 *    every dt, h = 1e-6·max(1, |x|) (`ceteris-paribus`).
 * Signs smaller than 1e-9 of the largest magnitude seen are rounding noise and ignored.
 * A link whose derivative never shows a sign (a threshold never crossed, a flat stretch of
 * a lookup) takes the signs of its link scores, else the difference between the input at
 * the largest and at the smallest value it took in the run; else the sign of its symbolic
 * derivative under the convention that named quantities are positive (`convention`, see
 * sign.ts); else its sign stays 0.
 */
import type { Evaluator } from '../../compile/expression.js';
import { references } from '../../expr/ast.js';
import { partialDerivative } from '../../expr/derivative.js';
import { RESERVED } from '../../builtins/functions.js';
import { expressionEvaluator } from './evaluators.js';
import type { CausalGraph } from './graph.js';
import { row, type History } from './history.js';
import { conventionalSign } from './sign.js';
import type { LinkPolarity, PolarityMethod, Sign } from './types.js';

const NOISE = 1e-9;

export function linkPolarities(
  g: CausalGraph, h: History, evals: readonly (Evaluator | undefined)[],
  links: readonly (readonly [number, number])[], scores: readonly Float64Array[],
): LinkPolarity[] {
  const fixed = fixedValues(h);
  return links.map(([x, z], i) => {
    const node = g.nodes[z];
    const d = node.table ? undefined : partialDerivative(node.fn, g.nodes[x].id, { constant: (id) => fixed.get(id) });
    let method: PolarityMethod = 'ceteris-paribus';
    let values: Float64Array | undefined;
    if (d) {
      const vars = [...references(d)].filter((id) => !RESERVED.has(id) || id === 'time');
      const f = expressionEvaluator(d, h);
      if (f && vars.length === 0) {
        const v = f(h.time[0], row(h, 0));
        if (Number.isFinite(v)) return { sign: v > 0 ? 1 : v < 0 ? -1 : 0, changes: false, method: 'structural' };
      } else if (f) {
        values = alongRun(h, (k, r) => f(h.time[k], r));
        method = 'symbolic';
      }
    }
    const fz = evals[z];
    const slot = h.layout.slotOf.get(g.nodes[x].id)!;
    if (!values && fz) values = probe(h, fz, slot);
    const seen = classify(values ?? new Float64Array(0));
    if (seen.sign !== 0) return { ...seen, method };
    const scored = classify(scores[i]);
    if (scored.sign !== 0 || !fz) return { ...scored, method: 'ceteris-paribus' };
    const ranged = classify(rangeProbe(h, fz, slot));
    if (ranged.sign !== 0) return { ...ranged, method: 'ceteris-paribus' };
    const conventional = d ? conventionalSign(d) : undefined;
    return conventional ? { sign: conventional, changes: false, method: 'convention' } : { ...ranged, method: 'ceteris-paribus' };
  });
}

/**
 * For links that never acted (thresholds not crossed, flat stretches of lookups): the
 * ceteris-paribus difference between the largest and the smallest value the input took
 * during the run, the other inputs at their values of each step.
 */
function rangeProbe(h: History, f: Evaluator, x: number): Float64Array {
  let [lo, hi] = [Infinity, -Infinity];
  for (let k = 0; k < h.time.length; k++) {
    const v = row(h, k)[x];
    if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  }
  if (!(hi > lo)) return new Float64Array(0);
  const work = new Float64Array(h.layout.nSlots);
  return alongRun(h, (k, r) => {
    work.set(r);
    work[x] = hi;
    const up = f(h.time[k], work);
    work[x] = lo;
    return up - f(h.time[k], work);
  });
}

/** Constants and init() values: what never changes during the run, inlined into derivatives. */
function fixedValues(h: History): Map<string, number> {
  const first = row(h, 0);
  const out = new Map<string, number>();
  for (const n of h.program.nodes) {
    if (n.kind === 'constant' || n.kind === 'init') out.set(n.id, first[h.layout.slotOf.get(n.id)!]);
  }
  return out;
}

function alongRun(h: History, f: (k: number, r: Float64Array) => number): Float64Array {
  const out = new Float64Array(h.time.length);
  for (let k = 0; k < out.length; k++) out[k] = f(k, row(h, k));
  return out;
}

/** Central ceteris-paribus difference of f in the input at slot `x`, at every step. */
function probe(h: History, f: Evaluator, x: number): Float64Array {
  const work = new Float64Array(h.layout.nSlots);
  return alongRun(h, (k, r) => {
    work.set(r);
    const step = 1e-6 * Math.max(1, Math.abs(r[x]));
    work[x] = r[x] + step;
    const up = f(h.time[k], work);
    work[x] = r[x] - step;
    return up - f(h.time[k], work);
  });
}

/** The sign a series shows, and whether it shows both signs. */
export function classify(values: Float64Array): { sign: Sign | 0; changes: boolean } {
  let max = 0;
  for (const v of values) if (Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  if (max === 0) return { sign: 0, changes: false };
  let pos = 0;
  let neg = 0;
  for (const v of values) {
    if (!Number.isFinite(v) || Math.abs(v) <= NOISE * max) continue;
    if (v > 0) pos += Math.abs(v); else neg += Math.abs(v);
  }
  if (pos === 0 && neg === 0) return { sign: 0, changes: false };
  return { sign: pos >= neg ? 1 : -1, changes: pos > 0 && neg > 0 };
}
