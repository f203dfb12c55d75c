/** Small hand-made inputs for the figure builders (shapes of compare, ensemble, loops, sensitivity, ranking). */
import type { Comparison } from '../../src/analysis/compare.js';
import type { Ensemble } from '../../src/analysis/ensemble.js';
import type { Metric } from '../../src/model/types.js';
import type { LoopDominanceInput } from '../../src/plot/loops.js';
import type { LeverageInput } from '../../src/plot/leverage.js';

export const metrics: Metric[] = [
  { name: 'Outage hours', variable: 'Unavailability', aggregate: 'integral', better: 'lower', units: 'hours' },
  { name: 'Recovered share', variable: 'Availability', aggregate: 'final', better: 'higher' },
];

export const comparison: Comparison = {
  time: { unit: 'hour' },
  baseline: { metrics: { 'Outage hours': 10, 'Recovered share': 0.8 } },
  scenarios: [
    { id: 'cells', title: 'Cellular front end', kind: 'remediation', leverage: 10, metrics: { 'Outage hours': 0, 'Recovered share': 1 }, delta: { 'Outage hours': -10, 'Recovered share': 0.2 } },
    { id: 'alarm', title: 'Thread alarm', kind: 'remediation', leverage: 6, metrics: { 'Outage hours': 4, 'Recovered share': 0.9 }, delta: { 'Outage hours': -6, 'Recovered share': 0.1 } },
    { id: 'bigger', title: 'Bigger buffer', kind: 'remediation', leverage: 11, metrics: { 'Outage hours': 9.5, 'Recovered share': 0.8 }, delta: { 'Outage hours': -0.5, 'Recovered share': 0 } },
    { id: 'rush', title: 'Restart faster', kind: 'remediation', leverage: null, metrics: { 'Outage hours': 13, 'Recovered share': 0.7 }, delta: { 'Outage hours': 3, 'Recovered share': -0.1 } },
  ],
  counterfactuals: [],
  warnings: [],
};

const effect = (medianDelta: number, p10Delta: number, p90Delta: number, pBeatsBaseline: number, pBest: number) => ({ medianDelta, p10Delta, p90Delta, pBeatsBaseline, pBest });

export const ensemble: Ensemble = {
  draws: 20, seed: 7, factors: ['Thread Limit', 'Restart Rate'],
  baseline: { 'Outage hours': { median: 10, p10: 8, p90: 14 }, 'Recovered share': { median: 0.8, p10: 0.7, p90: 0.9 } },
  scenarios: [
    { id: 'cells', title: 'Cellular front end', leverage: 10, metrics: { 'Outage hours': 0, 'Recovered share': 1 }, effects: { 'Outage hours': effect(-10, -14, -8, 1, 0.9), 'Recovered share': effect(0.2, 0.1, 0.3, 1, 0.8) } },
    { id: 'alarm', title: 'Thread alarm', leverage: 6, metrics: { 'Outage hours': 4, 'Recovered share': 0.9 }, effects: { 'Outage hours': effect(-6, -9, -2, 0.95, 0.1), 'Recovered share': effect(0.1, 0, 0.2, 0.8, 0.2) } },
    { id: 'bigger', title: 'Bigger buffer', leverage: 11, metrics: { 'Outage hours': 9.5, 'Recovered share': 0.8 }, effects: { 'Outage hours': effect(-0.5, -1, 0, 0.6, 0), 'Recovered share': effect(0, 0, 0, 0, 0) } },
    { id: 'rush', title: 'Restart faster', leverage: null, metrics: { 'Outage hours': 13, 'Recovered share': 0.7 }, effects: { 'Outage hours': effect(3, 1, 6, 0.05, 0), 'Recovered share': effect(-0.1, -0.2, 0, 0, 0) } },
  ],
};

/** Bass diffusion-like dominance: R (word of mouth) then B (saturation). */
const time = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const r1 = time.map((t) => Math.max(0, 0.9 - 0.12 * t));
export const loops: LoopDominanceInput = {
  loops: [
    { id: 'R1', polarity: 'reinforcing', variables: ['Adopters', 'Adoption from Word of Mouth'] },
    { id: 'B1', polarity: 'balancing', variables: ['Potential Adopters', 'Adoption from Word of Mouth'] },
    { id: 'B2', polarity: 'balancing', variables: ['Potential Adopters', 'Adoption from Advertising'] },
  ],
  time,
  relative_scores: { R1: r1, B1: r1.map((r) => -(1 - r) * 0.8), B2: r1.map((r) => -(1 - r) * 0.2) },
  dominance: [{ from: 0, to: 3, loops: ['R1'] }, { from: 4, to: 8, loops: ['B1'] }],
};

export const oat = {
  method: 'oat', metric: 'Final temperature', nominal: 100,
  indices: { 'Room Temperature': { low: 90, high: 110, min: 90, max: 110, swing: 20, x: [60, 80], y: [90, 110] }, 'Characteristic Time': { low: 80, high: 130, min: 80, max: 130, swing: 50, x: [5, 20], y: [80, 130] } },
};
export const morris = {
  method: 'morris', metric: 'Final temperature',
  indices: { a: { mu: 3, mu_star: 4, sigma: 1, mu_star_conf: 0.5 }, b: { mu: -7.875, mu_star: 7.875, sigma: 6.1, mu_star_conf: 1.2 }, c: { mu: 0, mu_star: 0.1, sigma: 0.05, mu_star_conf: 0.02 } },
};
/** Ishigami reference indices (analysis-methods.md §0, S1). */
export const sobol = {
  method: 'sobol', metric: 'Ishigami',
  indices: { x1: { S1: 0.3139, ST: 0.5576, S1_conf: 0.02, ST_conf: 0.03 }, x2: { S1: 0.4424, ST: 0.4424, S1_conf: 0.02, ST_conf: 0.02 }, x3: { S1: 0, ST: 0.2437, S1_conf: 0.01, ST_conf: 0.02 } },
};

export const leverage: LeverageInput = {
  metric: 'Outage hours',
  entries: [
    { id: 'cells', kind: 'intervention', level: 10, effect: 10, low: 8, high: 14, pBest: 0.9 },
    { id: 'Thread Limit', kind: 'parameter', level: 12, effect: 6 },
    { id: 'alarm', kind: 'intervention', level: 6, effect: 6, low: 2, high: 9, pBest: 0.1 },
    { id: 'rush', kind: 'intervention', level: null, effect: -3, low: -6, high: -1 },
  ],
};
