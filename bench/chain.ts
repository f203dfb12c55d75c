/**
 * The benchmark workload: an aging chain of N stocks with 7 equations per stock (a lookup,
 * MIN/MAX, IF, divisions) plus a source with a STEP and one SMOOTH, a shape typical of
 * real SD models. Built three ways: as a stockflow Model, as a
 * hand-written JS loop over Float64Arrays (the practical limit), and as mathjs strings.
 */
import { canonicalName } from '../src/core/names.js';
import type { Model, Variable } from '../src/model/types.js';

export const STEPS = 10_000;
export const DT = 0.01;
const TAU = 5;
const CAPACITY = 100;
const EFFECT: [number, number][] = [[0, 1], [0.5, 0.9], [1, 0.6], [1.5, 0.3], [2, 0.1], [3, 0]];

export interface Equation { readonly name: string; readonly equation: string }

/** Per stock i (1-based): the auxiliaries and flows, as equations in the native language. */
export function chainEquations(n: number): { stocks: string[]; flows: Equation[]; auxes: Equation[] } {
  const stocks: string[] = [];
  const flows: Equation[] = [];
  const auxes: Equation[] = [{ name: 'source', equation: '10 + step(5, 20)' }, { name: 'smoothed', equation: `smooth(out_${n}, 2)` }];
  for (let i = 1; i <= n; i++) {
    stocks.push(`s_${i}`);
    auxes.push(
      { name: `ratio_${i}`, equation: `s_${i} / capacity` },
      { name: `effect_${i}`, equation: `effect(ratio_${i})` },
      { name: `gap_${i}`, equation: `if ratio_${i} > 1 then ratio_${i} - 1 else 0` },
      { name: `pressure_${i}`, equation: `max(gap_${i}, 0.1 * ratio_${i})` },
      { name: `desired_${i}`, equation: `s_${i} / tau * effect_${i} * (1 + pressure_${i})` },
    );
    flows.push(
      { name: `in_${i}`, equation: i === 1 ? 'source' : `out_${i - 1}` },
      { name: `out_${i}`, equation: `min(desired_${i}, max(0, s_${i} / dt))` },
    );
  }
  return { stocks, flows, auxes };
}

export function chainModel(n: number, method: string): Model {
  const { stocks, flows, auxes } = chainEquations(n);
  const v = (name: string) => ({ name, id: canonicalName(name) });
  const variables: Variable[] = [
    ...stocks.map((s, i): Variable => ({ ...v(s), kind: 'stock', initial: '10', inflows: [`in_${i + 1}`], outflows: [`out_${i + 1}`] })),
    ...flows.map((f): Variable => ({ ...v(f.name), kind: 'flow', equation: f.equation })),
    ...auxes.map((a): Variable => ({ ...v(a.name), kind: 'aux', equation: a.equation })),
    { ...v('tau'), kind: 'constant', value: TAU },
    { ...v('capacity'), kind: 'constant', value: CAPACITY },
    { ...v('effect'), kind: 'lookup', table: { points: EFFECT, interpolation: 'continuous' } },
  ];
  return { name: `chain-${n}`, sim: { start: 0, stop: STEPS * DT, dt: DT, saveper: STEPS * DT / 10, method }, variables };
}

/** The chain's lookup, by linear scan as a person would write it. */
export function effect(x: number): number {
  const p = EFFECT;
  if (x <= p[0][0]) return p[0][1];
  if (x >= p[p.length - 1][0]) return p[p.length - 1][1];
  let k = 1;
  while (p[k][0] < x) k++;
  return p[k - 1][1] + (x - p[k - 1][0]) * (p[k][1] - p[k - 1][1]) / (p[k][0] - p[k - 1][0]);
}

/**
 * The same model written by hand: loops over Float64Arrays, no allocation per step.
 * Returns the final state (stocks then the smooth) for a correctness check.
 */
export function handWritten(n: number, method: 'euler' | 'rk4'): Float64Array {
  const size = n + 1;
  const y = new Float64Array(size);
  const out = new Float64Array(n);
  const aux = new Float64Array(5 * n);
  const deriv = (t: number, s: Float64Array, d: Float64Array) => {
    const source = 10 + (t >= 20 ? 5 : 0);
    for (let i = 0; i < n; i++) {
      const ratio = s[i] / CAPACITY;
      const eff = effect(ratio);
      const gap = ratio > 1 ? ratio - 1 : 0;
      const pressure = Math.max(gap, 0.1 * ratio);
      const desired = s[i] / TAU * eff * (1 + pressure);
      aux[5 * i] = ratio; aux[5 * i + 1] = eff; aux[5 * i + 2] = gap; aux[5 * i + 3] = pressure; aux[5 * i + 4] = desired;
      out[i] = Math.min(desired, Math.max(0, s[i] / DT));
    }
    d[0] = source - out[0];
    for (let i = 1; i < n; i++) d[i] = out[i - 1] - out[i];
    d[n] = (out[n - 1] - s[n]) / 2;
  };
  y.fill(10, 0, n);
  // The smooth starts at its input's initial value.
  deriv(0, y, new Float64Array(size));
  y[n] = out[n - 1];
  return integrateByHand(deriv, y, method, STEPS);
}

export type Derivative = (t: number, y: Float64Array, d: Float64Array) => void;

/** The hand-written time loop every baseline shares: fixed-step Euler or classic RK4 over y, in place. */
export function integrateByHand(deriv: Derivative, y: Float64Array, method: 'euler' | 'rk4', steps: number): Float64Array {
  const size = y.length;
  const k = [0, 1, 2, 3].map(() => new Float64Array(size));
  const ys = new Float64Array(size);
  for (let step = 0; step < steps; step++) {
    const t = step * DT;
    deriv(t, y, k[0]);
    if (method === 'euler') {
      for (let i = 0; i < size; i++) y[i] += DT * k[0][i];
      continue;
    }
    for (let i = 0; i < size; i++) ys[i] = y[i] + 0.5 * DT * k[0][i];
    deriv(t + 0.5 * DT, ys, k[1]);
    for (let i = 0; i < size; i++) ys[i] = y[i] + 0.5 * DT * k[1][i];
    deriv(t + 0.5 * DT, ys, k[2]);
    for (let i = 0; i < size; i++) ys[i] = y[i] + DT * k[2][i];
    deriv(t + DT, ys, k[3]);
    for (let i = 0; i < size; i++) y[i] += DT / 6 * (k[0][i] + 2 * k[1][i] + 2 * k[2][i] + k[3][i]);
  }
  return y;
}
