/**
 * Prints a native equation tree as text in the language of docs/equations.md, with the
 * fewest parentheses that keep the tree's meaning (conditionals, `not` operands and
 * powers are always grouped, which also keeps mathjs's own precedence of `not` out of play).
 */
import { equationReference } from '../../core/names.js';
import type { Expr } from '../../expr/ast.js';

/** Words that cannot be written bare as names in the native language. */
const KEYWORDS = new Set(['and', 'or', 'xor', 'not', 'mod', 'to', 'in', 'if', 'then', 'else', 'true', 'false', 'null', 'undefined', 'nan', 'infinity', 'inf', 'pi', 'e', 'i']);
/** Reserved native names that Vensim control variables translate to. */
const RESERVED = new Set(['time', 'dt', 'initial_time', 'final_time', 'saveper', 'starttime', 'stoptime']);

const PREC: Readonly<Record<string, number>> = {
  or: 1, xor: 2, and: 3, '==': 5, '!=': 5, '<': 5, '<=': 5, '>': 5, '>=': 5, '+': 6, '-': 6, '*': 7, '/': 7, mod: 7, '^': 9,
};

function prec(e: Expr): number {
  switch (e.kind) {
    case 'if': return 0;
    case 'binary': return PREC[e.op];
    case 'unary': return e.op === 'not' ? 4 : 8;
    case 'num': return e.value < 0 || Object.is(e.value, -0) ? 8 : 10;
    default: return 10;
  }
}

export function printName(name: string, id?: string): string {
  if (id !== undefined && RESERVED.has(id) && name === id) return name;
  const ref = equationReference(name);
  if (ref.startsWith('"')) return ref;
  const lower = ref.toLowerCase();
  return KEYWORDS.has(lower) || RESERVED.has(lower) || /^\d/.test(ref) ? JSON.stringify(name) : ref;
}

function printNumber(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return String(v);
}

function wrap(e: Expr, parens: boolean): string {
  const t = printExpr(e);
  return parens ? `(${t})` : t;
}

export function printExpr(e: Expr): string {
  switch (e.kind) {
    case 'num': return printNumber(e.value);
    case 'ref': return printName(e.name, e.id);
    case 'call': return `${e.fn}(${e.args.map(printExpr).join(', ')})`;
    case 'if': return `if ${printExpr(e.cond)} then ${printExpr(e.then)} else ${printExpr(e.else)}`;
    case 'unary':
      if (e.op === 'not') return `not ${wrap(e.arg, prec(e.arg) < 10)}`;
      return `${e.op}${wrap(e.arg, prec(e.arg) < 9 || (e.arg.kind === 'num' && prec(e.arg) === 8))}`;
    case 'binary': {
      const p = PREC[e.op];
      if (e.op === '^') return `${wrap(e.left, prec(e.left) < 10)}^${wrap(e.right, prec(e.right) < 10)}`;
      const cmp = p === 5;
      const left = wrap(e.left, prec(e.left) < p || (cmp && prec(e.left) === p));
      const right = wrap(e.right, prec(e.right) <= p);
      return `${left} ${e.op} ${right}`;
    }
  }
}
