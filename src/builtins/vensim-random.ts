/**
 * Vensim's RANDOM … functions as native functions with Vensim's arguments (minus the stream
 * ID, which becomes the optional seed): `random_poisson(min, max, mean, shift, stretch[, seed])`
 * and so on. Semantics from the Vensim reference, "RANDOM Number Functions"
 * (vensim.com/documentation/fn_random.html):
 * - the distribution is drawn in its standard form, "stretched" (multiplied by `stretch`),
 *   then "shifted" (`shift` added), then "truncated" to [min, max] — truncated, not clipped:
 *   a draw outside the bounds is drawn again (the reference speaks of truncated
 *   distributions and of "valid draws"; its sensitivity page notes that "if min is bigger
 *   than shift only the middle of the distribution will be used"; PySD samples the same
 *   truncated distributions with scipy's truncnorm/truncexpon);
 * - TRIANGULAR has no stretch and shift; NORMAL's shift and stretch are its mean and sd.
 * Where the reference leaves a case open, the choice is ours and documented in
 * docs/builtins.md: min > max and parameters outside their range are errors (random-checks.ts);
 * when 10 000 draws in a row fall outside [min, max]
 * (bounds that exclude nearly all of the distribution) the last draw is clipped into them.
 */
import {
  beta, binomial, gamma, negativeBinomialTrials, poisson, standardExponential, standardNormal,
  triangular, weibullMeanOne, type Uniform,
} from './samplers.js';
import type { FunctionSpec } from './functions.js';
import { vensimDrawProblem } from './random-checks.js';

export interface VensimRandom {
  /** Number of distribution arguments between [min, max] and [shift, stretch]. */
  readonly params: number;
  /** Whether the function takes shift and stretch (all but TRIANGULAR). */
  readonly shiftStretch: boolean;
  /** The standard (unstretched, unshifted) draw. */
  readonly sample: (u: Uniform, p1: number, p2: number, p3: number) => number;
  /** Mean of the standard draw, for re-evaluation (compile/expression.ts). */
  readonly mean: (p1: number, p2: number, p3: number) => number;
  readonly doc: string;
}

/** Vensim rounds BINOMIAL's number of trials to the nearest integer (reference); NEGATIVE BINOMIAL's too (our choice). */
const whole = (n: number) => (n < 0 ? -Math.round(-n) : Math.round(n));

/** Native name → definition. The Vensim name is the native one in capitals with spaces. */
export const VENSIM_RANDOM: Readonly<Record<string, VensimRandom>> = {
  random_normal: {
    params: 0, shiftStretch: true, sample: (u) => standardNormal(u), mean: () => 0,
    doc: 'Vensim RANDOM NORMAL: random_normal(min, max, mean, sd[, seed]), a normal truncated to [min, max]',
  },
  random_exponential: {
    params: 0, shiftStretch: true, sample: (u) => standardExponential(u), mean: () => 1,
    doc: 'Vensim RANDOM EXPONENTIAL: random_exponential(min, max, shift, stretch[, seed]), shift + stretch·(exponential of mean 1), truncated',
  },
  random_poisson: {
    params: 1, shiftStretch: true, sample: (u, m) => poisson(u, m), mean: (m) => m,
    doc: 'Vensim RANDOM POISSON: random_poisson(min, max, mean, shift, stretch[, seed]), shift + stretch·Poisson(mean), truncated',
  },
  random_gamma: {
    params: 1, shiftStretch: true, sample: (u, k) => gamma(u, k), mean: (k) => k,
    doc: 'Vensim RANDOM GAMMA: random_gamma(min, max, order, shift, stretch[, seed]), shift + stretch·Gamma(shape order, scale 1), truncated',
  },
  random_weibull: {
    params: 1, shiftStretch: true, sample: (u, k) => weibullMeanOne(u, k), mean: () => 1,
    doc: 'Vensim RANDOM WEIBULL: random_weibull(min, max, shape, shift, stretch[, seed]), shift + stretch·(Weibull of that shape and mean 1), truncated',
  },
  random_beta: {
    params: 2, shiftStretch: true, sample: (u, a, b) => beta(u, a, b), mean: (a, b) => a / (a + b),
    doc: 'Vensim RANDOM BETA: random_beta(min, max, alpha, beta, shift, stretch[, seed]), shift + stretch·Beta(alpha, beta), truncated',
  },
  random_binomial: {
    params: 2, shiftStretch: true, sample: (u, p, n) => binomial(u, whole(n), p), mean: (p, n) => p * whole(n),
    doc: 'Vensim RANDOM BINOMIAL: random_binomial(min, max, p, n, shift, stretch[, seed]), shift + stretch·(successes in n trials), truncated',
  },
  random_negative_binomial: {
    params: 2, shiftStretch: true, sample: (u, p, n) => negativeBinomialTrials(u, whole(n), p), mean: (p, n) => whole(n) / p,
    doc: 'Vensim RANDOM NEGATIVE BINOMIAL: random_negative_binomial(min, max, p, n, shift, stretch[, seed]), shift + stretch·(trials up to the n-th success), truncated',
  },
  random_triangular: {
    params: 3, shiftStretch: false, sample: (u, a, b, c) => triangular(u, a, b, c), mean: (a, b, c) => (a + b + c) / 3,
    doc: 'Vensim RANDOM TRIANGULAR: random_triangular(min, max, start, peak, end[, seed]), triangular from start to end, truncated',
  },
};

