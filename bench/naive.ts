/**
 * The naive baseline: every equation parsed once by mathjs, then evaluated by mathjs at every
 * step with a Map scope (faster than a plain object: performance.md) — what a simulator
 * that keeps mathjs in the loop does. Euler or RK4 over the same chain.
 */
import { compile, type EvalFunction } from 'mathjs';
import { preprocess } from '../src/expr/preprocess.js';
import { chainEquations, DT } from './chain.js';

const EFFECT: [number, number][] = [[0, 1], [0.5, 0.9], [1, 0.6], [1.5, 0.3], [2, 0.1], [3, 0]];

export function naive(n: number, method: 'euler' | 'rk4', steps: number): Float64Array {
  const { flows, auxes } = chainEquations(n);
  // Evaluation order: source, then per stock its auxiliaries, then its flows (in_i reads out_{i-1}).
  const order: { name: string; text: string; code?: EvalFunction }[] = [{ name: 'source', text: '10 + step(5, 20)' }];
  for (let i = 1; i <= n; i++) {
    for (const a of auxes.filter((x) => x.name.endsWith(`_${i}`))) order.push({ name: a.name, text: preprocess(a.equation).text! });
    for (const f of flows.filter((x) => x.name.endsWith(`_${i}`))) order.push({ name: f.name, text: f.equation });
  }
  for (const e of order) e.code = compile(e.text);
  const scope: Map<string, unknown> = new Map<string, unknown>([
    ['tau', 5], ['capacity', 100], ['dt', DT], ['time', 0],
    ['step', (h: number, t0: number): number => ((scope.get('time') as number) >= t0 ? h : 0)],
    ['effect', (x: number) => {
      const p = EFFECT;
      if (x <= p[0][0]) return p[0][1];
      if (x >= p[p.length - 1][0]) return p[p.length - 1][1];
      let k = 1;
      while (p[k][0] < x) k++;
      return p[k - 1][1] + (x - p[k - 1][0]) * (p[k][1] - p[k - 1][1]) / (p[k][0] - p[k - 1][0]);
    }],
  ]);
  const size = n + 1;
  const deriv = (t: number, s: Float64Array, d: Float64Array) => {
    scope.set('time', t);
    for (let i = 0; i < n; i++) scope.set(`s_${i + 1}`, s[i]);
    for (const e of order) scope.set(e.name, e.code!.evaluate(scope));
    for (let i = 1; i <= n; i++) d[i - 1] = (scope.get(`in_${i}`) as number) - (scope.get(`out_${i}`) as number);
    d[n] = ((scope.get(`out_${n}`) as number) - s[n]) / 2;
  };
  const y = new Float64Array(size).fill(10, 0, n);
  const k = [0, 1, 2, 3].map(() => new Float64Array(size));
  const ys = new Float64Array(size);
  deriv(0, y, k[0]);
  y[n] = scope.get(`out_${n}`) as number;
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
