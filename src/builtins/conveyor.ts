/**
 * The conveyor belt behind `conveyor()` (stateful.ts), the runtime of XMILE/Stella conveyors.
 * Where each rule comes from:
 * - Slats and transit time (isee, Stella help "Conveyor Computation", Computational Details):
 *   material taken on during one DT is a batch placed as many DTs from the end as the
 *   transit time in force then; "once it is placed, transit time has no effect on it". A
 *   later batch entering with a shorter transit time is placed nearer the end and so leaves
 *   before earlier ones (the traditional, non-FIFO conveyor; XMILE 1.0 §4.2.1 keeps each
 *   batch for the transit time it entered with). Transit times are whole numbers of DTs
 *   (round(T/DT), at least one).
 * - Linear leakage (isee, "Steady-State Initialization of Conveyors", and the Conveyor
 *   help): "the total amount that leaks across the length of the conveyor is directly
 *   proportional to the inflowing amount", the leak fraction f being the constant, so a batch
 *   loses f of what entered, in equal amounts each DT while it is in the leak zone. f is read
 *   when the batch enters (the leaked amount is set by what was put on the conveyor then).
 * - Exponential leakage (same isee page): "the amount that leaks each DT is proportional to
 *   the amount remaining", f being the fraction per time unit: each DT a batch in the zone
 *   loses f·DT of what it holds, with the current f.
 * - Leak zone (XMILE 1.0 §4.2.1 `leak_start`/`leak_end`, fractions of the length from the
 *   inflow end): a batch is in the zone while the middle of its slat lies within it.
 * - Initial contents (isee steady-state page): a conveyor's initial value is laid on the
 *   slats of the initial transit time as a steady stream would hold it: evenly without
 *   leakage, and with leakage so that the value that page computes for a steady state
 *   (T·inflow − (N − 1)·leakage·DT/2 for linear leakage) starts the belt in that state.
 * - Sampling and arrest (XMILE 1.0 §4.2.1 `<sample>`, `<arrest>`): entering batches take the
 *   transit time sampled at the last step where the sample condition held (every step by
 *   default); while the conveyor is arrested nothing leaves, no batch moves and none enters.
 * - Whole-unit leakage (XMILE `<leak_integers/>`): a flow leaks only whole units each DT; the
 *   fraction of a unit not yet leaked is carried to the next DT (no documentation gives the
 *   carry; this keeps every unit that should leak leaking).
 * Several leakage flows each take their own share from what a batch held at the start of the
 * DT, in the order written, never more than the batch holds; what is left of a batch at the
 * end of its transit is the outflow.
 */

/** A leakage flow's zone and unit rule. */
export interface LeakShape { readonly start: number; readonly end: number; readonly integers: boolean }

/** The fixed shape of one belt: exponential or linear leakage, and its leakage flows. */
export interface BeltShape { readonly exponential: boolean; readonly leaks: readonly LeakShape[] }

/** A growable list of batches, as parallel arrays (no allocation per step once grown). */
interface Belt {
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
}

/** Rounding slack at exact boundaries (slat middle on a decimal zone bound, whole-unit sums): ≫ 1e-16, < 1/steps below 1e9 steps. */
const EPS = 1e-9;

/** Most slats a belt's initial contents may be laid on (the fixed delay's pipeline limit). */
export const MAX_SLATS = 1e7;

/** A conveyor's initial transit time needs more slats than MAX_SLATS; `slot` is its node's. */
export class ConveyorTooLong extends Error {
  constructor(readonly slot: number, readonly len: number, readonly slats: number) {
    super(`a conveyor's initial transit time ${len} is ${slats} steps of DT`);
  }
}

/** Steps of a transit time: round(T/DT), at least one, at most 2^30 (step counts are kept in Int32Arrays). */
function stepsOf(len: number, dt: number): number {
  const n = Math.round(len / dt);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 2 ** 30) : 1;
}

