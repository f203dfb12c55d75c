/**
 * Helpers that generated code calls through the runtime object `R`. Small, allocation-free
 * and monomorphic so V8 inlines them. Semantics follow XMILE 1.0 §3.5 unless noted.
 */
import { lgamma } from 'mathjs';
import type { LookupTable } from '../model/types.js';
import { allocateByPriority } from './allocate-priority.js';
import { allocateAvailable, allocateExact } from './allocation.js';
import { createConveyors } from './conveyor.js';
import { createHistory } from './history.js';
import { demandAtPrice, findMarketPrice, supplyAtPrice } from './market.js';
import { createRandomState } from './random.js';
import { rankIndex } from './rank.js';
import { stellaFinanceRuntime } from './stella-finance.js';
import { stellaMathRuntime } from './stella-math.js';
import { reader, tablePoints, tableRuntime, type TablePoints } from './tables.js';
import { TIME_EPS } from './time.js';
import { vectorLookup } from './vector-lookup.js';
import { allocateAvailableAt, allocateByPriorityAt, createVectorSites, vectorElmMapAt, vectorOf, vectorRankAt, vectorReorderAt, vectorSortOrderAt } from './vector-state.js';
import { vectorElmMap, vectorRank, vectorReorder, vectorSelect, vectorSortOrder } from './vectors.js';


/** A graphical function's closure; it carries its points for the table functions (tables.ts). */
export type LookupFn = ((x: number) => number) & TablePoints;

/** Builds a closure that evaluates a graphical function (binary search on x; tables.ts). */
export function makeLookup(table: LookupTable): LookupFn {
  const points = tablePoints(Float64Array.from(table.points, (p) => p[0]), Float64Array.from(table.points, (p) => p[1]));
  // Its own reader for the every-step calls, carrying the points for the table functions.
  return Object.assign(reader(points, table.interpolation), points);
}

export const runtime = {
  /** Table functions: lookup_area, lookup_invert, data_between … (tables.ts). */
  ...tableRuntime,
  allocateAvailable,
  allocateExact,
  /** Vensim ALLOCATE BY PRIORITY (allocate-priority.ts). */
  allocateByPriority,
  /** Vensim VECTOR SELECT, RANK, SORT ORDER, REORDER, ELM MAP (vectors.ts). */
  vectorSelect,
  vectorRank,
  vectorSortOrder,
  vectorReorder,
  vectorElmMap,
  /** Vector sites: an array's elements passed once per evaluation, and their readers (vector-state.ts). */
  createVectorSites,
  vectorOf,
  vectorRankAt,
  vectorSortOrderAt,
  vectorReorderAt,
  vectorElmMapAt,
  allocateByPriorityAt,
  allocateAvailableAt,
  /** Vensim FIND MARKET PRICE, DEMAND AT PRICE, SUPPLY AT PRICE (market.ts). */
  findMarketPrice,
  demandAtPrice,
  supplyAtPrice,
  /** Vensim VECTOR LOOKUP (vector-lookup.ts). */
  vectorLookup,
  createRandomState,
  /** history() records (history.ts). */
  createHistory,
  /** Stella ROOTN, FACTORIAL, COMBINATIONS, PERMUTATIONS, NORMALCDF, INVNORM (stella-math.ts). */
  ...stellaMathRuntime,
  /** Stella FV, PV, PMT (stella-finance.ts). */
  ...stellaFinanceRuntime,
  /** conveyor() belts (conveyor.ts). */
  createConveyors,
  /** XMILE RANK over expanded elements (rank.ts). */
  rankIndex,
  /** Floored modulo: the result has the sign of the divisor (XMILE §3.3.1). */
  mod: (a: number, b: number): number => a - b * Math.floor(a / b),
  /** Rounds half away from zero (Vensim/Stella ROUND), unlike Math.round. */
  round: (x: number): number => (x < 0 ? -Math.round(-x) : Math.round(x)),
  xidz: (a: number, b: number, x: number): number => (b === 0 ? x : a / b),
  /**
   * ln |Γ(x)| (Vensim GAMMA LN), by mathjs' lgamma for x > 0 and the reflection formula
   * ln |Γ(x)| = ln(π / |sin πx|) − ln Γ(1 − x) below; +∞ at 0 and the negative integers.
   */
  gammaLn: (x: number): number => (x > 0 ? lgamma(x) : Number.isInteger(x) ? Infinity : Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x)),
  zidz: (a: number, b: number): number => (b === 0 ? 0 : a / b),
  /** Vensim QUANTUM: q·INTEGER(x/q), 0 step leaves x unchanged. */
  quantum: (x: number, q: number): number => (q <= 0 ? x : q * Math.trunc(x / q)),
  step: (t: number, height: number, t0: number): number => (t >= t0 - TIME_EPS * Math.max(1, Math.abs(t0)) ? height : 0),
  ramp: (t: number, slope: number, t0: number, t1: number): number => {
    if (t <= t0) return 0;
    return slope * (Math.min(t, t1) - t0);
  },
  /**
   * XMILE PULSE: a pulse of total area `magnitude` lasting one dt (height magnitude/dt) at
   * `first`, repeated every `interval` when interval > 0.
   */
  pulse: (t: number, dt: number, magnitude: number, first: number, interval: number): number => {
    const eps = TIME_EPS * Math.max(1, Math.abs(t));
    if (t < first - eps) return 0;
    const since = t - first;
    const phase = interval > 0 ? since - interval * Math.floor((since + eps) / interval) : since;
    return phase < dt - eps ? magnitude / dt : 0;
  },
  /** Vensim PULSE TRAIN: 1 for `width` out of every `interval` from `start` to `end`. */
  pulseTrain: (t: number, dt: number, start: number, width: number, interval: number, end: number): number => {
    const eps = TIME_EPS * Math.max(1, Math.abs(t));
    if (t < start - eps || t > end + eps) return 0;
    const since = t - start;
    const phase = interval > 0 ? since - interval * Math.floor((since + eps) / interval) : since;
    return phase < Math.max(width, dt) - eps ? 1 : 0;
  },
};

export type Runtime = typeof runtime;