/** Argument count without the optional seed. */
export function vensimRandomArity(name: string): number {
  const f = VENSIM_RANDOM[name];
  return 2 + f.params + (f.shiftStretch ? 2 : 0);
}

/** Draws beyond which a truncated draw gives up and clips (see above). */
const MAX_TRIES = 10_000;

/** One truncated draw: shift + stretch·X, redrawn until it lies in [lo, hi]. */
export function truncatedDraw(
  u: Uniform, f: VensimRandom, lo: number, hi: number, shift: number, stretch: number, p1: number, p2: number, p3: number,
): number {
  if (!(lo <= hi)) return NaN;
  if (stretch === 0) return Math.min(Math.max(shift, lo), hi);
  let x = NaN;
  for (let i = 0; i < MAX_TRIES; i++) {
    x = shift + stretch * f.sample(u, p1, p2, p3);
    if (x !== x) return x;
    if (x >= lo && x <= hi) return x;
  }
  return Math.min(Math.max(x, lo), hi);
}

/**
 * Value used when an equation is re-evaluated outside a run (loop analysis): the mean of
 * the untruncated draw clipped into [min, max], a documented approximation.
 */
export function vensimRandomMean(name: string, a: readonly number[]): number {
  const f = VENSIM_RANDOM[name];
  const p = a.slice(2, 2 + f.params);
  const [shift, stretch] = f.shiftStretch ? [a[2 + f.params], a[3 + f.params]] : [0, 1];
  const m = shift + stretch * f.mean(p[0], p[1], p[2]);
  return Math.min(Math.max(m, a[0]), a[1]);
}

/**
 * The function library entries (functions.ts): per-site streams and one draw per step as
 * for the other random functions (random.ts); the result has the units of `min`.
 */
export const VENSIM_RANDOM_FUNCTIONS: readonly FunctionSpec[] = Object.entries(VENSIM_RANDOM).map(([name, f]) => ({
  name, minArgs: vensimRandomArity(name), maxArgs: vensimRandomArity(name) + 1, doc: f.doc, units: 'first' as const,
  checkValues: (v: readonly number[]) => {
    const p = [...v.slice(2, 2 + f.params), NaN, NaN, NaN];
    return vensimDrawProblem(name, v[0], v[1], f.shiftStretch ? v[3 + f.params] : 1, p[0], p[1], p[2]);
  },
  emit: (a: readonly string[], site: number) => {
    const p = a.slice(2, 2 + f.params);
    while (p.length < 3) p.push('0');
    const [shift, stretch] = f.shiftStretch ? [a[2 + f.params], a[3 + f.params]] : ['0', '1'];
    const seed = a[vensimRandomArity(name)] ?? '-1';
    return `RS.truncated(${site}, '${name}', t, ${a[0]}, ${a[1]}, ${shift}, ${stretch}, ${p.join(', ')}, ${seed})`;
  },
}));
