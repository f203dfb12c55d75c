/**
 * Tipping triggers. From a stable equilibrium, a trigger acts for a while — a pulse of a flow
 * (an extra A per time unit through it) or a step of a constant (raised by A) — and then
 * stops; the system either returns or settles in another attractor. The smallest A that
 * tips it is found by bisection on A with a run per trial. The recovery time is the time
 * after the trigger ends until the state is back within 1% of the largest displacement the
 * trigger caused (for a linear system ln(100)/|slowest eigenvalue|, so it grows without
 * bound as a fold is approached: critical slowing down).
 */
import { canonicalName } from '../../core/names.js';
import { follow } from './flow.js';
import { newton } from './newton.js';
import { describe, type Equilibrium } from './equilibria.js';
import type { DynamicalSystem } from './system.js';

export interface Trigger {
  readonly kind: 'pulse' | 'step';
  /** A flow (pulse) or a constant (step), by name. */
  readonly target: string;
  readonly duration: number;
}

export interface TriggerOutcome {
  readonly tipped: boolean;
  /** The run broke down (non-finite rates or state): it says nothing about another attractor. */
  readonly failed?: boolean;
  /** Time after the trigger ended until back within 1% of the largest displacement; undefined when tipped or not back. */
  readonly recovery?: number;
  /** The state where the run ended. */
  readonly end: readonly number[];
  /** The trajectory, sampled every `sample` time units from the trigger's start. */
  readonly path: { t: number; x: number[] }[];
}

/** Sets a trigger of amplitude a going; returns the undo. */
type Apply = (a: number) => { forcing?: (t: number, out: Float64Array) => void; undo: () => void };

/** How the trigger acts on the system, or why it cannot. */
export function triggerAction(s: DynamicalSystem, t: Trigger): Apply | string {
  const id = canonicalName(t.target);
  const variable = s.model.variables.find((v) => v.id === id);
  if (t.kind === 'step') {
    const slot = s.constantSlot(t.target);
    if (slot === undefined || variable?.kind !== 'constant') return `'${t.target}' is not a constant of the model`;
    const base = variable.value;
    return (a) => { s.setConstant(slot, base + a); return { undo: () => s.setConstant(slot, base) }; };
  }
  if (variable?.kind !== 'flow') return `'${t.target}' is not a flow of the model`;
  const signs = s.stockNames.map((name) => {
    const stock = s.model.variables.find((v) => v.name === name);
    if (stock?.kind !== 'stock') return 0;
    const flows = (list: readonly string[]) => list.some((f) => canonicalName(f) === id);
    return (flows(stock.inflows) ? 1 : 0) - (flows(stock.outflows) ? 1 : 0);
  });
  return (a) => ({ forcing: (_t, out) => { for (let i = 0; i < out.length; i++) out[i] += a * signs[i]; }, undo: () => undefined });
}

export interface TippingOptions {
  /** How long to wait for the return after the trigger (default: 50 × the slowest time constant, at least the run's length). */
  readonly horizon?: number;
  /** Sampling of the recorded path. */
  readonly sample?: number;
}

/** Where the system goes after a trigger of amplitude a from the equilibrium. */
export function applyTrigger(s: DynamicalSystem, from: Equilibrium, t: Trigger, apply: Apply, a: number, o: TippingOptions = {}): TriggerOutcome {
  const w = scaleOf(s, from);
  const horizon = o.horizon ?? defaultHorizon(s, from);
  const sample = o.sample ?? Math.max(t.duration, horizon) / 400;
  const path: { t: number; x: number[] }[] = [{ t: 0, x: [...from.state] }];
  const distance = (x: ArrayLike<number>) => Math.max(...Array.from(x, (v, i) => Math.abs(v - from.state[i]) / w[i]));
  let peak = 0;
  const action = apply(a);
  const during = follow(s, from.state, {
    duration: t.duration, step: Math.min(sample, t.duration), forcing: action.forcing,
    until: (time, x) => { path.push({ t: time, x: Array.from(x) }); peak = Math.max(peak, distance(x)); return false; },
  });
  action.undo();
  if (!during.ok) return { tipped: true, failed: true, end: during.x, path };
  let back: number | undefined;
  let last = { time: 0, d: distance(during.x) };
  const after = follow(s, during.x, {
    duration: horizon, step: horizon / 4000,
    until: (time, x) => {
      if (time - path[path.length - 1].t + t.duration >= sample) path.push({ t: t.duration + time, x: Array.from(x) });
      const d = distance(x);
      peak = Math.max(peak, d);
      // The crossing of 1% of the peak, interpolated between checks.
      if (back === undefined && d <= 0.01 * peak) back = last.time + (time - last.time) * (last.d - 0.01 * peak) / Math.max(last.d - d, 1e-300);
      last = { time, d };
      return back !== undefined && d <= 1e-3 * peak;
    },
  });
  const home = after.ok && distance(after.x) <= 0.01 * Math.max(peak, 1e-12);
  return { tipped: !home, failed: !after.ok, recovery: home ? back : undefined, end: after.x, path };
}

