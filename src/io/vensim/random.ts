/**
 * Vensim's RANDOM … functions (Vensim reference, "RANDOM Number Functions",
 * vensim.com/documentation/fn_random.html). RANDOM UNIFORM(m, x, s) is native `random`; the
 * others take (min, max, distribution arguments…, shift, stretch, stream) and become the
 * native truncated draws of builtins/vensim-random.ts with the same arguments. RANDOM 0 1()
 * is RANDOM UNIFORM(0, 1, 0) ("exactly the same noise stream", same page).
 *
 * The last argument is Vensim's stream ID: 0, "in most cases", draws from the run's noise
 * stream (set by NOISE SEED), which becomes the native default (the run seed with the call
 * site's own stream); another ID becomes the native seed, a reproducible stream of its own.
 * Vensim's generator itself is not reproduced, so the numbers differ from Vensim's while
 * the distributions agree.
 */
import { bin, call, num, type Expr } from '../../expr/ast.js';
import { VENSIM_RANDOM, vensimRandomArity } from '../../builtins/vensim-random.js';

/** The native seed arguments for a Vensim stream ID. */
function stream(s: Expr): Expr[] {
  if (s.kind === 'num') return s.value === 0 ? [] : [s];
  return [{ kind: 'if', cond: bin('==', s, num(0)), then: num(-1), else: s }];
}

type Rewrite = { readonly arity: number; readonly build: (a: Expr[]) => Expr };

const truncated = (name: string): Rewrite => {
  const n = vensimRandomArity(name);
  return { arity: n + 1, build: (a) => call(name, ...a.slice(0, n), ...stream(a[n])) };
};

/** Vensim canonical name → rewrite (used by builtins.ts REWRITES). */
export const RANDOM_REWRITES: Readonly<Record<string, Rewrite>> = {
  random_uniform: { arity: 3, build: ([lo, hi, s]) => call('random', lo, hi, ...stream(s)) },
  random_0_1: { arity: 0, build: () => call('random', num(0), num(1)) },
  ...Object.fromEntries(Object.keys(VENSIM_RANDOM).map((name) => [name, truncated(name)])),
};
