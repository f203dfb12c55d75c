/**
 * Vensim ALLOCATE AVAILABLE (Vensim reference, "ALLOCATE AVAILABLE" and "Allocation overview"
 * → "Specifying the Curves"): a supply is shared among requesters by priority profiles. Each
 * requester i with request r_i and profile (type, priority p, width w, extra) takes the share
 * s_i(x) of its request that is left at a common "price" x: the complementary CDF of a
 * rectangular (1), triangular (2), normal (3) or exponential (4) distribution centred on p.
 * The price is the one at which the allocations add up to the supply. If the supply covers
 * every request, each gets its request; nothing is allocated from a supply ≤ 0. Negative
 * requests count as 0, as Vensim does. Fixed-quantity requesters (type 0) are served first;
 * a supply short of them is shared among them in proportion to their requests, as Vensim's
 * output shows when every profile is type 0. Constant-elasticity (5) and
 * integer (type + 10) profiles, and widths ≤ 0, are not supported and give NaN, which stops
 * the run with a diagnostic naming the variable.
 *
 * What Vensim computes, recovered from Vensim DSS 9.2.4's output for the SDXorg case
 * tests/allocate_available (see docs/builtins.md):
 * - the normal profile's CDF is Hastings' three-term approximation, Abramowitz & Stegun
 *   26.2.16 (|error| < 1e-5), not the exact erfc: its tails are heavier than the normal's,
 *   by 0.5% at 3.3 widths and 4% at 7 widths, exactly as Vensim's output is;
 * - the share is 1 − CDF in double precision, so beyond about 8.3 widths it is exactly 0;
 * - Vensim stops its price search once the allocations add up to the supply within 1e-6 of
 *   the total request. We solve for the price to machine precision instead: the search's
 *   starting bracket cannot be recovered from its output, and an exact price gives the same
 *   answer for every model (the differences that remain are Vensim's early stop).
 */
import { erf } from 'mathjs';

/** A requester's priority profile (the pextra element is unused by types 1–4). */
export interface Profile {
  readonly type: number;
  readonly priority: number;
  readonly width: number;
  /** The normal curve by the exact normal CDF (Stella's ALLOCATE) instead of Vensim's A&S 26.2.16. */
  readonly exact?: boolean;
}

/** 1/√(2π), the standard normal density at 0. */
const INV_SQRT_2PI = 0.3989422804014327;

/**
 * Upper tail Q(z) = 1 − Φ(z) of the standard normal for z ≥ 0 by Hastings' approximation,
 * Abramowitz & Stegun 26.2.16: Q(z) ≈ φ(z)·(a₁t + a₂t² + a₃t³), t = 1/(1 + 0.33267 z).
 */
export function normalUpperTail(z: number): number {
  const t = 1 / (1 + 0.33267 * z);
  return INV_SQRT_2PI * Math.exp(-0.5 * z * z) * t * (0.4361836 + t * (-0.1201676 + t * 0.937298));
}

/** Normal profile: 1 − Φ(z); for z ≥ 0 Φ is rounded as 1 − Q first, as Vensim does. */
function normalShare(z: number): number {
  return z >= 0 ? 1 - (1 - normalUpperTail(z)) : 1 - normalUpperTail(-z);
}

/** Share of the request left at price x under a profile: 1 at low prices, 0 at high. */
export function profileShare({ type, priority: p, width: w, exact }: Profile, x: number): number {
  switch (type) {
    case 1: {
      if (x <= p - w / 2) return 1;
      return x < p + w / 2 ? (p + w / 2 - x) / w : 0;
    }
    case 2: {
      if (x <= p - w / 2) return 1;
      if (x < p) return 1 - (2 * (x - p + w / 2) ** 2) / (w * w);
      return x < p + w / 2 ? (2 * (p + w / 2 - x) ** 2) / (w * w) : 0;
    }
    case 3: return exact ? 0.5 * (1 - erf((x - p) / (w * Math.SQRT2))) : normalShare((x - p) / w);
    case 4: return x < p ? 1 - 0.5 * Math.exp((x - p) / w) : 0.5 * Math.exp((p - x) / w);
    default: return NaN;
  }
}

const supported = (q: Profile) => q.type >= 1 && q.type <= 4 && q.width > 0;

/** Total allocated at price x. */
function allocatedAt(requests: readonly number[], profiles: readonly Profile[], x: number): number {
  let sum = 0;
  for (let i = 0; i < requests.length; i++) {
    if (requests[i] > 0) sum += requests[i] * profileShare(profiles[i], x);
  }
  return sum;
}

