/**
 * The JSON document of `stockflow loops --json`, exactly the shape issue 4 specifies:
 * { loops: [{ id, polarity, variables }], time, relative_scores: { id: [...] },
 *   dominance: [{ from, to, loops }] }.
 */
import type { LoopAnalysis, LoopPolarity } from './types.js';
import { dict } from '../../core/dict.js';

export interface LoopsJson {
  readonly loops: { readonly id: string; readonly name?: string; readonly polarity: LoopPolarity; readonly variables: readonly string[] }[];
  readonly time: number[];
  readonly relative_scores: Record<string, number[]>;
  readonly dominance: { readonly from: number; readonly to: number; readonly loops: readonly string[] }[];
}

export function loopsToJson(a: LoopAnalysis): LoopsJson {
  const relative: Record<string, number[]> = dict();
  for (const l of a.loops) relative[l.id] = Array.from(l.relative, clean);
  return {
    loops: a.loops.map((l) => ({ id: l.id, ...(l.name ? { name: l.name } : {}), polarity: l.polarity, variables: [...l.variables] })),
    time: Array.from(a.time),
    relative_scores: relative,
    dominance: a.dominance.map((d) => ({ from: d.from, to: d.to, loops: [...d.loops] })),
  };
}

/** Rounds away floating-point dust (12 significant digits) so files stay readable. */
function clean(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(12));
}
