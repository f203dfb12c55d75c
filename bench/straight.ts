/**
 * The practical limit as measured on V8: the model's
 * equations written out as straight-line statements `a[k] = …` over Float64Arrays, one
 * statement per equation with constants inlined, split into functions of 16 statements
 * (the best size measured there), driven by a hand-written Euler/RK4 loop. This is what a
 * person would write for one specific model; it is generated here only because N = 1000
 * means 7,000 statements.
 */
import { DT, integrateByHand, STEPS } from './chain.js';

const EFFECT = '[[0, 1], [0.5, 0.9], [1, 0.6], [1.5, 0.3], [2, 0.1], [3, 0]]';

/** The derivative as a function body returning `{ deriv, a, f }` (a: auxiliaries, f: flows). */
export function source(n: number): string {
  // a: auxiliaries, 5 per stock; f: flows in_i at 2i, out_i at 2i+1; y: stocks, smooth at n.
  const stmts: string[] = ['f[0] = 10 + (t >= 20 ? 5 : 0);'];
  for (let i = 0; i < n; i++) {
    const a = 5 * i;
    if (i > 0) stmts.push(`f[${2 * i}] = f[${2 * i - 1}];`);
    stmts.push(
      `a[${a}] = y[${i}] / 100;`,
      `a[${a + 1}] = effect(a[${a}]);`,
      `a[${a + 2}] = a[${a}] > 1 ? a[${a}] - 1 : 0;`,
      `a[${a + 3}] = Math.max(a[${a + 2}], 0.1 * a[${a}]);`,
      `a[${a + 4}] = y[${i}] / 5 * a[${a + 1}] * (1 + a[${a + 3}]);`,
      `f[${2 * i + 1}] = Math.min(a[${a + 4}], Math.max(0, y[${i}] / ${DT}));`,
    );
  }
  for (let i = 0; i < n; i++) stmts.push(`d[${i}] = f[${2 * i}] - f[${2 * i + 1}];`);
  stmts.push(`d[${n}] = (f[${2 * n - 1}] - y[${n}]) / 2;`);
  const fns: string[] = [];
  const calls: string[] = [];
  for (let k = 0; k * 16 < stmts.length; k++) {
    fns.push(`function c${k}(t, y, d) {\n${stmts.slice(16 * k, 16 * k + 16).join('\n')}\n}`);
    calls.push(`c${k}(t, y, d);`);
  }
  return `"use strict";
const P = ${EFFECT};
function effect(x) {
  if (x <= P[0][0]) return P[0][1];
  if (x >= P[P.length - 1][0]) return P[P.length - 1][1];
  let k = 1;
  while (P[k][0] < x) k++;
  return P[k - 1][1] + (x - P[k - 1][0]) * (P[k][1] - P[k - 1][1]) / (P[k][0] - P[k - 1][0]);
}
const a = new Float64Array(${5 * n});
const f = new Float64Array(${2 * n});
${fns.join('\n')}
return { deriv(t, y, d) { ${calls.join(' ')} }, a, f };`;
}

export function straightLine(n: number): (method: 'euler' | 'rk4') => Float64Array {
  const { deriv } = new Function(source(n))() as { deriv: (t: number, y: Float64Array, d: Float64Array) => void };
  return (method) => {
    const y = new Float64Array(n + 1).fill(10, 0, n);
    // The smooth starts at its input's initial value: with y[n] = 0, d[n] = out_n / 2.
    const d = new Float64Array(n + 1);
    deriv(0, y, d);
    y[n] = 2 * d[n];
    return integrateByHand(deriv, y, method, STEPS);
  };
}
