/**
 * When a group of stocks is changing course. Loops That Matter scores measure each loop's
 * share in the *change* of the flows; while a group's flows hold steady (a paced restart
 * running at a constant rate, a stock at equilibrium) every loop score is near zero, and the
 * relative scores divide rounding noise by rounding noise. Such times are "steady": no loop
 * dominates, and they are left out of dominance counts and loop weights.
 *
 * A group is active at a save time when, for one of its model stocks, the net flow changes
 * fast enough that at that pace it would move by at least 1 % of its largest magnitude over
 * the outcome window: |Δnet / Δt| · window length ≥ 0.01 · max |net|.
 */
import { canonicalName } from '../../core/names.js';
import type { LoopAnalysis } from '../loops/index.js';
import type { SeriesSource } from '../metrics.js';
import type { Structure } from './structure.js';
import type { OutcomeWindow } from './window.js';

const FRACTION = 0.01;

/** (partition, time) → active; partitions without model stocks are always active. */
export function activity(a: LoopAnalysis, s: Structure, run: SeriesSource, w: OutcomeWindow): (partition: number, t: number) => boolean {
  const span = Math.max(w.to - w.from, 1e-12);
  const time = run.time;
  const active = a.partitions.map((p) => {
    const nets = p.stocks.map((n) => s.byId.get(canonicalName(n))).flatMap((v) => (v?.kind === 'stock' ? [netFlow(run, v.inflows, v.outflows)] : []));
    if (!nets.length) return undefined;
    const flags = new Uint8Array(time.length);
    for (const net of nets) {
      let top = 0;
      for (let k = 0; k < time.length; k++) if (time[k] >= w.from && time[k] <= w.to) top = Math.max(top, Math.abs(net[k]));
      if (!(top > 0)) continue;
      for (let k = 1; k < time.length; k++) {
        const rate = Math.abs(net[k] - net[k - 1]) / (time[k] - time[k - 1]);
        if (rate * span >= FRACTION * top) { flags[k] = 1; flags[k - 1] = 1; }
      }
    }
    return flags;
  });
  return (partition, t) => {
    const flags = active[partition];
    if (!flags) return true;
    return flags[saveIndex(time, t)] === 1;
  };
}

function netFlow(run: SeriesSource, inflows: readonly string[], outflows: readonly string[]): Float64Array {
  const out = new Float64Array(run.time.length);
  const add = (name: string, sign: number) => { const y = run.series(name); for (let k = 0; k < out.length; k++) out[k] += sign * y[k]; };
  inflows.forEach((f) => add(f, 1));
  outflows.forEach((f) => add(f, -1));
  return out;
}

/** Index of the last save time ≤ t (binary search). */
function saveIndex(time: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = time.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (time[mid] <= t + 1e-9) lo = mid; else hi = mid - 1;
  }
  return lo;
}
