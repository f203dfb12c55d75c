/**
 * Vensim ALLOCATE BY PRIORITY(request[v], priority[v], size, width, supply) (Vensim reference,
 * "Allocation functions") as allocate_by_priority(k, supply, width, r_1 … r_n, p_1 … p_n): the
 * allocation of requester k (1-based). Each requester has a rectangular priority curve of the
 * given width: at a priority level P requester i gets r_i·clamp((p_i − P)/width + ½, 0, 1),
 * and P is the level at which the allocations add up to the supply; everyone gets their request
 * when the supply covers all of them, nobody anything from a supply ≤ 0; a width that is not
 * positive gives NaN, so the bad argument shows in the output; a negative request counts as 0.
 * This is the algorithm
 * PySD describes for Vensim's function. The total is piecewise linear in P with corners at
 * p_i ± width/2, so P is found exactly: L is the highest corner whose total is still ≥ supply,
 * U the lowest whose total is below, and P interpolates linearly between them.
 *
 * The readers write one allocation over an array as allocate_by_priority_at (vector-state.ts),
 * which solves the level once per evaluation for all the requesters with these functions.
 */
import type { FunctionSpec } from './functions.js';

/** r_i·clamp((p_i − P)/w + ½, 0, 1). */
export const share = (r: number, p: number, level: number, w: number): number => r * Math.min(Math.max((p - level) / w + 0.5, 0), 1);

/** Total allocated at `level`, summed from the first requester to the last. */
function total(rp: ArrayLike<number>, n: number, w: number, level: number): number {
  let sum = share(rp[0], rp[n], level, w);
  for (let i = 1; i < n; i++) sum += share(rp[i], rp[n + i], level, w);
  return sum;
}

/**
 * The priority level P at which the allocations add up to `supply` (0 < supply < Σ r). The
 * total is non-increasing in P, also as computed in floating point (every operation in share()
 * and the sum rounds monotonically), so with finite inputs the corners whose total is still
 * ≥ supply are a prefix of the sorted corners, found by bisection with O(log n) totals: the
 * same L and U as trying every corner (scanLevel), in O(n log n) instead of O(n²).
 */
export function priorityLevel(rp: ArrayLike<number>, n: number, w: number, supply: number): number {
  const half = w / 2;
  let finite = half > 0 && Number.isFinite(half) && Number.isFinite(supply);
  for (let i = 0; finite && i < 2 * n; i++) finite = Number.isFinite(rp[i]);
  if (!finite) return scanLevel(rp, n, w, supply);
  const corners = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    corners[2 * i] = rp[n + i] - half;
    corners[2 * i + 1] = rp[n + i] + half;
  }
  corners.sort();
  // total ≥ supply on corners[0 … a − 1], < supply from corners[a] on
  let a = 0;
  let b = 2 * n;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (total(rp, n, w, corners[m]) >= supply) a = m + 1;
    else b = m;
  }
  return interpolate(rp, n, w, supply, corners[Math.max(a - 1, 0)], corners[Math.min(a, 2 * n - 1)]);
}

/** priorityLevel by trying every corner: for inputs that are not all finite, and as the reference. */
export function scanLevel(rp: ArrayLike<number>, n: number, w: number, supply: number): number {
  const half = w / 2;
  const corner = (j: number) => (j % 2 === 0 ? rp[n + j / 2] - half : rp[n + (j - 1) / 2] + half);
  let lowest = Infinity;
  let highest = -Infinity;
  for (let j = 0; j < 2 * n; j++) {
    lowest = Math.min(lowest, corner(j));
    highest = Math.max(highest, corner(j));
  }
  // finite fallbacks (the lowest and highest corner) keep L and U finite
  let lo = lowest;
  let hi = highest;
  for (let j = 0; j < 2 * n; j++) {
    const c = corner(j);
    const t = total(rp, n, w, c);
    lo = Math.max(lo, t >= supply ? c : lowest);
    hi = Math.min(hi, t < supply ? c : highest);
  }
  return interpolate(rp, n, w, supply, lo, hi);
}

/** P between the corners L and U, where the total is linear. */
function interpolate(rp: ArrayLike<number>, n: number, w: number, supply: number, lo: number, hi: number): number {
  const [tLo, tHi] = [total(rp, n, w, lo), total(rp, n, w, hi)];
  const d = tLo - tHi;
  return lo + (tLo - supply) * (d === 0 ? 0 : (hi - lo) / d);
}
export function allocateByPriority(k: number, supply: number, width: number, ...rp: number[]): number {
  const n = rp.length / 2;
  // a width that is not positive has no curve (0 divides by 0, a negative one inverts the priorities)
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(k) || k < 1 || k > n || !(width > 0)) return NaN;
  // negative requests count as 0, as in ALLOCATE AVAILABLE (allocation.ts); PySD refuses them.
  // rp is this call's own copy of the arguments
  for (let i = 0; i < n; i++) if (rp[i] < 0) rp[i] = 0;
  let requested = rp[0];
  for (let i = 1; i < n; i++) requested += rp[i];
  if (supply >= requested) return rp[k - 1];
  if (supply <= 0) return 0;
  return share(rp[k - 1], rp[n + k - 1], priorityLevel(rp, n, width, supply), width);
}

export const ALLOCATE_BY_PRIORITY: FunctionSpec = {
  name: 'allocate_by_priority', minArgs: 5, maxArgs: Infinity, units: 'none',
  doc: 'Vensim ALLOCATE BY PRIORITY as allocate_by_priority(k, supply, width, r_1, …, r_n, p_1, …, p_n): the allocation of requester k (1-based) under rectangular priority curves of the given width, solved exactly (allocate-priority.ts)',
  checkArity: (n) => ((n - 3) % 2 === 0 ? undefined : 'needs k, supply, width, then n requests and n priorities'),
  emit: (a) => `R.allocateByPriority(${a.join(', ')})`,
};
