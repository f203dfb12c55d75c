/**
 * The naive baseline: every equation parsed once by mathjs, then evaluated by mathjs at every
 * step with a Map scope (faster than a plain object: performance.md) — what a simulator
 * that keeps mathjs in the loop does. Euler or RK4 over the same chain.
 */
import { compile, type EvalFunction } from 'mathjs';
import { preprocess } from '../src/expr/preprocess.js';
import { chainEquations, DT, effect, integrateByHand } from './chain.js';

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
    ['effect', effect],
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
  deriv(0, y, new Float64Array(size));
  y[n] = scope.get(`out_${n}`) as number;
  return integrateByHand(deriv, y, method, steps);
}
