/**
 * Regrouping for the writer: variables named `base[e1,e2]` (arrays a reader expanded)
 * are written back as one XMILE array (§3.7.1, §4.5) with per-element definitions, when
 * that is exact: every element tuple present once, one kind, the same units, docs and
 * non-negativity, and — for stocks — element-wise flows of arrays with the same
 * dimensions. Anything else stays a scalar variable whose name keeps its brackets.
 */
import type { Variable } from '../../model/types.js';
import { canonicalName, xmileRef } from './names.js';

export interface DimDef { readonly name: string; readonly elements: readonly string[] }

export interface ArrayGroup {
  readonly base: string;
  readonly kind: 'stock' | 'flow' | 'aux';
  readonly dims: readonly DimDef[];
  /** Members with their element tuple (element names), in row-major order. */
  readonly members: readonly { readonly v: Variable; readonly elems: readonly string[] }[];
}

export interface ArrayPlan {
  readonly groups: readonly ArrayGroup[];
  readonly dims: readonly DimDef[];
  /** Grouped variable → its group. */
  readonly groupOf: ReadonlyMap<Variable, ArrayGroup>;
  /** Canonical name → XMILE reference text, for every variable. */
  readonly refs: ReadonlyMap<string, string>;
}

const ELEMENT = /^(.*\S)\s*\[([^[\]]+)\]$/;

export function planArrays(vars: readonly Variable[]): ArrayPlan {
  const scalarIds = new Set(vars.filter((v) => !ELEMENT.test(v.name)).map((v) => canonicalName(v.name)));
  const byBase = new Map<string, { base: string; members: { v: Variable; elems: string[] }[] }>();
  for (const v of vars) {
    const m = ELEMENT.exec(v.name);
    if (!m || v.kind === 'lookup') continue;
    const key = canonicalName(m[1]);
    if (scalarIds.has(key)) continue;
    const g = byBase.get(key) ?? { base: m[1].trim(), members: [] };
    g.members.push({ v, elems: m[2].split(',').map((s) => s.trim()) });
    byBase.set(key, g);
  }
  const dimsByKey = new Map<string, DimDef>();
  const taken = new Set([...vars.map((v) => canonicalName(v.name)), ...[...byBase.keys()]]);
  /** One dimension per element set; the first order seen is the dimension's order. */
  const dimFor = (elements: string[]): DimDef => {
    const key = elements.map(canonicalName).sort().join('\u0000');
    let d = dimsByKey.get(key);
    if (!d) {
      let n = dimsByKey.size + 1;
      while (taken.has(canonicalName(`Dim${n}`))) n++;
      d = { name: `Dim${n}`, elements };
      taken.add(canonicalName(d.name));
      dimsByKey.set(key, d);
    }
    return d;
  };
  let groups: ArrayGroup[] = [];
  for (const g of byBase.values()) {
    const group = shape(g.base, g.members, dimFor);
    if (group) groups.push(group);
  }
  // Stocks need element-wise arrayed flows; drop groups until that holds everywhere.
  for (let changed = true; changed;) {
    changed = false;
    const groupOf = new Map(groups.flatMap((g) => g.members.map((m) => [m.v, g] as const)));
    const byName = new Map(vars.map((v) => [canonicalName(v.name), v]));
    const bad = new Set<ArrayGroup>();
    for (const v of vars) {
      if (v.kind !== 'stock') continue;
      const own = groupOf.get(v);
      for (const f of [...v.inflows, ...v.outflows]) {
        const fv = byName.get(canonicalName(f));
        const fg = fv && groupOf.get(fv);
        if (!own && fg) bad.add(fg);
        if (own && (!fg || !sameDims(own, fg) || elemsOf(own, v) !== elemsOf(fg, fv!))) { bad.add(own); if (fg) bad.add(fg); }
      }
      if (own && !uniformLinks(own)) bad.add(own);
    }
    if (bad.size) { groups = groups.filter((g) => !bad.has(g)); changed = true; }
  }
  const groupOf = new Map(groups.flatMap((g) => g.members.map((m) => [m.v, g] as const)));
  const refs = new Map<string, string>();
  for (const v of vars) {
    const g = groupOf.get(v);
    const m = g?.members.find((x) => x.v === v);
    refs.set(canonicalName(v.name), g && m ? `${xmileRef(g.base)}[${m.elems.map(xmileRef).join(', ')}]` : xmileRef(v.name));
  }
  const used = new Set(groups.flatMap((g) => g.dims));
  return { groups, dims: [...dimsByKey.values()].filter((d) => used.has(d)), groupOf, refs };
}

function shape(base: string, members: { v: Variable; elems: string[] }[], dimFor: (e: string[]) => DimDef): ArrayGroup | undefined {
  const arity = members[0].elems.length;
  const kindOf = (v: Variable) => (v.kind === 'constant' ? 'aux' : v.kind) as ArrayGroup['kind'];
  const first = members[0].v;
  const same = (v: Variable) => kindOf(v) === kindOf(first) && v.units === first.units && v.doc === first.doc
    && nonNeg(v) === nonNeg(first) && !(v.kind === 'constant' && (v.uncertainty || v.leverage));
  if (!members.every((m) => m.elems.length === arity && same(m.v))) return undefined;
  const lists: string[][] = Array.from({ length: arity }, () => []);
  for (const m of members) {
    m.elems.forEach((e, k) => { if (!lists[k].some((x) => canonicalName(x) === canonicalName(e))) lists[k].push(e); });
  }
  const total = lists.reduce((n, l) => n * l.length, 1);
  const keys = new Set(members.map((m) => m.elems.map(canonicalName).join(',')));
  if (total !== members.length || keys.size !== members.length) return undefined;
  const dims = lists.map(dimFor);
  const index = (m: { elems: string[] }) => m.elems.reduce((acc, e, k) => acc * dims[k].elements.length + dims[k].elements.findIndex((x) => canonicalName(x) === canonicalName(e)), 0);
  const sorted = [...members].sort((a, b) => index(a) - index(b));
  return { base, kind: kindOf(first), dims, members: sorted };
}

function nonNeg(v: Variable): boolean {
  return (v.kind === 'stock' || v.kind === 'flow') && !!v.nonNegative;
}

function sameDims(a: ArrayGroup, b: ArrayGroup): boolean {
  return a.dims.length === b.dims.length && a.dims.every((d, k) => d === b.dims[k]);
}

function elemsOf(g: ArrayGroup, v: Variable): string {
  return (g.members.find((m) => m.v === v)?.elems ?? []).map(canonicalName).join(',');
}

/** Every element of an arrayed stock lists flows of the same arrays, in the same order. */
function uniformLinks(g: ArrayGroup): boolean {
  const bases = (v: Variable) => v.kind === 'stock'
    ? [...v.inflows.map((f) => `i:${canonicalName(f.replace(ELEMENT, '$1'))}`), ...v.outflows.map((f) => `o:${canonicalName(f.replace(ELEMENT, '$1'))}`)].join('|')
    : '';
  const first = bases(g.members[0].v);
  return g.members.every((m) => bases(m.v) === first);
}
