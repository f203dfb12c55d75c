/**
 * Vensim FIND MARKET PRICE, DEMAND AT PRICE and SUPPLY AT PRICE (Vensim reference,
 * "Allocation Functions"): demanders and suppliers each have a quantity and a priority
 * profile (type, priority, width, extra; "Specifying the Curves"). At a price x a demander
 * wants its quantity times the share of allocation.ts (falling from 1 to 0 as x rises past
 * its priority) and a supplier offers its capacity times one minus that share (rising from 0
 * to 1: "demand/prioritization curves need to slope down and supply curves need to slope
 * up"). A fixed-quantity profile (type 0) is "constant for all priorities". FIND MARKET PRICE
 * is "the price at which the market supply and market demand are equal".
 *
 * Where no price balances them, Vensim's own run of SDEverywhere's `allocate_price` model
 * shows what it returns: the price is searched between the lowest and highest prices at
 * which any curve still changes (p ∓ w/2 for rectangular and triangular curves, p ∓ 5w for
 * normal, p ∓ 10w for exponential: with no demand it returns 0.5, 0.5, −4 and −9 for curves
 * of priority 1 and width 1), and an end of that range is the answer when supply already
 * exceeds demand at the lowest price (or falls short at the highest). Inside it the price
 * is found by bisection to machine precision; on a stretch where supply equals demand over
 * a range of prices the lowest is taken. With only fixed quantities there is no price: the
 * result is `missing` (the Vensim reader passes :NA:). Negative quantities count as 0, as in
 * ALLOCATE AVAILABLE; profile types other than 0–4, and widths ≤ 0, give NaN.
 */
import { profileShare } from './allocation.js';

interface Curve {
  readonly quantity: number;
  readonly type: number;
  readonly priority: number;
  readonly width: number;
}

/** The price range over which a curve changes; undefined for a fixed quantity. */
function extent({ type, priority: p, width: w }: Curve): [number, number] | undefined {
  const reach = type === 3 ? 5 * w : type === 4 ? 10 * w : w / 2;
  return type === 0 ? undefined : [p - reach, p + reach];
}

const valid = (c: Curve) => c.type === 0 || (c.type >= 1 && c.type <= 4 && c.width > 0);

/** Share of the quantity demanded at `price` (1 for a fixed quantity). */
function demandShare(c: Curve, price: number): number {
  return c.type === 0 ? 1 : profileShare(c, price);
}

/** Share of the capacity supplied at `price` (1 for a fixed quantity). */
function supplyShare(c: Curve, price: number): number {
  return c.type === 0 ? 1 : 1 - profileShare(c, price);
}

/** Curves from (quantities…, profiles of 4…) starting at `from` in `xs`. */
function curves(xs: readonly number[], from: number, n: number): Curve[] {
  return Array.from({ length: n }, (_, i): Curve => {
    const j = from + n + 4 * i;
    return { quantity: Math.max(0, xs[from + i]), type: xs[j], priority: xs[j + 1], width: xs[j + 2] };
  });
}

const total = (cs: readonly Curve[], share: (c: Curve, x: number) => number, x: number) =>
  cs.reduce((s, c) => (c.quantity > 0 ? s + c.quantity * share(c, x) : s), 0);

/**
 * find_market_price(missing, nd, dq_1 … dq_nd, dprofile_1 … dprofile_nd, sq_1 … sq_ns,
 * sprofile_1 … sprofile_ns): each profile is 4 numbers (type, priority, width, extra).
 */
export function findMarketPrice(missing: number, nd: number, ...rest: number[]): number {
  const ns = (rest.length - 5 * nd) / 5;
  if (!Number.isInteger(nd) || nd < 1 || !Number.isInteger(ns) || ns < 1) return NaN;
  const demand = curves(rest, 0, nd);
  const supply = curves(rest, 5 * nd, ns);
  const all = [...demand, ...supply];
  if (!all.every(valid) || all.some((c) => Number.isNaN(c.quantity))) return NaN;
  const ends = all.map(extent).filter((e): e is [number, number] => e !== undefined);
  if (ends.length === 0) return missing;
  const excess = (x: number) => total(demand, demandShare, x) - total(supply, supplyShare, x);
  let lo = Math.min(...ends.map((e) => e[0]));
  let hi = Math.max(...ends.map((e) => e[1]));
  if (!(excess(lo) > 0)) return lo;
  if (excess(hi) > 0) return hi;
  // excess(lo) > 0 ≥ excess(hi): halve until lo and hi are adjacent doubles
  for (let mid = 0.5 * (lo + hi); mid > lo && mid < hi; mid = 0.5 * (lo + hi)) {
    if (excess(mid) > 0) lo = mid; else hi = mid;
  }
  return hi;
}

/** demand_at_price(q, type, priority, width, extra, price): the quantity demanded at price. */
export function demandAtPrice(q: number, type: number, priority: number, width: number, _extra: number, price: number): number {
  const c: Curve = { quantity: Math.max(0, q), type, priority, width };
  return valid(c) ? c.quantity * demandShare(c, price) : NaN;
}

/** supply_at_price(q, type, priority, width, extra, price): the quantity supplied at price. */
export function supplyAtPrice(q: number, type: number, priority: number, width: number, _extra: number, price: number): number {
  const c: Curve = { quantity: Math.max(0, q), type, priority, width };
  return valid(c) ? c.quantity * supplyShare(c, price) : NaN;
}
