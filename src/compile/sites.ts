/** Call-site numbers of the functions with per-site state (random draws). */
import { hashString } from '../core/random.js';

/**
 * Numbers the call sites of functions with per-site state (random draws). A site is a node's
 * equation and the position of the call in it, so the initial and the dynamic evaluation of
 * one equation share their draws. Its number, which seeds its stream (random.ts), is a hash
 * of the node's id and that position rather than a count in compile order, so a model whose
 * variables are listed in another order (a converted file) draws the same numbers; a hash
 * already taken by another site moves to the next free number.
 */
export function siteNumbers() {
  const numbers = new Map<string, number>();
  const taken = new Set<number>();
  /** The node each site belongs to, for naming the variable of a bad draw (sim/builtin-errors.ts). */
  const owners = new Map<number, string>();
  let node = '';
  let owner = '';
  let occurrence = 0;
  return {
    owners: owners as ReadonlyMap<number, string>,
    /** Starts numbering the sites of an equation; `owner` is its node's id when `id` names a part of it (`rate x`). */
    begin(id: string, of = id) { node = id; owner = of; occurrence = 0; },
    next: () => {
      const key = `${node}\u0000${occurrence++}`;
      let n = numbers.get(key);
      if (n === undefined) {
        n = hashString(key);
        while (taken.has(n)) n = (n + 1) >>> 0;
        taken.add(n);
        numbers.set(key, n);
        owners.set(n, owner);
      }
      return n;
    },
  };
}
