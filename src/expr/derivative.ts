/**
 * Symbolic partial derivatives of equations, by mathjs (kept behind this layer). Used by
 * loop analysis for link polarity: the sign of ∂z/∂x is the polarity of the link x → z.
 *
 * The equation is printed to mathjs text with every reference renamed to a neutral symbol
 * (`v0`, `v1` …) and known constants inlined as numbers, differentiated without mathjs's
 * (slow) full simplification, and read back into an Expr whose references are the
 * original ones. Equations mathjs cannot differentiate — conditionals, comparisons,
 * min/max, lookups, step functions, `mod` — have no symbolic derivative: the result is
 * undefined and callers fall back to a numerical (ceteris-paribus) difference.
 */
import { mapExpr, walk, type Expr } from './ast.js';
import { parseEquation } from './parse.js';
import { printExpr, printNumber } from './print.js';
import { mathDerivative } from './mathjs.js';

export interface DerivativeOptions {
  /** The value of a reference that never changes (a model constant), to inline it. */
  readonly constant?: (id: string) => number | undefined;
}

/** Our function names that mathjs spells differently. */
const MATHJS_NAMES: Readonly<Record<string, string>> = {
  ln: 'log', arcsin: 'asin', arccos: 'acos', arctan: 'atan', asin: 'asin', acos: 'acos', atan: 'atan', power: 'pow',
};

/** ∂e/∂(reference `wrt`), or undefined when mathjs cannot differentiate the equation. */
export function partialDerivative(e: Expr, wrt: string, options: DerivativeOptions = {}): Expr | undefined {
  const symbols = new Map<string, string>();
  const originals = new Map<string, Expr>();
  walk(e, (n) => {
    if (n.kind !== 'ref' || symbols.has(n.id)) return;
    if (n.id !== wrt && options.constant?.(n.id) !== undefined) return;
    const sym = `v${symbols.size}`;
    symbols.set(n.id, sym);
    originals.set(sym, n);
  });
  const x = symbols.get(wrt);
  if (!x) return { kind: 'num', value: 0 };
  const renamed = mapExpr(e, (n) => (n.kind === 'call' && MATHJS_NAMES[n.fn] ? { ...n, fn: MATHJS_NAMES[n.fn] } : n));
  const text = printExpr(renamed, {
    name: (r) => symbols.get(r.id) ?? printNumber(options.constant!(r.id)!),
  });
  let out: string;
  try {
    out = mathDerivative(text, x);
  } catch {
    return undefined; // not differentiable by mathjs: a conditional, min/max, lookup, …
  }
  const back = parseEquation(out);
  if (!back.expr) return undefined;
  return mapExpr(back.expr, (n) => (n.kind === 'ref' ? originals.get(n.id) ?? n : n));
}
