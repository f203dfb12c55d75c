/**
 * The parameters a random draw cannot take, for the Stella/XMILE distributions (random.ts)
 * and Vensim's RANDOM … functions (vensim-random.ts). Where isee's help or Vensim's
 * reference defines what a parameter outside its range does, the sampler does that (a
 * BINOMIAL success probability outside 0…1 is 1, isee help); where it is silent, the draw
 * stops the run with a located error (BadDrawArgument) naming the function, the parameter
 * and its value, and a constant bad parameter is reported when the model is checked
 * (builtins/lower.ts). docs/builtins.md, "Random draws with bad parameters", lists each.
 * A check returns what is wrong, or undefined; NaN passes (it shows as a NaN value).
 */

export type DrawCheck = (a: number, b: number, c: number) => string | undefined;

/** A random function was given parameters it cannot draw from. `site` is its call site (compile/sites.ts). */
export class BadDrawArgument extends Error {
  constructor(readonly site: number, readonly fn: string, readonly problem: string, readonly t: number) {
    super(`${fn} at time ${t}: ${problem}`);
  }
}

/** The name a draw's function goes by in messages: Vensim's spelling for its RANDOM … functions. */
export function drawName(native: string): string {
  return native === 'random' ? 'RANDOM (UNIFORM, Vensim RANDOM UNIFORM)' : native.toUpperCase().replace(/_/g, ' ');
}

const below = (name: string, x: number, limit: number) => (x < limit ? `its ${name} is ${x}; it must be at least ${limit}` : undefined);
const notAbove = (name: string, x: number) => (x <= 0 ? `its ${name} is ${x}; it must be greater than 0` : undefined);
const whole = (name: string, x: number) => (x < 0 || (Number.isFinite(x) && x % 1 !== 0) ? `its ${name} is ${x}; it must be a whole number, 0 or more` : undefined);
const ordered = (lo: string, a: number, hi: string, b: number) => (a > b ? `its ${lo} ${a} is greater than its ${hi} ${b}` : undefined);
const probability = (name: string, p: number, zero = true) =>
  (p > 1 || p < 0 || (!zero && p === 0) ? `its ${name} is ${p}; it must be ${zero ? 'from 0 to 1' : 'above 0 and at most 1'}` : undefined);

/** Stella/XMILE distributions by native name: (a, b, c) are the distribution arguments. */
export const DRAW_CHECKS: Readonly<Record<string, DrawCheck>> = {
  random: (min, max) => ordered('min', min, 'max', max),
  normal: (_, sd) => below('standard deviation', sd, 0),
  lognormal: (mean, sd) => notAbove('mean', mean) ?? below('standard deviation', sd, 0),
  exprnd: (mean) => notAbove('mean', mean),
  poisson: (mean) => below('mean', mean, 0),
  beta: (alpha, beta) => notAbove('alpha', alpha) ?? notAbove('beta', beta),
  binomial: (trials) => whole('number of trials', trials),
  gamma: (shape, scale) => notAbove('shape', shape) ?? below('scale', scale, 0),
  weibull: (shape, scale) => notAbove('shape', shape) ?? below('scale', scale, 0),
  logistic: (_, scale) => below('scale', scale, 0),
  triangular: (lower, mode, upper) => ordered('lower bound', lower, 'mode', mode) ?? ordered('mode', mode, 'upper bound', upper),
  montecarlo: () => undefined,
};

/** Vensim's RANDOM … functions by native name: the distribution's own parameters (p1, p2, p3) and, for NORMAL, its sd (stretch). */
export const VENSIM_DRAW_CHECKS: Readonly<Record<string, (stretch: number, p1: number, p2: number, p3: number) => string | undefined>> = {
  random_normal: (sd) => below('standard deviation', sd, 0),
  random_exponential: () => undefined,
  random_poisson: (_, mean) => below('mean', mean, 0),
  random_gamma: (_, order) => notAbove('order (shape)', order),
  random_weibull: (_, shape) => notAbove('shape', shape),
  random_beta: (_, alpha, beta) => notAbove('alpha', alpha) ?? notAbove('beta', beta),
  random_binomial: (_, p, n) => probability('probability', p) ?? below('number of trials', n, 0),
  random_negative_binomial: (_, p, n) => probability('probability', p, false) ?? below('number of successes', n, 0),
  random_triangular: (_, start, peak, end) => ordered('start', start, 'peak', peak) ?? ordered('peak', peak, 'end', end),
};

/** What is wrong with a Vensim RANDOM … call's bounds and parameters, or undefined. */
export function vensimDrawProblem(name: string, lo: number, hi: number, stretch: number, p1: number, p2: number, p3: number): string | undefined {
  return ordered('min', lo, 'max', hi) ?? VENSIM_DRAW_CHECKS[name](stretch, p1, p2, p3);
}
