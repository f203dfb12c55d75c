/**
 * Mathematical and statistical functions of Stella (isee systems' builtins beyond XMILE 1.0
 * §3.5) that compute a value from their arguments alone: ROOTN, FACTORIAL, COMBINATIONS,
 * PERMUTATIONS, NORMALCDF and INVNORM. Definitions are the textbook ones the builtin names
 * (n-th root, n!, C(n, r), P(n, r), the normal distribution and its inverse); arguments
 * outside a function's domain give NaN, as Stella reports them, never a guess.
 */
import { erf } from 'mathjs';
import type { FunctionSpec } from './functions.js';

/** n! for n = 0 … 170, each correctly rounded (171! overflows a double). */
const FACTORIALS: number[] = [1];
for (let k = 1; k <= 170; k++) FACTORIALS.push(FACTORIALS[k - 1] * k);

const isCount = (n: number): boolean => Number.isInteger(n) && n >= 0;

/** n! for a whole n ≥ 0 (exact up to 22!, correctly rounded to 170!, then ∞); NaN otherwise. */
function factorial(n: number): number {
  if (!isCount(n)) return NaN;
  return n <= 170 ? FACTORIALS[n] : Infinity;
}

/** Ways to choose r of n without order, C(n, r) = n! / (r! (n − r)!); 0 when r > n. */
function combinations(n: number, r: number): number {
  if (!isCount(n) || !isCount(r)) return NaN;
  if (r > n) return 0;
  let c = 1;
  const k = Math.min(r, n - r);
  // c = C(n − k + i, i) grows with i: once it overflows the answer is ∞, so stop there
  // (COMBINATIONS(1e12, 5e11) would otherwise loop 5e11 times at every step).
  for (let i = 1; i <= k && c !== Infinity; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}

/** Ordered arrangements of r of n, P(n, r) = n! / (n − r)!; 0 when r > n. */
function permutations(n: number, r: number): number {
  if (!isCount(n) || !isCount(r)) return NaN;
  if (r > n) return 0;
  let p = 1;
  // Every factor is ≥ 1, so once the product overflows the answer is ∞ (at most ~170 more factors).
  for (let i = n - r + 1; i <= n && p !== Infinity; i++) p *= i;
  return p;
}

/** The real n-th root: odd roots of negative numbers are negative (ROOTN(−27, 3) = −3); even roots of them NaN. */
function rootN(x: number, n: number): number {
  if (n === 0 || Number.isNaN(x) || Number.isNaN(n)) return NaN;
  if (x >= 0) return Math.pow(x, 1 / n);
  return Number.isInteger(n) && Math.abs(n) % 2 === 1 ? -Math.pow(-x, 1 / n) : NaN;
}

const phi = (z: number): number => 0.5 * (1 + erf(z / Math.SQRT2));

/** P(left ≤ X ≤ right) for X normal with mean and sd (default 0 and 1). */
function normalCdf(left: number, right: number, mean: number, sd: number): number {
  if (!(sd > 0)) return NaN;
  return Math.max(0, phi((right - mean) / sd) - phi((left - mean) / sd));
}

/**
 * The x with P(X ≤ x) = p for X normal with mean and sd: −∞ at p = 0, +∞ at p = 1, NaN
 * outside [0, 1]. Acklam's rational approximation (relative error < 1.2e−9), refined by
 * one Halley step against the exact CDF to full double precision.
 */
function invNorm(p: number, mean: number, sd: number): number {
  if (!(sd > 0) || !(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  return mean + sd * standardQuantile(p);
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const poly = (c: readonly number[], x: number): number => c.reduce((acc, k) => acc * x + k, 0);

function standardQuantile(p: number): number {
  const lowTail = 0.02425;
  let x: number;
  if (p < lowTail) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = poly(C, q) / (poly(D, q) * q + 1);
  } else if (p > 1 - lowTail) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -poly(C, q) / (poly(D, q) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = (poly(A, r) * q) / (poly(B, r) * r + 1);
  }
  const e = phi(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

export const stellaMathRuntime = { factorial, combinations, permutations, rootN, normalCdf, invNorm };

export const STELLA_MATH_FUNCTIONS: readonly FunctionSpec[] = [
  { name: 'rootn', minArgs: 2, maxArgs: 2, units: 'none', doc: 'rootn(x, n): the real n-th root of x; negative x only for odd n (Stella ROOTN)',
    emit: (a) => `R.rootN(${a[0]}, ${a[1]})` },
  { name: 'factorial', minArgs: 1, maxArgs: 1, units: 'dimensionless', doc: 'factorial(n): n! for a whole n ≥ 0, else NaN (Stella FACTORIAL)',
    emit: (a) => `R.factorial(${a[0]})` },
  { name: 'combinations', minArgs: 2, maxArgs: 2, units: 'dimensionless', doc: 'combinations(n, r): ways to choose r of n, n!/(r!(n−r)!) (Stella COMBINATIONS)',
    emit: (a) => `R.combinations(${a[0]}, ${a[1]})` },
  { name: 'permutations', minArgs: 2, maxArgs: 2, units: 'dimensionless', doc: 'permutations(n, r): ordered arrangements of r of n, n!/(n−r)! (Stella PERMUTATIONS)',
    emit: (a) => `R.permutations(${a[0]}, ${a[1]})` },
  { name: 'normalcdf', minArgs: 2, maxArgs: 4, units: 'dimensionless', doc: 'normalcdf(left, right[, mean, sd]): the probability that a normal variable (mean 0, sd 1 by default) lies between left and right (Stella NORMALCDF)',
    checkArity: (n) => (n === 3 ? 'give both mean and sd, or neither' : undefined),
    emit: (a) => `R.normalCdf(${a[0]}, ${a[1]}, ${a[2] ?? '0'}, ${a[3] ?? '1'})` },
  { name: 'invnorm', minArgs: 1, maxArgs: 3, units: 'none', doc: 'invnorm(p[, mean, sd]): the value a normal variable (mean 0, sd 1 by default) stays below with probability p (Stella INVNORM)',
    checkArity: (n) => (n === 2 ? 'give both mean and sd, or neither' : undefined),
    emit: (a) => `R.invNorm(${a[0]}, ${a[1] ?? '0'}, ${a[2] ?? '1'})` },
];
