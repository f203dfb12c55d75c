/**
 * Standard random variates, each a pure function of a uniform source `u` (values in [0, 1),
 * core/random.ts) and its parameters. Every algorithm is exact (no approximating
 * distribution) and cited; given the same uniforms it gives the same numbers on every
 * platform Node runs on: the arithmetic is IEEE double, Math.sqrt is correctly rounded, and
 * V8 computes Math.log, exp, sin and cos with its own port of fdlibm (src/base/ieee754.cc)
 * rather than the platform's libm; powers are written as exp(y·log x), so Math.pow is not
 * used. Invalid parameters give NaN, so that a bad argument shows in the output.
 */
export type Uniform = () => number;

/** x^y for x ≥ 0 through log and exp (see above); 0^y = 0 for y > 0. */
const power = (x: number, y: number): number => Math.exp(y * Math.log(x));

/** Standard normal by Box–Muller (Box & Muller 1958), one pair of uniforms per value. */
export function standardNormal(u: Uniform): number {
  const u1 = 1 - u(); // (0, 1]
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u());
}

/** Exponential with mean 1, by inversion of its CDF. */
export function standardExponential(u: Uniform): number {
  return -Math.log(1 - u());
}

/**
 * ln Γ(x) for x > 0 by the Lanczos approximation with g = 7 and nine coefficients (Godfrey's
 * set, as in Press et al., Numerical Recipes 3rd ed. §6.1), relative error below 1e-15;
 * the reflection formula for x < 0.5.
 */
const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Gamma with shape k and scale 1 (mean k): Marsaglia & Tsang, "A simple method for
 * generating gamma variables", ACM TOMS 26(3), 2000, for k ≥ 1; for k < 1 their §6 boost
 * Gamma(k) = Gamma(k + 1)·U^(1/k).
 */
export function gamma(u: Uniform, k: number): number {
  if (!(k > 0) || !Number.isFinite(k)) return NaN;
  if (k < 1) return gamma(u, k + 1) * power(1 - u(), 1 / k);
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = u();
    if (w < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(a, b) as X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b) (Devroye 1986, IX.4.1). */
export function beta(u: Uniform, a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) return NaN;
  const x = gamma(u, a);
  const y = gamma(u, b);
  return x / (x + y);
}

/**
 * Binomial(n, p), n a whole number: Knuth, TAOCP vol. 2, 3.4.1 F — while n is large, split
 * it at the a-th order statistic of n uniforms (a Beta(a, n + 1 − a) variate) and recurse
 * into the side that p falls in; below 64 trials, count Bernoulli trials directly.
 */
export function binomial(u: Uniform, n: number, p: number): number {
  if (!(n >= 0) || !Number.isInteger(n) || !(p >= 0 && p <= 1)) return NaN;
  let count = 0;
  let t = n;
  let q = p;
  while (t > 64) {
    const a = 1 + Math.floor(t / 2);
    const b = t + 1 - a;
    const x = beta(u, a, b);
    if (x >= q) {
      t = a - 1;
      q /= x;
    } else {
      count += a;
      t = b - 1;
      q = (q - x) / (1 - x);
    }
  }
  for (let i = 0; i < t; i++) if (u() < q) count++;
  return count;
}

/**
 * Poisson with the given mean: below 10, Knuth's product of uniforms (TAOCP vol. 2,
 * 3.4.1 F); from 10, Hörmann's transformed rejection with squeeze, PTRS ("The transformed
 * rejection method for generating Poisson random variables", Insurance: Mathematics and
 * Economics 12, 1993).
 */
export function poisson(u: Uniform, mean: number): number {
  if (!(mean >= 0) || !Number.isFinite(mean)) return NaN;
  if (mean < 10) {
    const limit = Math.exp(-mean);
    let k = 0;
    for (let p = u(); p > limit; p *= u()) k++;
    return k;
  }
  const slam = Math.sqrt(mean);
  const loglam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const U = u() - 0.5;
    const V = u();
    const us = 0.5 - Math.abs(U);
    const k = Math.floor((2 * a / us + b) * U + mean + 0.43);
    if (us >= 0.07 && V <= vr) return k;
    if (k < 0 || (us < 0.013 && V > us)) continue;
    if (Math.log(V * invAlpha / (a / (us * us) + b)) <= -mean + k * loglam - logGamma(k + 1)) return k;
  }
}

/**
 * The number of Bernoulli(p) trials up to and including the n-th success (support n, n+1,
 * …), n a whole number: n plus the failures, which are Poisson with a Gamma(n)·(1 − p)/p
 * mean (the gamma–Poisson mixture, Devroye 1986, X.4.7).
 */
export function negativeBinomialTrials(u: Uniform, n: number, p: number): number {
  if (!(n >= 0) || !Number.isInteger(n) || !(p > 0 && p <= 1)) return NaN;
  if (n === 0 || p === 1) return n;
  return n + poisson(u, gamma(u, n) * (1 - p) / p);
}

/** Weibull with the given shape and scale 1, CDF 1 − exp(−x^shape), by inversion. */
export function standardWeibull(u: Uniform, shape: number): number {
  if (!(shape > 0) || !Number.isFinite(shape)) return NaN;
  return power(-Math.log(1 - u()), 1 / shape);
}

/** Weibull with the given shape, scaled to mean 1 (scale 1/Γ(1 + 1/shape)). */
export function weibullMeanOne(u: Uniform, shape: number): number {
  return Math.exp(-logGamma(1 + 1 / shape)) * standardWeibull(u, shape);
}

/** Standard logistic (location 0, scale 1), CDF 1/(1 + e^−x), by inversion: ln(U/(1 − U)), U in (0, 1). */
export function standardLogistic(u: Uniform): number {
  let w = u();
  while (w === 0) w = u();
  return Math.log(w / (1 - w));
}

/** Triangular from `start` to `end` with its mode at `peak`, by inversion (sqrt only). */
export function triangular(u: Uniform, start: number, peak: number, end: number): number {
  if (!(start <= peak && peak <= end)) return NaN;
  if (start === end) return start;
  const w = u();
  const width = end - start;
  return w < (peak - start) / width
    ? start + Math.sqrt(w * width * (peak - start))
    : end - Math.sqrt((1 - w) * width * (end - peak));
}
