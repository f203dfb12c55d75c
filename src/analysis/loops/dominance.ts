/**
 * Dominance periods (§1.1; Schoenberg, Davidsen & Eberlein 2020 p.159): a loop, or set of
 * loops, dominates a cycle partition while it accounts for at least 50 % of the change in
 * all of the partition's stocks, measured by relative loop scores. At each reported time
 * the dominant set is the smallest set of the partition's loops, largest |relative score|
 * first, whose |relative scores| sum to ≥ 0.5; consecutive times with the same set form a
 * period. Times at which no loop of the partition is active belong to no period.
 */
import type { DominancePeriod } from './types.js';

export interface DominanceInput {
  readonly time: Float64Array;
  readonly loops: readonly { readonly id: string; readonly partition: number; readonly relative: Float64Array }[];
}

const HALF = 0.5 - 1e-9;

export function dominancePeriods(input: DominanceInput): DominancePeriod[] {
  const partitions = [...new Set(input.loops.map((l) => l.partition))].sort((a, b) => a - b);
  const out: DominancePeriod[] = [];
  for (const p of partitions) {
    const loops = input.loops.filter((l) => l.partition === p);
    let open: { from: number; to: number; loops: string[]; key: string; total: number; count: number } | undefined;
    const close = () => {
      if (open) out.push({ from: open.from, to: open.to, partition: p, loops: open.loops, share: open.total / open.count });
      open = undefined;
    };
    for (let k = 0; k < input.time.length; k++) {
      const set = dominantSet(loops, k);
      if (!set) { close(); continue; }
      const key = [...set.loops].sort().join(' ');
      if (open && open.key === key) {
        open.to = input.time[k];
        open.total += set.share;
        open.count++;
      } else {
        close();
        open = { from: input.time[k], to: input.time[k], loops: set.loops, key, total: set.share, count: 1 };
      }
    }
    close();
  }
  return out.sort((a, b) => a.from - b.from || a.partition - b.partition);
}

/** The dominant set at step k, or undefined when nothing in the partition is active. */
export function dominantSet(loops: DominanceInput['loops'], k: number): { loops: string[]; share: number } | undefined {
  const ranked = loops.map((l) => ({ id: l.id, share: Math.abs(l.relative[k]) })).filter((l) => l.share > 0);
  if (!ranked.length) return undefined;
  ranked.sort((a, b) => b.share - a.share || (a.id < b.id ? -1 : 1));
  const chosen: string[] = [];
  let share = 0;
  for (const l of ranked) {
    chosen.push(l.id);
    share += l.share;
    if (share >= HALF) break;
  }
  return { loops: chosen, share };
}
