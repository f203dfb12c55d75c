/**
 * Prints an Expr back to equation text that parseEquation reads as the same tree (fully
 * parenthesised, names written with underscores or in double quotes). The same text is
 * mathjs syntax, which is how expr/derivative.ts hands equations to mathjs.
 */
import { equationReference } from '../core/names.js';
import type { Expr } from './ast.js';

export interface PrintOptions {
  /** How to write a reference; by default its name as an equation reference. */
  readonly name?: (ref: Expr & { kind: 'ref' }) => string;
}

export function printExpr(e: Expr, options: PrintOptions = {}): string {
  const name = options.name ?? ((r) => equationReference(r.name));
  const p = (n: Expr): string => {
    switch (n.kind) {
      case 'num': return printNumber(n.value);
      case 'ref': return name(n);
      case 'unary': return n.op === 'not' ? `(not ${p(n.arg)})` : `(${n.op}${p(n.arg)})`;
      case 'binary': return `(${p(n.left)} ${n.op} ${p(n.right)})`;
      case 'if': return `(${p(n.cond)} ? ${p(n.then)} : ${p(n.else)})`;
      case 'call': return `${n.fn}(${n.args.map(p).join(', ')})`;
    }
  };
  return p(e);
}

/** Numbers as mathjs reads them: exponent form kept, negatives parenthesised. */
export function printNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '(-Infinity)';
  const s = String(Math.abs(x));
  return x < 0 || Object.is(x, -0) ? `(-${s})` : s;
}
