/**
 * The run-time side of vector sites (vector-sites.ts): a `vector_of(x_1 … x_n)` variable stores
 * its elements once per evaluation in the run's own table of sites, and the per-element
 * readers (`vector_rank_at`, `vector_sort_order_at`, `vector_reorder_at`, `vector_elm_map_at`,
 * `allocate_by_priority_at`, `allocate_available_at`) read that copy. What all the elements of one array need (the
 * sort, the priority level of an allocation) is computed by the first reader after the
 * elements were stored and kept until they are stored again, so one evaluation costs
 * O(n log n) for a sort instead of n calls of n arguments each.
 *
 * The table belongs to one compiled model (compile.ts creates it with the run's other state,
 * such as history records and conveyor belts); nothing is kept between models. The results
 * are those of the per-element functions of vectors.ts and allocate-priority.ts, to the bit
 * (test/builtins/vector-sites.test.ts).
 */
import { priorityLevel, share } from './allocate-priority.js';
import { availableShare, solveAvailable, type AvailableSolve } from './allocation.js';
import { ranking } from './vectors.js';

/** One vector_of variable's elements at the current evaluation and what its readers derived from them. */
interface Site {
  readonly values: Float64Array;
  /** Bumped at every store, so a derived result knows when it is stale. */
  generation: number;
  /** Ranks (1-based) and sort order (0-based positions summed by rank), by direction: [descending, ascending]. */
  ranked: ({ rank: Float64Array; order: Float64Array } | undefined)[];
  /** For vector_reorder_at: how many elements are not finite, how many give −0 when multiplied by 0. */
  zeros?: { nonFinite: number; negative: number };
  /** The last allocation solved with this site as the requests. */
  allocation?: { priorities: Site; generation: number; pGeneration: number; supply: number; width: number; rp: Float64Array; requested: number; level: number };
  /** The last ALLOCATE AVAILABLE solved with this site as the requests: its profile sites, their generations and the solve. */
  available?: { columns: readonly Site[]; generations: readonly number[]; solve: AvailableSolve };
}

/** The vector sites of one compiled model, by the slot of their vector_of variable. */
export type VectorSites = (Site | undefined)[];

export function createVectorSites(): VectorSites {
  return [];
}

/** vector_of(x_1 … x_n) at `slot`: stores the elements and returns n. */
export function vectorOf(sites: VectorSites, slot: number, items: readonly number[]): number {
  let s = sites[slot];
  if (!s || s.values.length !== items.length) s = sites[slot] = { values: new Float64Array(items.length), generation: 0, ranked: [undefined, undefined] };
  s.values.set(items);
  s.generation++;
  s.ranked[0] = s.ranked[1] = undefined;
  s.zeros = undefined;
  return items.length;
}

/** The ranks and sort order of the stored elements in one direction (vectors.ts ranking), kept until the next store. */
function ranked(s: Site, ascending: boolean): { rank: Float64Array; order: Float64Array } {
  const at = ascending ? 1 : 0;
  return (s.ranked[at] ??= ranking(s.values, ascending));
}

const site = (sites: VectorSites, slot: number): Site => sites[slot]!;

/** vector_rank(k, ascending, x_1 … x_n) of the elements stored at `slot`. */
export function vectorRankAt(sites: VectorSites, slot: number, k: number, ascending: number): number {
  const s = site(sites, slot);
  if (!(Number.isInteger(k) && k >= 1 && k <= s.values.length)) return NaN;
  return ranked(s, ascending !== 0).rank[k - 1];
}

/** vector_sort_order(k, ascending, x_1 … x_n) of the elements stored at `slot`. */
export function vectorSortOrderAt(sites: VectorSites, slot: number, k: number, ascending: number): number {
  const s = site(sites, slot);
  return Number.isInteger(k) && k >= 1 && k <= s.values.length ? ranked(s, ascending !== 0).order[k - 1] : 0;
}

/** vector_elm_map(k, offset, missing, x_1 … x_n) of the elements stored at `slot`. */
export function vectorElmMapAt(sites: VectorSites, slot: number, k: number, offset: number, missing: number): number {
  const v = site(sites, slot).values;
  const j = k - 1 + offset;
  return Number.isInteger(offset) && j >= 0 && j < v.length ? v[j] : missing;
}

