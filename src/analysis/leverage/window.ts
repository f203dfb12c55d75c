/**
 * The outcome's analysis window: where the metric's variable moves. From the first to the
 * last save time at which it is at least 1 % of its largest deviation away from its initial
 * value, split at that largest deviation into a rise and a recovery. A variable that never
 * moves gives the whole run (and its start as the peak).
 */
import { canonicalName } from '../../core/names.js';
import { references } from '../../expr/ast.js';
import type { Structure } from './structure.js';

export interface OutcomeWindow {
  readonly from: number;
  readonly peak: number;
  readonly to: number;
}

export function outcomeWindow(time: ArrayLike<number>, x: ArrayLike<number>, fraction = 0.01): OutcomeWindow {
  const n = Math.min(time.length, x.length);
  let peak = 0;
  for (let i = 1; i < n; i++) if (Math.abs(x[i] - x[0]) > Math.abs(x[peak] - x[0])) peak = i;
  const top = Math.abs(x[peak] - x[0]);
  if (!(top > 0) || !Number.isFinite(top)) return { from: time[0], peak: time[0], to: time[n - 1] };
  let first = peak;
  let last = peak;
  for (let i = 0; i < n; i++) {
    if (Math.abs(x[i] - x[0]) >= fraction * top) { first = Math.min(first, i); last = Math.max(last, i); }
  }
  return { from: time[first], peak: time[peak], to: time[last] };
}

/** Ids of every variable the named variable depends on (through equations and stocks' flows), itself included. */
export function upstreamOf(s: Structure, name: string): Set<string> {
  const start = canonicalName(name);
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length) {
    const id = queue.pop()!;
    const v = s.byId.get(id);
    const next = v?.kind === 'stock' ? [...v.inflows, ...v.outflows].map(canonicalName) : [...(s.equation.has(id) ? references(s.equation.get(id)!) : [])];
    for (const r of next) if (s.byId.has(r) && !seen.has(r)) { seen.add(r); queue.push(r); }
  }
  return seen;
}
