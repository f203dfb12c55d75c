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
 *   carry; this keeps every unit that should leak leaking). The units due are an integer,
 *   shared among the batches, so the flow leaks exactly that many (conveyor-step.ts).
 * Several leakage flows each take their own share from what a batch held at the start of the
 * DT, in the order written, never more than the batch holds; what is left of a batch at the
 * end of its transit is the outflow.
 */

import { removalOnce, steadyProfile, stepsOf, zoneSlats, type Belt, type BeltShape } from './conveyor-step.js';

export { zoneSlats, type BeltShape, type LeakShape } from './conveyor-step.js';

/** Most slats a belt's initial contents may be laid on (the fixed delay's pipeline limit). */
export const MAX_SLATS = 1e7;

/** A conveyor's initial transit time needs more slats than MAX_SLATS; `slot` is its node's. */
export class ConveyorTooLong extends Error {
  constructor(readonly slot: number, readonly len: number, readonly slats: number) {
    super(`a conveyor's initial transit time ${len} is ${slats} steps of DT`);
  }
}

/** A conveyor's transit time is not a positive number where a batch takes it; `slot` is its node's. */
export class ConveyorTransit extends Error {
  constructor(readonly slot: number, readonly len: number) {
    super(`a conveyor's transit time is ${len}`);
  }
}

/** A transit time a batch can ride: a positive number (NaN is not). */
const positive = (len: number) => len > 0;

export interface Conveyors {
  /** Starts a run: every belt empty. */
  reset(): void;
  /**
   * Lays belt j (the node in `slot`) out with its initial contents on the slats of its initial
   * transit time; an empty belt lays nothing. Throws ConveyorTooLong past MAX_SLATS slats,
   * ConveyorTransit for contents laid on a transit time that is not positive.
   */
  init(j: number, slot: number, initial: number, len: number, fractions: readonly number[]): void;
  /** Flow `which` of belt j this step (0 the outflow, k the k-th leakage), a rate; 0 while arrested. */
  flow(j: number, which: number, arrest: number, fractions: readonly number[]): number;
  /**
   * Records the inputs of the step about to be taken; T is sampled when `sample` ≠ 0. Throws
   * ConveyorTransit when the batch entering would take a transit time that is not positive.
   */
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
      staged: new Float64Array(k + 2), stagedSet: false, stagedArrest: false, latched: 0, slot: -1,
      removed: false, removedWith: new Float64Array(k),
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
    reset() { for (const b of belts) { b.n = 0; b.carry.fill(0); b.stagedSet = false; b.removed = false; } },
    init(j, slot, initial, len, fractions) {
      const b = belts[j];
      b.latched = len;
      b.slot = slot;
      b.removed = false;
      if (initial === 0) return; // empty slats hold, leak and release nothing
      if (!positive(len)) throw new ConveyorTransit(slot, len);
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
      removalOnce(b, fractions, dt);
      return b.out[which] / dt;
    },
    stage(j, inflow, len, sample, arrest, fractions) {
      const b = belts[j];
      b.stagedArrest = arrest !== 0 && !Number.isNaN(arrest);
      if (b.stagedArrest) { b.stagedSet = true; return; }
      if (sample !== 0 && !Number.isNaN(sample)) b.latched = len;
      if (!positive(b.latched)) throw new ConveyorTransit(b.slot, b.latched);
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
        removalOnce(b, fractions, dt);
        b.removed = false; // the belt moves: next step's takes are new
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

