/**
 * Ids and display names of the helper nodes that lowering adds for stateful builtins
 * (TemplateContext.fresh and .shared): numbered per owning variable, model-wide.
 */
import { canonicalName } from '../core/names.js';
import type { Variable } from '../model/types.js';

export type Shared = (v: Variable, key: string, label: string) => { id: string; name: string; first: boolean };

/** A helper id and display name owned by `owner`, numbered in the model-wide `counts`. */
export function freshFor(owner: { id: string; name: string }, counts: Map<string, number>, label: string): { id: string; name: string } {
  const k = (counts.get(owner.id) ?? 0) + 1;
  counts.set(owner.id, k);
  return { id: `${owner.id}#${k}`, name: `${owner.name} ${label} #${k}` };
}

/**
 * TemplateContext.shared for the model: helpers by owner and key, owned by the stock a flow
 * drains (if exactly one does), else by the variable itself. The owner is part of the key:
 * two stocks whose flows happen to give the same arguments (a random input draws its own
 * stream at each call site) keep a helper each.
 */
export function sharedHelpers(vars: ReadonlyMap<string, Variable>, counts: Map<string, number>): Shared {
  const drains = new Map<string, Variable[]>();
  for (const s of vars.values()) {
    if (s.kind !== 'stock') continue;
    for (const f of new Set(s.outflows.map(canonicalName))) drains.set(f, [...(drains.get(f) ?? []), s]);
  }
  const made = new Map<string, { id: string; name: string }>();
  return (v, key, label) => {
    const stocks = drains.get(v.id);
    const owner = stocks?.length === 1 ? stocks[0] : v;
    const ownKey = `${owner.id}\u0000${key}`;
    const known = made.get(ownKey);
    if (known) return { ...known, first: false };
    const h = freshFor(owner, counts, label);
    made.set(ownKey, h);
    return { ...h, first: true };
  };
}