/** Whether a batch of age `age` (1 = just entered) in a transit of `steps` is in the zone. */
function inZone(l: LeakShape, age: number, steps: number): boolean {
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

export interface Conveyors {
  /** Starts a run: every belt empty. */
  reset(): void;
  /**
   * Lays belt j (the node in `slot`) out with its initial contents on the slats of its initial
   * transit time; an empty belt lays nothing. Throws ConveyorTooLong past MAX_SLATS slats.
   */
  init(j: number, slot: number, initial: number, len: number, fractions: readonly number[]): void;
  /** Flow `which` of belt j this step (0 the outflow, k the k-th leakage), a rate; 0 while arrested. */
  flow(j: number, which: number, arrest: number, fractions: readonly number[]): number;
  /** Records the inputs of the step about to be taken; T is sampled when `sample` ≠ 0. */
  stage(j: number, inflow: number, len: number, sample: number, arrest: number, fractions: readonly number[]): void;
  /** Takes the staged step on every belt: leak, release, move, take on the inflow. */
  commit(): void;
}

export function createConveyors(shapes: readonly BeltShape[], dt: number): Conveyors {
  const belts: Belt[] = shapes.map((shape) => {
    const k = shape.leaks.length;
    return {
      shape, n: 0, amount: new Float64Array(16), rest: new Int32Array(16), steps: new Int32Array(16),
      alloc: Array.from({ length: k }, () => new Float64Array(16)), carry: new Float64Array(k),
      out: new Float64Array(k + 1), raw: new Float64Array(k), take: Array.from({ length: k }, () => new Float64Array(16)),
      staged: new Float64Array(k + 2), stagedSet: false, stagedArrest: false, latched: 0,
    };
  });
  const add = (b: Belt, amount: number, rest: number, steps: number, fractions: readonly number[], per: number) => {
    if (b.n === b.amount.length) grow(b);
    const i = b.n++;
    b.amount[i] = amount; b.rest[i] = rest; b.steps[i] = steps;
    b.shape.leaks.forEach((l, k) => {
      const m = zoneSlats(l, steps);
      b.alloc[k][i] = b.shape.exponential || m === 0 ? 0 : (fractions[k] ?? 0) * per / m;
    });
  };
  return {
    reset() { for (const b of belts) { b.n = 0; b.carry.fill(0); b.stagedSet = false; } },
    init(j, slot, initial, len, fractions) {
      const b = belts[j];
      b.latched = len;
      if (initial === 0) return; // empty slats hold, leak and release nothing
      const steps = stepsOf(len, dt);
      if (steps > MAX_SLATS) throw new ConveyorTooLong(slot, len, Math.round(len / dt));
      const profile = steadyProfile(b.shape, steps, fractions, dt);
      const total = profile.reduce((s, c) => s + c, 0);
      const per = total === 0 ? 0 : initial / total;
      for (let age = 1; age <= steps; age++) add(b, per * profile[age - 1], steps - age, steps, fractions, per);
    },
    flow(j, which, arrest, fractions) {
      if (arrest !== 0 && !Number.isNaN(arrest)) return 0;
      const b = belts[j];
      removal(b, fractions, dt);
      return b.out[which] / dt;
    },
    stage(j, inflow, len, sample, arrest, fractions) {
      const b = belts[j];
      b.stagedArrest = arrest !== 0 && !Number.isNaN(arrest);
      if (b.stagedArrest) { b.stagedSet = true; return; }
      if (sample !== 0 && !Number.isNaN(sample)) b.latched = len;
      b.staged[0] = inflow; b.staged[1] = b.latched;
      for (let k = 0; k < fractions.length; k++) b.staged[k + 2] = fractions[k];
      b.stagedSet = true;
    },
    commit() {
      for (const b of belts) {
        if (!b.stagedSet) continue;
        b.stagedSet = false;
        if (b.stagedArrest) continue;
        const fractions = Array.from(b.staged.subarray(2));
        removal(b, fractions, dt);
        b.shape.leaks.forEach((l, k) => { if (l.integers) b.carry[k] = Math.max(0, b.raw[k] + b.carry[k] - b.out[k + 1]); });
        let w = 0;
        for (let i = 0; i < b.n; i++) {
          let a = b.amount[i];
          for (let k = 0; k < b.take.length; k++) a -= b.take[k][i];
          if (b.rest[i] === 0) continue; // released as this step's outflow
          b.amount[w] = a; b.rest[w] = b.rest[i] - 1; b.steps[w] = b.steps[i];
          for (let k = 0; k < b.alloc.length; k++) b.alloc[k][w] = b.alloc[k][i];
          w++;
        }
        b.n = w;
        const steps = stepsOf(b.staged[1], dt);
        const amount = b.staged[0] * dt;
        add(b, amount, steps - 1, steps, fractions, amount);
      }
    },
  };
}

function grow(b: Belt): void {
  const bigger = <T extends Float64Array | Int32Array>(a: T): T => { const c = new (a.constructor as new (n: number) => T)(a.length * 2); c.set(a); return c; };
  b.amount = bigger(b.amount); b.rest = bigger(b.rest); b.steps = bigger(b.steps);
  b.alloc = b.alloc.map(bigger); b.take = b.take.map(bigger);
}

/**
 * This step's takes: per flow and batch into `take`, their sums into out[1..], and what
 * leaves the end into out[0]. Pure in the belt's state, so every evaluation of a step agrees.
 */
function removal(b: Belt, fractions: readonly number[], dt: number): void {
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
    // Whole units: scale this flow's takes so that they add up to the whole units due.
    const whole = Math.floor(sums[k] + b.carry[k] + EPS);
    const scale = whole / sums[k];
    let total = 0;
    for (let i = 0; i < b.n; i++) {
      let others = 0;
      for (let q = 0; q < leaks.length; q++) if (q !== k) others += b.take[q][i];
      const room = Math.max(0, b.amount[i] - others);
      b.take[k][i] = Math.min(b.take[k][i] * scale, room);
      total += b.take[k][i];
    }
    b.out[k + 1] = total;
  });
  for (let i = 0; i < b.n; i++) {
    if (b.rest[i] !== 0) continue;
    let a = b.amount[i];
    for (let k = 0; k < leaks.length; k++) a -= b.take[k][i];
    b.out[0] += a;
  }
}

/**
 * What a batch of 1 entering the belt holds at each age 1..steps, at the start of that step,
 * under the given leak fractions: the shape of a steady stream along the belt.
 */
function steadyProfile(shape: BeltShape, steps: number, fractions: readonly number[], dt: number): number[] {
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
