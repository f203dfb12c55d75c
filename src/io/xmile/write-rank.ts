/**
 * Writes the native `rank_index(k, x…)` / `rank_index_by(k, x…, y…)` as XMILE
 * `RANK(x[*], k[, y[*]])` (§3.7.1.3) when that is exact: the listed elements are every
 * element of one array the writer regroups, in the row-major order the written
 * `<dimensions>` give it. RANK returns a flat index, so a different element order would
 * change the result; when exactness cannot be shown the caller keeps the vendor form
 * `stockflow.rank_index(…)`, which readXmile maps back.
 *
 * The written order of a dimension is the first-seen order of its elements among the
 * model's variables (write-arrays.ts, one dimension per element set). That order is
 * recomputed here from the names alone, and RANK is written only when every variable
 * family with the same element set lists the elements in the same order, so the answer
 * never depends on which family defined the dimension.
 */
import type { XExpr } from './eqn-ast.js';
import { parseXmileEquation } from './eqn-parse.js';
import { canonicalName, xmileRef } from './names.js';
import type { EqnContext } from './write-eqn.js';

type CallNode = Extract<XExpr, { kind: 'call' }>;

const ELEMENT = /^(.*\S)\s*\[([^[\]]+)\]$/;

/** XMILE text of a native rank call with printed rank `rankText`, or undefined. */
export function rankAsXmile(e: CallNode, rankText: string, ctx: EqnContext): string | undefined {
  const by = canonicalName(e.fn) === 'rank_index_by';
  const n = by ? (e.args.length - 1) / 2 : e.args.length - 1;
  if (!Number.isInteger(n) || n < 1) return undefined;
  const values = wholeArray(e.args.slice(1, 1 + n), ctx);
  const ties = by ? wholeArray(e.args.slice(1 + n), ctx) : '';
  if (values === undefined || ties === undefined) return undefined;
  return `RANK(${values}, ${rankText}${by ? `, ${ties}` : ''})`;
}

/** `base[*, …]` when `items` are exactly the elements of a written array, in its order. */
function wholeArray(items: readonly XExpr[], ctx: EqnContext): string | undefined {
  let base: string | undefined;
  const tuples: string[] = [];
  for (const item of items) {
    const ref = item.kind === 'name' && !item.subs ? ctx.names.get(canonicalName(item.name)) : undefined;
    const parsed = ref === undefined ? undefined : parseXmileEquation(ref).expr;
    if (parsed?.kind !== 'name' || !parsed.subs || !parsed.subs.every((s) => s.kind === 'name' && !s.subs)) return undefined;
    if (base !== undefined && canonicalName(parsed.name) !== canonicalName(base)) return undefined;
    base = parsed.name;
    tuples.push(parsed.subs.map((s) => (s.kind === 'name' ? canonicalName(s.name) : '')).join(','));
  }
  if (base === undefined) return undefined;
  const families = elementFamilies(ctx);
  const own = families.get(canonicalName(base));
  if (!own || own.length !== tuples.length) return undefined;
  const orders = firstSeenOrders(own);
  if (rowMajor(orders).join('\u0000') !== tuples.join('\u0000')) return undefined;
  for (const family of families.values()) {
    for (const order of firstSeenOrders(family)) {
      const clash = orders.find((o) => sameSet(o, order) && o.join(',') !== order.join(','));
      if (clash) return undefined;
    }
  }
  return `${xmileRef(base)}[${orders.map(() => '*').join(', ')}]`;
}

/** Canonical base → element tuples (canonical element names), in variable order. */
function elementFamilies(ctx: EqnContext): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const key of ctx.names.keys()) {
    const m = ELEMENT.exec(key);
    if (!m) continue;
    const tuple = m[2].split(',').map((s) => s.replace(/^_+|_+$/g, ''));
    const list = out.get(m[1]) ?? [];
    list.push(tuple);
    out.set(m[1], list);
  }
  return out;
}

/** Per subscript position, the elements in the order they first appear. */
function firstSeenOrders(tuples: readonly string[][]): string[][] {
  const arity = tuples[0]?.length ?? 0;
  const orders: string[][] = Array.from({ length: arity }, () => []);
  for (const t of tuples) t.forEach((e, k) => { if (k < arity && !orders[k].includes(e)) orders[k].push(e); });
  return orders;
}

function rowMajor(orders: readonly string[][]): string[] {
  return orders.reduce<string[]>((acc, o) => acc.flatMap((a) => o.map((e) => (a === '' ? e : `${a},${e}`))), ['']);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