/**
 * vector_reorder(order, x_1 … x_n) of the elements stored at `slot`: the fold Σ x_i·[order = i − 1]
 * without the fold. Its terms are x_p (p = order) and x_i·0 for the others, which is NaN for an
 * element that is not finite, −0 for a negative one or −0, +0 otherwise; so the sum is NaN when
 * a zero term is, else x_p when that is not 0, else −0 only when every term is −0.
 */
export function vectorReorderAt(sites: VectorSites, slot: number, order: number): number {
  const s = site(sites, slot);
  const v = s.values;
  if (!s.zeros) {
    let nonFinite = 0;
    let negative = 0;
    for (let i = 0; i < v.length; i++) {
      if (!Number.isFinite(v[i])) nonFinite++;
      else if (v[i] < 0 || Object.is(v[i], -0)) negative++;
    }
    s.zeros = { nonFinite, negative };
  }
  const { nonFinite, negative } = s.zeros;
  if (!(Number.isInteger(order) && order >= 0 && order < v.length)) return nonFinite > 0 ? NaN : negative === v.length ? -0 : 0;
  const x = v[order];
  if (nonFinite - (Number.isFinite(x) ? 0 : 1) > 0 || Number.isNaN(x)) return NaN;
  if (x !== 0) return x;
  return Object.is(x, -0) && negative === v.length ? -0 : 0;
}

/**
 * allocate_by_priority(k, supply, width, r_1 … r_n, p_1 … p_n) with the requests stored at
 * `requests` and the priorities at `priorities`; the level is solved once per evaluation.
 */
export function allocateByPriorityAt(sites: VectorSites, requests: number, priorities: number, k: number, supply: number, width: number): number {
  const r = site(sites, requests);
  const p = site(sites, priorities);
  const n = r.values.length;
  if (p.values.length !== n || !Number.isInteger(k) || k < 1 || k > n || !(width > 0)) return NaN;
  const a = solved(r, p, supply, width);
  if (supply >= a.requested) return a.rp[k - 1];
  if (supply <= 0) return 0;
  return share(a.rp[k - 1], a.rp[n + k - 1], a.level, width);
}

/** The requests (negative ones as 0), their total and the priority level, kept while the inputs stay. */
function solved(r: Site, p: Site, supply: number, width: number): NonNullable<Site['allocation']> {
  const kept = r.allocation;
  if (kept && kept.priorities === p && kept.generation === r.generation && kept.pGeneration === p.generation
    && Object.is(kept.supply, supply) && Object.is(kept.width, width)) return kept;
  const n = r.values.length;
  const rp = new Float64Array(2 * n);
  rp.set(r.values);
  rp.set(p.values, n);
  for (let i = 0; i < n; i++) if (rp[i] < 0) rp[i] = 0;
  let requested = rp[0];
  for (let i = 1; i < n; i++) requested += rp[i];
  const level = supply >= requested || supply <= 0 ? NaN : priorityLevel(rp, n, width, supply);
  r.allocation = { priorities: p, generation: r.generation, pGeneration: p.generation, supply, width, rp, requested, level };
  return r.allocation;
}

/**
 * allocate_available(k, supply, r_1 … r_n, t_1, p_1, w_1, x_1, …) with the requests stored at
 * `requests` and the profile columns (type, priority, width) at `types`, `priorities`,
 * `widths`; the price is solved once per evaluation (allocation.ts). The extra column is
 * not read by any curve, so it is passed only to keep the reader's shape.
 */
export function allocateAvailableAt(sites: VectorSites, requests: number, types: number, priorities: number, widths: number, extras: number, k: number, supply: number): number {
  const r = site(sites, requests);
  const columns = [r, site(sites, types), site(sites, priorities), site(sites, widths), site(sites, extras)];
  const n = r.values.length;
  if (columns.some((c) => c.values.length !== n) || !Number.isInteger(k) || k < 1 || k > n) return NaN;
  const kept = r.available;
  if (!(kept && Object.is(kept.solve.supply, supply) && kept.columns.every((c, i) => c === columns[i] && kept.generations[i] === c.generation))) {
    r.available = { columns, generations: columns.map((c) => c.generation), solve: solveAvailable(false, supply, r.values, columns[1].values, columns[2].values, columns[3].values) };
  }
  return availableShare(r.available!.solve, k);
}
