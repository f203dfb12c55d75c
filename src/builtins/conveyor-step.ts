/**
 * One step of a conveyor belt (conveyor.ts, which gives each rule's source): which batches
 * are in a leak zone, what each leakage flow takes and what leaves the end this step, and the
 * steady-stream profile the initial contents are laid on.
 */

/** A leakage flow's zone and unit rule. */
export interface LeakShape { readonly start: number; readonly end: number; readonly integers: boolean }

/** The fixed shape of one belt: exponential or linear leakage, and its leakage flows. */
export interface BeltShape { readonly exponential: boolean; readonly leaks: readonly LeakShape[] }

/** A growable list of batches, as parallel arrays (no allocation per step once grown). */
export interface Belt {
  readonly shape: BeltShape;
  n: number;
  amount: Float64Array;
  /** Steps until the batch leaves: 0 means it is the outflow of this step. */
  rest: Int32Array;
  /** The batch's transit in steps. */
  steps: Int32Array;
  /** Linear leak per step, per leakage flow: alloc[k][b]. */
  alloc: Float64Array[];
  /** Whole-unit leakage: the part of a unit carried, per flow. */
  readonly carry: Float64Array;
  /** This step's volumes: [outflow, leak 1, …]; before whole units in `raw`; `take` per flow per batch. */
  readonly out: Float64Array;
  readonly raw: Float64Array;
  take: Float64Array[];
  /** The inputs captured for the step being taken: inflow, transit time, fractions. */
  readonly staged: Float64Array;
  stagedSet: boolean;
  /** The step being taken is arrested: the belt stands. */
  stagedArrest: boolean;
  /** The transit time sampled last, for the batches entering (XMILE `<sample>`). */
  latched: number;
  /** The belt's node slot, for diagnostics. */
  slot: number;
  /** `take` and `out` hold this step's removal for the fractions in `removedWith`. */
  removed: boolean;
  readonly removedWith: Float64Array;
}

/** Rounding slack at exact boundaries (slat middle on a decimal zone bound, whole-unit sums): ≫ 1e-16, < 1/steps below 1e9 steps. */
export const EPS = 1e-9;

/** Steps of a transit time: round(T/DT), at least one, at most 2^30 (step counts are kept in Int32Arrays). */
export function stepsOf(len: number, dt: number): number {
  const n = Math.round(len / dt);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 2 ** 30) : 1;
}

/** Whether a batch of age `age` (1 = just entered) in a transit of `steps` is in the zone. */
export function inZone(l: LeakShape, age: number, steps: number): boolean {
  const mid = (age - 0.5) / steps;
  return mid >= l.start - EPS && mid <= l.end + EPS;
}

/**
 * Slats of a transit of `steps` in the zone: the ages counted directly, as `inZone` decides
 * them, from the first and last age the zone's bounds allow (a count per age was quadratic in
 * long transit times: every entering batch counted its whole transit).
 */
export function zoneSlats(l: LeakShape, steps: number): number {
  let first = Math.max(1, Math.ceil((l.start - EPS) * steps + 0.5) - 1);
  while (first <= steps && !inZone(l, first, steps)) first++;
  let last = Math.min(steps, Math.floor((l.end + EPS) * steps + 0.5) + 1);
  while (last >= first && !inZone(l, last, steps)) last--;
  return Math.max(0, last - first + 1);
}

/**
 * removal() once a step: the outflow and every leakage flow read the same takes, recomputed
 * only when the fractions differ from those they were computed for.
 */
export function removalOnce(b: Belt, fractions: readonly number[], dt: number): void {
  const w = b.removedWith;
  if (b.removed) {
    let same = true;
    for (let k = 0; k < w.length && same; k++) same = Object.is(w[k], fractions[k] ?? 0);
    if (same) return;
  }
  removal(b, fractions, dt);
  for (let k = 0; k < w.length; k++) w[k] = fractions[k] ?? 0;
  b.removed = true;
}

/**
 * This step's takes: per flow and batch into `take`, their sums into out[1..], and what
 * leaves the end into out[0]. Pure in the belt's state, so every evaluation of a step agrees.
 */
export function removal(b: Belt, fractions: readonly number[], dt: number): void {
  const leaks = b.shape.leaks;
  const sums = b.raw;
  sums.fill(0);
  for (let i = 0; i < b.n; i++) {
    const start = b.amount[i];
    let left = start;
    const age = b.steps[i] - b.rest[i];
    for (let k = 0; k < leaks.length; k++) {
      let want = 0;
      if (inZone(leaks[k], age, b.steps[i])) want = b.shape.exponential ? start * (fractions[k] ?? 0) * dt : b.alloc[k][i];
      const take = want > left && left >= 0 ? left : want;
      b.take[k][i] = take;
      left -= take;
      sums[k] += take;
    }
  }
  b.out.fill(0);
  leaks.forEach((l, k) => {
    b.out[k + 1] = sums[k];
    if (!l.integers || sums[k] === 0) return;
    b.out[k + 1] = wholeUnits(b, k, sums[k]);
  });
  for (let i = 0; i < b.n; i++) {
    if (b.rest[i] !== 0) continue;
    let a = b.amount[i];
    for (let k = 0; k < leaks.length; k++) a -= b.take[k][i];
    b.out[0] += a;
  }
}

/**
 * Whole-unit leakage of flow k: the whole units due (an integer, counted as one) shared among
 * the batches in proportion to their takes, the last batch taking what is left of the count, so
 * the flow leaks exactly that integer (scaling each take by whole/sum and adding them again
 * rounds: 0.9999999999999999 for 1). Only a batch too small to give its share (the room left
 * after the other flows) makes the flow leak less, what the batches hold.
 */
function wholeUnits(b: Belt, k: number, sum: number): number {
  const whole = Math.floor(sum + b.carry[k] + EPS);
  const room = (i: number) => {
    let others = 0;
    for (let q = 0; q < b.take.length; q++) if (q !== k) others += b.take[q][i];
    return Math.max(0, b.amount[i] - others);
  };
  let last = -1;
  for (let i = 0; i < b.n; i++) if (b.take[k][i] !== 0) last = i;
  let given = 0;
  let short = false;
  for (let i = 0; i < b.n; i++) {
    const share = i === last ? whole - given : b.take[k][i] * (whole / sum);
    const r = room(i);
    if (share > r) short = true;
    b.take[k][i] = Math.min(Math.max(share, 0), r);
    given += b.take[k][i];
  }
  return short ? given : whole;
}

/**
 * What a batch of 1 entering the belt holds at each age 1..steps, at the start of that step,
 * under the given leak fractions: the shape of a steady stream along the belt.
 */
export function steadyProfile(shape: BeltShape, steps: number, fractions: readonly number[], dt: number): number[] {
  const out: number[] = [];
  let c = 1;
  const per = shape.leaks.map((l) => zoneSlats(l, steps));
  for (let age = 1; age <= steps; age++) {
    out.push(c);
    let left = c;
    shape.leaks.forEach((l, k) => {
      if (!inZone(l, age, steps)) return;
      const f = fractions[k] ?? 0;
      const want = shape.exponential ? c * f * dt : per[k] === 0 ? 0 : f / per[k];
      left -= Math.min(Math.max(want, 0), Math.max(left, 0));
    });
    c = left;
  }
  return out;
}
