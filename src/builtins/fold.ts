/**
 * Constant folding for arguments that must be known before simulation (orders of SMOOTHN
 * and DELAYN): numbers, constants, the clock constants (dt, start, stop, saveper) and
 * arithmetic on them.
 */
import type { Expr } from '../expr/ast.js';
import { parseEquation } from '../expr/parse.js';
import type { Variable } from '../model/types.js';

export function foldConstant(
  e: Expr, vars: ReadonlyMap<string, Variable>, clock: ReadonlyMap<string, number> = new Map(), visiting: ReadonlySet<string> = new Set(),
): number | undefined {
  const fold = (x: Expr) => foldConstant(x, vars, clock, visiting);
  switch (e.kind) {
    case 'num': return e.value;
    case 'ref': {
      const v = vars.get(e.id);
      if (!v && clock.has(e.id)) return clock.get(e.id);
      if (v?.kind === 'constant') return v.value;
      if (v?.kind === 'aux' && !v.gf && !visiting.has(v.id)) {
        const parsed = parseEquation(v.equation);
        return parsed.expr ? foldConstant(parsed.expr, vars, clock, new Set([...visiting, v.id])) : undefined;
      }
      return undefined;
    }
    case 'unary': {
      const a = fold(e.arg);
      if (a === undefined) return undefined;
      return e.op === '-' ? -a : e.op === '+' ? a : Number(!a);
    }
    case 'binary': {
      const a = fold(e.left);
      const b = fold(e.right);
      if (a === undefined || b === undefined) return undefined;
      switch (e.op) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return a / b;
        case '^': return a ** b;
        default: return undefined;
      }
    }
    default: return undefined;
  }
}
