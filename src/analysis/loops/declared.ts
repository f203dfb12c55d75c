/**
 * Names the loops a model declares (`loops:` in the native format) on the loops the analysis
 * finds. A declared loop is the found loop that passes through all of its variables, has its
 * polarity when it states one, and has the fewest variables; among equals the more important
 * one (found loops are ordered by importance). Each found loop carries at most one name.
 */
import { canonicalName } from '../../core/names.js';
import type { DeclaredLoop } from '../../model/types.js';
import type { Loop } from './types.js';

export interface NamedLoop {
  readonly declared: DeclaredLoop;
  /** The found loop, or undefined when none passes through all the declared variables. */
  readonly found?: Loop;
}

export function matchDeclaredLoops(declared: readonly DeclaredLoop[], found: readonly Loop[]): NamedLoop[] {
  const taken = new Set<string>();
  const sets = new Map(found.map((l) => [l.id, new Set(l.variables.map(canonicalName))]));
  return declared.map((d) => {
    const want = d.variables.map(canonicalName);
    let best: Loop | undefined;
    for (const l of found) {
      if (taken.has(l.id) || (d.polarity && l.polarity !== d.polarity)) continue;
      const has = sets.get(l.id)!;
      if (!want.every((v) => has.has(v))) continue;
      if (!best || l.variables.length < best.variables.length) best = l;
    }
    if (best) taken.add(best.id);
    return { declared: d, found: best };
  });
}

/** The found loops with the declared `id name` on those that matched, and the declared loops that matched none. */
export function nameLoops(declared: readonly DeclaredLoop[] | undefined, found: readonly Loop[]): { loops: Loop[]; unmatched: DeclaredLoop[] } {
  const names = new Map<string, string>();
  const unmatched: DeclaredLoop[] = [];
  for (const m of matchDeclaredLoops(declared ?? [], found)) {
    if (m.found) names.set(m.found.id, `${m.declared.id} ${m.declared.name}`);
    else unmatched.push(m.declared);
  }
  return { loops: found.map((l) => (names.has(l.id) ? { ...l, name: names.get(l.id) } : l)), unmatched };
}

/** How a loop is labelled for readers: its declared name, else the generator id. */
export function loopLabel(l: Pick<Loop, 'id' | 'name'>): string {
  return l.name ?? l.id;
}
