/**
 * Selecting an array element by an index computed while the model runs (XMILE 1.0 §3.7.1:
 * `a[INT(TIME MOD 5) + 1]`, `a[b]` with b a variable, the flat index `a(k)` of §3.3.2). The
 * index is truncated like INT; outside 1…n the value is 0, as for the flat index.
 */
import { bin, num, type Expr } from '../../expr/ast.js';

/** `element(k)` for the k (1…n) that `index` names, by a binary search over [1, n + 1). */
export function selectByIndex(index: Expr, n: number, element: (k: number) => Expr): Expr {
  // The index is evaluated about log2(n) times, not n.
  const pick = (lo: number, hi: number): Expr => {
    if (lo === hi) return element(lo);
    const mid = (lo + hi) >> 1;
    return { kind: 'if', cond: bin('<', index, num(mid + 1)), then: pick(lo, mid), else: pick(mid + 1, hi) };
  };
  const inRange = bin('and', bin('>=', index, num(1)), bin('<', index, num(n + 1)));
  return { kind: 'if', cond: inRange, then: pick(1, n), else: num(0) };
}
