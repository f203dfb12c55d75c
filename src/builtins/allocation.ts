/**
 * Vensim ALLOCATE AVAILABLE (Vensim reference, "ALLOCATE AVAILABLE" and "Allocation
 * overview"): a supply is shared among requesters by priority profiles. Each requester i
 * with request r_i and profile (type, priority p, width w, extra) takes a share that falls
 * as a common "price" x rises past its priority: rectangular (1), triangular (2), normal (3)
 * or exponential (4) curves centred on p with width w. The price is the one at which the
 * shares add up to the supply, found by bisection (the total is monotone in x). If the
 * supply covers every request, each gets its request; nothing is allocated from a supply
 * ≤ 0. Negative requests count as 0, as Vensim does. Fixed-quantity (0) and
 * constant-elasticity (5) profiles are not supported and give NaN, which stops the run with
 * a diagnostic naming the variable.
 */

/** Share of the request taken at price x under a profile (1 at low x, 0 at high x). */
function share(type: number, p: number, w: number, x: number): number {
  switch (type) {
    case 1: {
      if (x <= p - w / 2) return 1;
      return x < p + w / 2 ? 1 - (x - p + w / 2) / w : 0;
    }
    case 2: {
      if (x <= p - w / 2) return 1;
      if (x < p) return 1 - (2 * (x - p + w / 2) ** 2) / (w * w);
      return x < p + w / 2 ? (2 * (p + w / 2 - x) ** 2) / (w * w) : 0;
    }
    case 3: return 0.5 * erfc((x - p) / (Math.SQRT2 * w));
    case 4: return x < p ? 1 - 0.5 * Math.exp((x - p) / w) : 0.5 * Math.exp((p - x) / w);
    default: return NaN;
  }
}

/**
 * Complementary error function, Numerical Recipes' Chebyshev fit (erfcc): fractional error
 * below 1.2e-7 everywhere, far inside the 1e-3 tolerance models are compared at.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
    + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

/**
 * allocate_available(k, supply, r_1 … r_n, type_1, p_1, w_1, x_1, …, type_n, p_n, w_n, x_n):
 * the allocation of requester k (1-based).
 */
export function allocateAvailable(k: number, supply: number, ...rest: number[]): number {
  const n = rest.length / 5;
  if (!Number.isInteger(n) || n < 1 || k < 1 || k > n) return NaN;
  const request = (i: number) => Math.max(0, rest[i]);
  const profile = (i: number) => n + 4 * i;
  let total = 0;
  for (let i = 0; i < n; i++) total += request(i);
  if (supply >= total) return request(k - 1);
  if (supply <= 0) return 0;
  const taken = (x: number) => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const j = profile(i);
      sum += request(i) * share(rest[j], rest[j + 1], rest[j + 2], x);
    }
    return sum;
  };
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const j = profile(i);
    lo = Math.min(lo, rest[j + 1] - 40 * Math.abs(rest[j + 2]));
    hi = Math.max(hi, rest[j + 1] + 40 * Math.abs(rest[j + 2]));
  }
  if (!(lo < hi)) return NaN;
  for (let iter = 0; iter < 200 && hi - lo > 1e-12 * Math.max(1, Math.abs(lo), Math.abs(hi)); iter++) {
    const mid = 0.5 * (lo + hi);
    if (taken(mid) > supply) lo = mid; else hi = mid;
  }
  const x = 0.5 * (lo + hi);
  const j = profile(k - 1);
  return request(k - 1) * share(rest[j], rest[j + 1], rest[j + 2], x);
}
