/**
 * The sign of an expression under the system-dynamics labelling convention that every
 * named quantity is positive (the convention every causal-loop diagram uses: `share =
 * part / total` reads total → share as negative). Used only as the last resort for the
 * polarity of links that never act during a run, on their symbolic derivative.
 * Returns undefined when the convention does not decide the sign.
 */
import type { Expr } from '../../expr/ast.js';

type S = 1 | -1 | 0 | undefined;

const POSITIVE_FUNCTIONS = new Set(['exp', 'sqrt', 'cosh']);

export function conventionalSign(e: Expr): S {
  switch (e.kind) {
    case 'num': return Number.isNaN(e.value) ? undefined : (Math.sign(e.value) as S);
    case 'ref': return e.id === 'nan' ? undefined : 1;
    case 'unary': {
      const a = conventionalSign(e.arg);
      return e.op === '-' ? negate(a) : e.op === '+' ? a : undefined;
    }
    case 'binary': {
      const [a, b] = [conventionalSign(e.left), conventionalSign(e.right)];
      switch (e.op) {
        case '+': return sum(a, b);
        case '-': return sum(a, negate(b));
        case '*': return a === undefined || b === undefined ? undefined : ((a * b) as S);
        case '/': return a === undefined || b === undefined || b === 0 ? undefined : ((a * b) as S);
        case '^': return a === 1 ? 1 : undefined;
        default: return undefined;
      }
    }
    case 'if': {
      const [a, b] = [conventionalSign(e.then), conventionalSign(e.else)];
      return a === b ? a : undefined;
    }
    case 'call': {
      if (POSITIVE_FUNCTIONS.has(e.fn)) return 1;
      if (e.fn === 'abs') return conventionalSign(e.args[0]) === 0 ? 0 : 1;
      return undefined;
    }
  }
}

function negate(a: S): S {
  return a === undefined ? undefined : ((-a || 0) as S);
}

function sum(a: S, b: S): S {
  if (a === undefined || b === undefined) return undefined;
  if (a === 0) return b;
  if (b === 0) return a;
  return a === b ? a : undefined;
}