/**
 * The smallest amplitude that tips the system (bisection to 1e-4 relative), or undefined when
 * none up to 2^40 × the first guess does, or when the run breaks down (non-finite rates) at a
 * size before any finite run has failed to return: `failedAt` is then that size.
 */
export function tippingThreshold(s: DynamicalSystem, from: Equilibrium, t: Trigger, apply: Apply, guess: number, o: TippingOptions = {}): { amplitude?: number; below?: TriggerOutcome; above?: TriggerOutcome; failedAt?: number } {
  let lo = 0, hi = Math.max(guess, 1e-9);
  let above = applyTrigger(s, from, t, apply, hi, o);
  for (let k = 0; !above.tipped; k++) {
    if (k === 40) return {};
    lo = hi; hi *= 2;
    above = applyTrigger(s, from, t, apply, hi, o);
  }
  if (above.failed) return { failedAt: hi };
  let below = applyTrigger(s, from, t, apply, lo, o);
  while (hi - lo > 1e-4 * hi) {
    const mid = (lo + hi) / 2;
    const r = applyTrigger(s, from, t, apply, mid, o);
    if (r.tipped) { hi = mid; above = r; } else { lo = mid; below = r; }
  }
  return { amplitude: hi, below, above };
}

/**
 * Recovery time from a fixed trigger as a constant varies: the stable equilibrium is followed
 * from one value to the next by Newton; where it is lost (or turns unstable) the rest is
 * reported without a state.
 */
export function recoveryCurve(s: DynamicalSystem, from: Equilibrium, t: Trigger, amplitude: number, slot: number, values: readonly number[], o: TippingOptions = {}) {
  const base = s.compiled.layout.constants.find((c) => c.slot === slot)!.value;
  const w = scaleOf(s, from);
  let x: readonly number[] | undefined = from.state;
  const out: { value: number; recovery?: number; tipped: boolean; stable: boolean; slowest?: number }[] = [];
  for (const value of values) {
    s.setConstant(slot, value);
    const at: number[] | undefined = x && newton((y, f) => s.rates(y, f), x, { scale: w, ftol: 1e-9 * Math.max(1, ...from.state.map(Math.abs)) });
    const e: Equilibrium | undefined = at && describe(s, at, w);
    if (!e || !e.stable) { x = undefined; out.push({ value, tipped: true, stable: false }); continue; }
    x = e.state;
    const r = applyTrigger(s, e, t, triggerAction(s, t) as Apply, amplitude, o);
    out.push({ value, recovery: r.recovery, tipped: r.tipped, stable: true, slowest: e.switch ? undefined : Math.max(...e.eigenvalues.map(([re]: readonly number[]) => re)) });
  }
  s.setConstant(slot, base);
  return out;
}

/** Per-stock distance scale: the stock's size, at least 1% of the largest stock. */
function scaleOf(_s: DynamicalSystem, e: Equilibrium): number[] {
  const big = Math.max(1e-9, ...e.state.map(Math.abs));
  return e.state.map((v) => Math.max(Math.abs(v), 0.01 * big));
}

function defaultHorizon(s: DynamicalSystem, e: Equilibrium): number {
  const eig = e.switch ? e.switch.sides.flatMap((side) => side.eigenvalues) : e.eigenvalues;
  const slowest = Math.min(...eig.map(([re]) => Math.abs(re)));
  const run = s.compiled.sim.stop - s.compiled.sim.start;
  return Math.min(Math.max(50 / Math.max(slowest, 1e-9), run), 100 * run);
}

/** The stable equilibrium the model's own run settles nearest to (the state it rests in). */
export function restingState(s: DynamicalSystem, stable: readonly Equilibrium[]): Equilibrium | undefined {
  if (!stable.length) return undefined;
  const end = follow(s, s.initial, { duration: s.compiled.sim.stop - s.compiled.sim.start, step: s.compiled.sim.stop - s.compiled.sim.start }).x;
  const w = scaleOf(s, stable[0]).map((v, i) => Math.max(v, ...stable.map((e) => Math.abs(e.state[i])), 1e-9));
  const dist = (x: readonly number[]) => x.reduce((d, v, i) => d + ((v - end[i]) / w[i]) ** 2, 0);
  return [...stable].sort((a, b) => dist(a.state) - dist(b.state))[0];
}
