/**
 * Morris elementary effects (references/analysis-methods.md §3.2; Morris 1991, Technometrics
 * 33:161-174; mu* from Campolongo, Cariboni & Saltelli 2007).
 *
 * Grid: p levels {0, 1/(p-1), …, 1} per factor (p even, default 4) and step
 * Δ = p / (2(p-1)) (2/3 for p = 4), which samples every level with equal probability.
 * A trajectory is k+1 unit-cube points: a random base level from {0, …, 1-Δ} per factor, a
 * random direction ±Δ per factor (a factor moving down starts at base+Δ), and a random
 * order in which the factors move one at a time. Trajectory t draws from its own stream
 * createRng(deriveSeed(seed, t)), so adding trajectories keeps the earlier ones.
 *
 * Effects are unit-scaled: EE_i = [y(x + δ e_i) - y(x)] / δ with δ = ±Δ in the unit cube, so
 * mu* is in units of y per full factor range and comparable across factors.
 * mu = mean EE, mu* = mean |EE|, sigma = sample sd of EE (ddof 1; 0 for a single trajectory
 * is reported as NaN). mu_star_conf is a bootstrap half-width over trajectories.
 */
import { createRng, deriveSeed } from '../../core/random.js';
import { bootstrapHalfWidths, sampleSd, type BootstrapOptions } from './bootstrap.js';

export interface MorrisDesign {
  readonly kind: 'morris';
  readonly k: number;
  readonly trajectories: number;
  readonly levels: number;
  readonly delta: number;
  /** r(k+1) unit-cube points, trajectory after trajectory. */
  readonly unit: number[][];
  /** For each trajectory, the factor moved at step m = 1..k (index m-1). */
  readonly moved: number[][];
  /** For each trajectory, the signed unit step at step m = 1..k. */
  readonly steps: number[][];
}

export interface MorrisIndex {
  readonly mu: number;
  readonly mu_star: number;
  readonly sigma: number;
  readonly mu_star_conf: number;
}

export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

export function morrisDesign(k: number, trajectories: number, seed: number, levels = 4): MorrisDesign {
  if (!Number.isInteger(levels) || levels < 2 || levels % 2) throw new RangeError(`Morris needs an even number of levels ≥ 2 (got ${levels})`);
  if (!Number.isInteger(trajectories) || trajectories < 1) throw new RangeError(`Morris needs at least one trajectory (got ${trajectories})`);
  const delta = morrisDelta(levels);
  const unit: number[][] = [];
  const moved: number[][] = [];
  const steps: number[][] = [];
  for (let t = 0; t < trajectories; t++) {
    const rng = createRng(deriveSeed(seed, t));
    const start = new Array<number>(k);
    const dir = new Array<number>(k);
    for (let i = 0; i < k; i++) {
      const base = Math.floor(rng() * (levels / 2)) / (levels - 1);
      dir[i] = rng() < 0.5 ? 1 : -1;
      start[i] = dir[i] > 0 ? base : base + delta;
    }
    const order = shuffled(k, rng);
    let x = start;
    unit.push(x);
    for (const i of order) {
      x = [...x];
      x[i] = snap(x[i] + dir[i] * delta, levels);
      unit.push(x);
    }
    moved.push(order);
    steps.push(order.map((i) => dir[i] * delta));
  }
  return { kind: 'morris', k, trajectories, levels, delta, unit, moved, steps };
}

/** Elementary effects per factor: effects[i][t] for trajectory t. */
export function elementaryEffects(d: MorrisDesign, y: ArrayLike<number>): number[][] {
  const effects = Array.from({ length: d.k }, () => new Array<number>(d.trajectories));
  for (let t = 0; t < d.trajectories; t++) {
    const base = t * (d.k + 1);
    for (let m = 1; m <= d.k; m++) {
      const i = d.moved[t][m - 1];
      effects[i][t] = (y[base + m] - y[base + m - 1]) / d.steps[t][m - 1];
    }
  }
  return effects;
}

export function morrisIndices(d: MorrisDesign, y: ArrayLike<number>, bootstrap: BootstrapOptions): MorrisIndex[] {
  return elementaryEffects(d, y).map((ee, i) => {
    const abs = ee.map(Math.abs);
    const [conf] = bootstrapHalfWidths(ee.length, (idx) => [meanAt(abs, idx)], { ...bootstrap, seed: deriveSeed(bootstrap.seed, i) });
    return { mu: mean(ee), mu_star: mean(abs), sigma: sampleSd(ee), mu_star_conf: conf };
  });
}

/** Levels are exact multiples of 1/(p-1): rounding removes the drift of repeated ±Δ. */
function snap(x: number, levels: number): number {
  return Math.round(x * (levels - 1)) / (levels - 1);
}

function shuffled(k: number, rng: () => number): number[] {
  const p = Array.from({ length: k }, (_, i) => i);
  for (let i = k - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function meanAt(xs: readonly number[], idx: Int32Array): number {
  let s = 0;
  for (let j = 0; j < idx.length; j++) s += xs[idx[j]];
  return s / idx.length;
}
