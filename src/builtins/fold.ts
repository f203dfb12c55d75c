/**
 * Constant folding for arguments that must be known before simulation (orders of SMOOTHN
 * and DELAYN): numbers, constants and arithmetic on them.
 */
import type { Expr } from '../expr/ast.js';
import type { Variable } from '../model/types.js';

export function foldConstant(e: Expr, vars: ReadonlyMap<string, Variable>): number | undefined {
  switch (e.kind) {
    case 'num': return e.value;
    case 'ref': {
      const v = vars.get(e.id);
      if (v?.kind === 'constant') return v.value;
      if (v?.kind === 'aux') {
        const n = Number(v.equation);
        return v.equation.trim() !== '' && Number.isFinite(n) ? n : undefined;
      }
      return undefined;
    }
    case 'unary': {
      const a = foldConstant(e.arg, vars);
      if (a === undefined) return undefined;
      return e.op === '-' ? -a : e.op === '+' ? a : Number(!a);
    }
    case 'binary': {
      const a = foldConstant(e.left, vars);
      const b = foldConstant(e.right, vars);
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
