/**
 * Random functions (XMILE 1.0 §3.5.2: RANDOM, NORMAL, LOGNORMAL, EXPRND, POISSON; Stella's BETA,
 * BINOMIAL, GAMMA, WEIBULL, LOGISTIC, TRIANGULAR and MONTECARLO (isee help, "Statistical
 * builtins"; docs/builtins.md gives the source of each parameterisation); Vensim's
 * RANDOM UNIFORM is translated onto `random`, its other RANDOM … functions are the truncated
 * draws of vensim-random.ts). Semantics:
 * - each call site draws a new value once per time step and holds it through the stages of
 *   a Runge–Kutta step, so results do not depend on how often an integrator evaluates;
 * - each call site has its own stream: seeded by the call's `seed` argument when given
 *   (0 ≤ seed < 2^32, as XMILE specifies), otherwise by the run seed (sim `seed`, default 0,
 *   `stockflow run --seed`) and the site's number, a hash of its variable and the call's place
 *   in the equation (compile/sites.ts), not of the order of the variables;
 * - the same seeds give the same numbers on every platform (mulberry32, core/random.ts).
 * One state object belongs to one compiled model and is reset at the start of every run.
 */
import { createRng, deriveSeed, type Rng } from '../core/random.js';
import {
  beta, binomial, gamma, standardExponential, standardLogistic, standardNormal as normal01, standardWeibull, triangular,
} from './samplers.js';
import { truncatedDraw, VENSIM_RANDOM } from './vensim-random.js';
import { TIME_EPS } from './time.js';
import { BadDrawArgument, DRAW_CHECKS, drawName, vensimDrawProblem } from './random-checks.js';

export type Distribution = (u: () => number, a: number, b: number, c: number) => number;

/** A scale parameter multiplies a standard draw: scale 0 gives 0 (all mass at 0), a negative scale NaN. */
const scaled = (scale: number, draw: () => number): number => (scale === 0 ? 0 : scale > 0 ? scale * draw() : NaN);

/** Samplers by name: `a`, `b`, `c` are the function's distribution arguments (0 when it has fewer). */
export const DISTRIBUTIONS: Readonly<Record<string, Distribution>> = {
  /** uniform on [min, max) */
  random: (u, min, max) => min + (max - min) * u(),
  /** normal with mean and standard deviation (Box–Muller) */
  normal: (u, mean, sd) => mean + sd * normal01(u),
  /** lognormal whose own mean and standard deviation are given */
  lognormal: (u, mean, sd) => {
    const s2 = Math.log(1 + (sd * sd) / (mean * mean));
    return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * normal01(u));
  },
  /** exponential with the given mean */
  exprnd: (u, mean) => mean * standardExponential(u),
  /** Poisson with the given mean: Knuth's product method below 30, else a rounded normal approximation */
  poisson: (u, mean) => {
    if (!(mean > 0)) return 0;
    if (mean >= 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal01(u)));
    const limit = Math.exp(-mean);
    let k = 0;
    for (let p = u(); p > limit; p *= u()) k++;
    return k;
  },
  /** Stella BETA: beta with shape parameters alpha and beta (samplers.ts) */
  beta: (u, alpha, b) => beta(u, alpha, b),
  /** Stella BINOMIAL: successes in n trials; a success probability outside [0, 1] is 1, as isee's help says */
  binomial: (u, n, p) => binomial(u, n, p >= 0 && p <= 1 ? p : 1),
  /** Stella GAMMA: gamma with shape k and scale θ (density x^(k−1)e^(−x/θ)/(Γ(k)θ^k), mean kθ) */
  gamma: (u, shape, scale) => scaled(scale, () => gamma(u, shape)),
  /** Stella WEIBULL: Weibull with shape k and scale λ (CDF 1 − exp(−(x/λ)^k), mean λΓ(1 + 1/k)) */
  weibull: (u, shape, scale) => scaled(scale, () => standardWeibull(u, shape)),
  /** Stella LOGISTIC: logistic with mean μ and scale s (CDF 1/(1 + e^(−(x−μ)/s)), variance s²π²/3) */
  logistic: (u, mean, scale) => mean + scaled(scale, () => standardLogistic(u)),
  /** Stella TRIANGULAR: triangular from lower to upper with its mode at mode (samplers.ts) */
  triangular: (u, lower, mode, upper) => triangular(u, lower, mode, upper),
  /**
   * Stella MONTECARLO: 1 with probability probability·DT/100 in each step, else 0 — the
   * probability is a percentage per unit time (`b` is DT, passed by the emitted call).
   */
  montecarlo: (u, probability, dt) => (100 * u() < probability * dt ? 1 : 0),
};

/** Distribution arguments, and argument counts with the optional seed. */
export const RANDOM_ARITY: Readonly<Record<string, [number, number]>> = {
  random: [2, 3], normal: [2, 3], lognormal: [2, 3], exprnd: [1, 2], poisson: [1, 2], beta: [2, 3], binomial: [2, 3],
  gamma: [2, 3], weibull: [2, 3], logistic: [2, 3], triangular: [3, 4], montecarlo: [1, 2],
};

export interface RandomState {
  /** Starts a run: every site's stream restarts from its seed. */
  reset(runSeed: number): void;
  /** The value of call site `site` at time t (drawn once per step). */
  draw(site: number, name: string, t: number, a: number, b: number, c: number, seed: number): number;
  /** The same for Vensim's RANDOM … functions (vensim-random.ts): shift + stretch·draw, truncated to [lo, hi]. */
  truncated(site: number, name: string, t: number, lo: number, hi: number, shift: number, stretch: number,
    p1: number, p2: number, p3: number, seed: number): number;
}

export function createRandomState(start: number, dt: number): RandomState {
  const streams = new Map<number, { rng: Rng; step: number; value: number; seed: number }>();
  let runSeed = 0;
  const stream = (site: number, seed: number) => {
    let s = streams.get(site);
    if (!s) {
      const own = Number.isFinite(seed) && seed >= 0 ? seed >>> 0 : deriveSeed(runSeed, site);
      s = { rng: createRng(own), step: -Infinity, value: NaN, seed: own };
      streams.set(site, s);
    }
    return s;
  };
  const stepOf = (t: number) => Math.floor((t - start) / dt + TIME_EPS);
  return {
    reset(seed) {
      runSeed = seed >>> 0;
      streams.clear();
    },
    draw(site, name, t, a, b, c, seed) {
      const s = stream(site, seed);
      const step = stepOf(t);
      if (s.step !== step) {
        const bad = DRAW_CHECKS[name](a, b, c);
        if (bad) throw new BadDrawArgument(site, drawName(name), bad, t);
        s.step = step;
        s.value = DISTRIBUTIONS[name](s.rng, a, b, c);
      }
      return s.value;
    },
    truncated(site, name, t, lo, hi, shift, stretch, p1, p2, p3, seed) {
      const s = stream(site, seed);
      const step = stepOf(t);
      if (s.step !== step) {
        const bad = vensimDrawProblem(name, lo, hi, stretch, p1, p2, p3);
        if (bad) throw new BadDrawArgument(site, drawName(name), bad, t);
        s.step = step;
        s.value = truncatedDraw(s.rng, VENSIM_RANDOM[name], lo, hi, shift, stretch, p1, p2, p3);
      }
      return s.value;
    },
  };
}
