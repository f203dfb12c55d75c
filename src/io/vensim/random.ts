/**
 * Vensim's RANDOM … functions (Vensim reference, "RANDOM Number Functions",
 * vensim.com/documentation/fn_random.html). RANDOM UNIFORM(m, x, s) is native `random`; the
 * others take (min, max, distribution arguments…, shift, stretch, stream) and become the
 * native truncated draws of builtins/vensim-random.ts with the same arguments. RANDOM 0 1()
 * is RANDOM UNIFORM(0, 1, 0) ("exactly the same noise stream", same page).
 *
 * The last argument is Vensim's stream ID: 0, "in most cases", draws from the run's noise
 * stream (set by NOISE SEED), which becomes the native default (the run seed with the call
 * site's own stream); another ID becomes a native seed, a reproducible stream of its own.
 * Calls that share an ID are "coupled", which "means that the random selections will
 * influence one another, not that they will be the same" (Vensim reference, "Stream ID"),
 * and an array of RANDOM variables may give each element its own ID or share one: so
 * an ID other than 0 is mixed with the name of the variable or element computed (a hash; an ID
 * that is not a number in the equation gets the name's hash added at run time), and each
 * element and each variable draws its own numbers, the same in every run.
 * Vensim's generator itself is not reproduced, so the numbers differ from Vensim's while
 * the distributions agree.
 */
import { bin, call, num, type Expr } from '../../expr/ast.js';
import { VENSIM_RANDOM, vensimRandomArity } from '../../builtins/vensim-random.js';
import { canonicalName } from '../../core/names.js';
import { hashString } from '../../core/random.js';

/** The native seed arguments for a Vensim stream ID used in the equation of `variable` (an element's name in an array). */
function stream(s: Expr, variable: string): Expr[] {
  if (s.kind === 'num') return s.value === 0 ? [] : [num(hashString(`${s.value}\u0000${canonicalName(variable)}`))];
  // an ID read from a variable (a constant such as `noise stream`): the name's hash is added at run time
  return [{ kind: 'if', cond: bin('==', s, num(0)), then: num(-1), else: bin('+', s, num(hashString(canonicalName(variable)))) }];
}

type Rewrite = { readonly arity: number; readonly build: (a: Expr[], variable: string) => Expr };

const truncated = (name: string): Rewrite => {
  const n = vensimRandomArity(name);
  return { arity: n + 1, build: (a, variable) => call(name, ...a.slice(0, n), ...stream(a[n], variable)) };
};

/** Vensim canonical name → rewrite (used by builtins.ts REWRITES). */
export const RANDOM_REWRITES: Readonly<Record<string, Rewrite>> = {
  random_uniform: { arity: 3, build: ([lo, hi, s], variable) => call('random', lo, hi, ...stream(s, variable)) },
  random_0_1: { arity: 0, build: () => call('random', num(0), num(1)) },
  ...Object.fromEntries(Object.keys(VENSIM_RANDOM).map((name) => [name, truncated(name)])),
};
