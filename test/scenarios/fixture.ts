/** A small bathtub model with scenarios and metrics, for scenario and analysis tests. */
import { modelFromNative } from '../../src/model/native.js';
import type { Model } from '../../src/model/types.js';

export const bathtubDoc = {
  name: 'Bathtub',
  sim: { start: 0, stop: 10, dt: 0.25, saveper: 0.5 },
  stocks: { Water: { initial: 50, inflows: ['Inflow'], outflows: ['Drain'] } },
  flows: { Inflow: { equation: 'Tap_Rate' }, Drain: { equation: 'Water / Drain_Time' } },
  auxiliaries: { Level: { equation: 'Water', lookup: { points: [[0, 0], [100, 1]] } } },
  constants: {
    'Tap Rate': { value: 10, uncertainty: { min: 5, max: 15, source: 'test' } },
    'Drain Time': { value: 5, uncertainty: { min: 2, max: 8, distribution: 'loguniform', source: 'test' } },
    Unused: { value: 1 },
  },
  lookups: { Effect: { points: [[0, 1], [1, 2]] } },
  metrics: {
    'Final water': { variable: 'Water', aggregate: 'final', better: 'lower' },
    'Peak drain': { variable: 'Drain', aggregate: 'max', better: 'higher' },
  },
  scenarios: [
    { id: 'slow-tap', title: 'Slow tap', leverage: { level: 12, reason: 'a number' }, changes: [{ set: { 'Tap Rate': 5 } }] },
    { id: 'fast-drain', title: 'Fast drain', leverage: { level: 9, reason: 'a delay' }, changes: [{ set: { 'Drain Time': 2 } }] },
    { id: 'nothing', title: 'Nothing', changes: [{ set: { Unused: 2 } }] },
    { id: 'overflow', title: 'Overflow drain', leverage: { level: 10, reason: 'structure' }, changes: [
      { add: { kind: 'flow', name: 'Overflow', equation: 'max(0, Water - 40)' } },
      { connect: { stock: 'Water', outflow: 'Overflow' } },
    ] },
  ],
};

export function bathtub(): Model {
  const lowered = modelFromNative(structuredClone(bathtubDoc), 'bathtub.yaml');
  if (!lowered.model) throw new Error(lowered.diagnostics.map((d) => d.message).join('\n'));
  return lowered.model;
}