/**
 * The lowest price at which no more than the supply is allocated, by bisection to machine
 * precision (the total is non-increasing in the price). At 40 widths beyond every priority
 * each share is 0 or 1 to double precision, so the bracket always holds the answer. Taking
 * the upper end never allocates more than the supply, and on a plateau of the total (the
 * supply exactly filling some requests) it lands on the plateau's edge, where every share
 * is 0 or 1 to rounding, as in Vensim's output.
 */
function clearingPrice(requests: readonly number[], profiles: readonly Profile[], supply: number): number {
  let lo = Infinity;
  let hi = -Infinity;
  profiles.forEach((q, i) => {
    if (requests[i] <= 0) return;
    lo = Math.min(lo, q.priority - 40 * q.width);
    hi = Math.max(hi, q.priority + 40 * q.width);
  });
  // halve until lo and hi are adjacent doubles (a NaN bound stops at once and gives NaN)
  for (let mid = 0.5 * (lo + hi); mid > lo && mid < hi; mid = 0.5 * (lo + hi)) {
    if (allocatedAt(requests, profiles, mid) > supply) lo = mid; else hi = mid;
  }
  return hi;
}

/**
 * allocate_available(k, supply, r_1 … r_n, type_1, p_1, w_1, x_1, …, type_n, p_n, w_n, x_n):
 * the allocation of requester k (1-based).
 */
export function allocateAvailable(k: number, supply: number, ...rest: number[]): number {
  return allocate(false, k, supply, rest);
}

/**
 * Stella's ALLOCATE, with the arguments of allocate_available: the same curves and solve,
 * but the normal curve is the exact normal CDF. Stella's own run of SDEverywhere's
 * `allocate.stmx` gives the exact normal's allocations (0.000400460 where A&S 26.2.16
 * gives 0.000403429 at Month 0.25), unlike Vensim's run of the same model.
 */
export function allocateExact(k: number, supply: number, ...rest: number[]): number {
  return allocate(true, k, supply, rest);
}

function allocate(exact: boolean, k: number, supply: number, rest: readonly number[]): number {
  const n = rest.length / 5;
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(k) || k < 1 || k > n) return NaN;
  const column = (j: number) => Array.from({ length: n }, (_, i) => rest[n + 4 * i + j]);
  return availableShare(solveAvailable(exact, supply, rest.slice(0, n), column(0), column(1), column(2)), k);
}

/** What every requester's allocation needs: the requests (negative ones as 0), the profiles, the totals and the price. */
export interface AvailableSolve {
  readonly supply: number;
  readonly requests: readonly number[];
  readonly profiles: readonly Profile[];
  readonly total: number;
  readonly fixed: number;
  readonly supported: boolean;
  /** The clearing price of the curves, NaN when no requester's allocation needs it. */
  readonly price: number;
}

/** The shared part of an allocation: solved once for all the requesters of one evaluation. */
export function solveAvailable(exact: boolean, supply: number, raw: ArrayLike<number>, types: ArrayLike<number>, priorities: ArrayLike<number>, widths: ArrayLike<number>): AvailableSolve {
  const requests = Array.from(raw, (r) => Math.max(0, r));
  const profiles = requests.map((_, i): Profile => ({ type: types[i], priority: priorities[i], width: widths[i], exact }));
  const total = requests.reduce((a, b) => a + b, 0);
  const ok = profiles.every((q, i) => requests[i] <= 0 || q.type === 0 || supported(q));
  // Fixed quantities (type 0) are "constant for all priorities": they are served first. A
  // supply short of them is shared among them in proportion to their requests (Vensim's own
  // run of SDEverywhere's allocate_ptype, all type 0: requests 200, 50 of 100 get 80, 20)
  // and the curves get nothing; what is left over them is shared by the curves.
  const fixed = profiles.reduce((sum, q, i) => (q.type === 0 ? sum + requests[i] : sum), 0);
  const curved = ok && !Number.isNaN(supply) && supply < total && supply > 0 && supply > fixed;
  const curves = curved ? requests.map((r, i) => (profiles[i].type === 0 ? 0 : r)) : [];
  const price = curved ? clearingPrice(curves, profiles, supply - fixed) : NaN;
  return { supply, requests, profiles, total, fixed, supported: ok, price };
}

/** The allocation of requester k (1-based, valid) from the shared solve. */
export function availableShare(s: AvailableSolve, k: number): number {
  const { supply, requests, total, fixed } = s;
  if (Number.isNaN(supply)) return NaN;
  if (supply >= total) return requests[k - 1];
  if (supply <= 0) return 0;
  if (!s.supported) return NaN;
  const mine = s.profiles[k - 1];
  if (supply <= fixed) return mine.type === 0 ? requests[k - 1] * (supply / fixed) : 0;
  if (mine.type === 0) return requests[k - 1];
  return requests[k - 1] * profileShare(mine, s.price);
}
