/**
 * Prints a translated equation (the engine's `Expr` tree, src/expr/ast.ts) as native
 * equation text (docs/equations.md). Parentheses follow the mathjs precedence the native
 * parser uses, erring on the side of more: comparisons never chain (mathjs would turn
 * `a < b < c` into a forbidden relational chain), unary operands that are not atoms are
 * parenthesised, and a conditional that is not the whole equation is wrapped.
 */
import type { BinaryOp, Expr } from '../../expr/ast.js';
import { nativeRef } from './names.js';

const PREC: Readonly<Record<BinaryOp, number>> = {
  or: 1, xor: 2, and: 3,
  '==': 5, '!=': 5, '<': 5, '<=': 5, '>': 5, '>=': 5,
  '+': 6, '-': 6, '*': 7, '/': 7, mod: 7, '^': 9,
};
const UNARY = 8;

function prec(e: Expr): number {
  switch (e.kind) {
    case 'if': return 0;
    case 'binary': return PREC[e.op];
    case 'unary': return UNARY;
    case 'num': return e.value < 0 || Object.is(e.value, -0) ? UNARY : 10;
    default: return 10;
  }
}

export function printNative(e: Expr): string {
  return print(e, true);
}

function print(e: Expr, top = false): string {
  switch (e.kind) {
    case 'num': return formatNumber(e.value);
    case 'ref': return nativeRef(e.name);
    case 'call': return `${e.fn}(${e.args.map((a) => print(a, true)).join(', ')})`;
    case 'if': {
      const text = `if ${print(e.cond, true)} then ${print(e.then, true)} else ${print(e.else, true)}`;
      return top ? text : `(${text})`;
    }
    case 'unary': {
      const arg = e.arg.kind === 'ref' || e.arg.kind === 'call' || (e.arg.kind === 'num' && prec(e.arg) === 10)
        ? print(e.arg) : `(${print(e.arg, true)})`;
      return e.op === 'not' ? `not ${arg}` : `${e.op}${arg}`;
    }
    case 'binary': {
      const p = PREC[e.op];
      const rightAssoc = e.op === '^';
      const cmp = p === 5;
      const wrapLeft = prec(e.left) < p || (rightAssoc && prec(e.left) <= p) || (cmp && prec(e.left) === 5);
      const wrapRight = prec(e.right) < p || (!rightAssoc && prec(e.right) === p) || (rightAssoc && prec(e.right) < 10 && prec(e.right) !== p);
      const l = wrapLeft ? `(${print(e.left, true)})` : print(e.left);
      const r = wrapRight ? `(${print(e.right, true)})` : print(e.right);
      return `${l} ${e.op} ${r}`;
    }
    default: return assertNever(e);
  }
}

export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return String(v);
}

function assertNever(x: never): never {
  throw new Error(`unexpected node ${JSON.stringify(x)}`);
}
