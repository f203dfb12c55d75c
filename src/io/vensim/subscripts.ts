/**
 * Subscript ranges (Vensim "dimensions"): elements, subranges, numeric sequences
 * `(a1-a9)`, equivalences `A <-> B`, positional mappings `A: a1, a2 -> B` and mappings
 * item by item `B: b1, b2 -> (A: SubA, a3)` (b1 stands for every element of SubA, b2 for a3)
 * or in another order `A: a1, a2, a3 -> (B: b3, b2, b1)`
 * (Vensim reference, "Subscripts", "Subscript Mapping", "Subscript Equivalence").
 * Ids are canonical names (core/names.ts); written forms are kept for output names.
 */
import { canonicalName } from '../../core/names.js';
import { error, type Diagnostic } from '../../core/diagnostics.js';
import type { DimensionDef, MappingDef, RangeItem } from './ast.js';

export interface Dimension {
  readonly id: string;
  readonly name: string;
  /** Element ids in order. */
  readonly elements: readonly string[];
  /** Target dimension id → for each element of this one, the target elements it stands for. */
  readonly mapping: ReadonlyMap<string, readonly (readonly string[])[]>;
}

/** Resolves `GET DIRECT SUBSCRIPT(…)` items to element names (written form). */
export type SubscriptReader = (item: Extract<RangeItem, { k: 'call' }>, range: string) => string[] | undefined;

export class Dimensions {
  readonly dims = new Map<string, Dimension>();
  /** Element id → written name (first definition wins). */
  readonly written = new Map<string, string>();

  isDimension(id: string): boolean {
    return this.dims.has(id);
  }
  isElement(id: string): boolean {
    return this.written.has(id) && !this.dims.has(id);
  }
  get(id: string): Dimension | undefined {
    return this.dims.get(id);
  }
  /** Elements a subscript stands for: a dimension's elements, or the element itself. */
  expand(id: string): readonly string[] | undefined {
    const d = this.dims.get(id);
    if (d) return d.elements;
    return this.written.has(id) ? [id] : undefined;
  }
  /**
   * The widest dimension containing every element of `id` (the earliest on ties). Vensim
   * gives a dimension used as a value the 1-based position of its element in this root
   * (test-models `subscript_definition`: subdim1 values[ab1] = 2 inside dim: A, subdim1, …).
   */
  root(id: string): Dimension | undefined {
    const d = this.dims.get(id);
    if (!d) return undefined;
    const cache = this.cache();
    const known = cache.roots.get(id);
    if (known) return known;
    const contains = (outer: Dimension, inner: Dimension) => {
      const set = this.elementSet(outer);
      return inner.elements.every((e) => set.has(e));
    };
    let best = d;
    for (const other of this.dims.values()) {
      if (other.elements.length > best.elements.length && contains(other, d)) best = other;
    }
    let root = best;
    for (const other of this.dims.values()) {
      if (other.elements.length === best.elements.length && contains(other, best)) { root = other; break; }
    }
    cache.roots.set(id, root);
    return root;
  }
  /** 1-based position of an element in the root of `dimId` (or of its first dimension). */
  valueOf(elementId: string, dimId?: string): number | undefined {
    const dim = dimId ?? [...this.dims.values()].find((d) => this.elementSet(d).has(elementId))?.id;
    if (!dim) return undefined;
    const root = this.root(dim)!;
    const cache = this.cache();
    let positions = cache.positions.get(root.id);
    if (!positions) {
      positions = new Map();
      root.elements.forEach((e, i) => { if (!positions!.has(e)) positions!.set(e, i + 1); });
      cache.positions.set(root.id, positions);
    }
    return positions.get(elementId);
  }
  /**
   * Roots, element sets and positions, computed once: a dimension used as a value in an
   * equation over n elements asks for n positions, which scanning the dimensions each time
   * made cubic in n (3000 elements took 47 s to read). Kept while no dimension is added.
   */
  private cached?: { size: number; roots: Map<string, Dimension>; sets: Map<string, ReadonlySet<string>>; positions: Map<string, Map<string, number>> };
  private cache() {
    if (this.cached?.size !== this.dims.size) this.cached = { size: this.dims.size, roots: new Map(), sets: new Map(), positions: new Map() };
    return this.cached;
  }
  private elementSet(d: Dimension): ReadonlySet<string> {
    const sets = this.cache().sets;
    let set = sets.get(d.id);
    if (!set) { set = new Set(d.elements); sets.set(d.id, set); }
    return set;
  }
  /**
   * The element of `id` that stands for element `el` of `bound` through a mapping: `id` maps
   * onto `bound` (the source element whose targets hold `el`), or `bound` maps onto `id` (the
   * single target of `el`).
   */
  mapped(id: string, bound: string, el: string): string | undefined {
    const source = this.dims.get(id);
    const forward = source?.mapping.get(bound);
    if (source && forward) {
      const i = forward.findIndex((targets) => targets.includes(el));
      if (i >= 0) return source.elements[i];
    }
    const backward = this.dims.get(bound)?.mapping.get(id);
    const targets = backward?.[this.dims.get(bound)!.elements.indexOf(el)];
    return targets?.length === 1 ? targets[0] : undefined;
  }
}

/** How many ranges deep one range may be defined through others (real models use a few; the resolution recurses). */
const MAX_RANGE_NESTING = 200;

export function buildDimensions(defs: readonly DimensionDef[], read: SubscriptReader, diags: Diagnostic[], locate: (pos: number) => Partial<Diagnostic>): Dimensions {
  const out = new Dimensions();
  const byId = new Map(defs.map((d) => [canonicalName(d.name), d]));
  const resolving = new Set<string>();
  const resolve = (id: string): readonly string[] => {
    const done = out.dims.get(id);
    if (done) return done.elements;
    const def = byId.get(id)!;
    if (resolving.has(id)) {
      diags.push(error('subscript-cycle', `subscript range '${def.name}' is defined in terms of itself`, locate(def.pos)));
      return [];
    }
    if (resolving.size >= MAX_RANGE_NESTING) {
      diags.push(error('too-deep', `subscript range '${def.name}' is defined through more than ${MAX_RANGE_NESTING} other ranges`, { ...locate(def.pos), hint: 'define it from its elements or from a range nearer to them' }));
      return [];
    }
    resolving.add(id);
    const elements: string[] = [];
    const seen = new Set<string>();
    const push = (e: string) => { if (!seen.has(e)) { seen.add(e); elements.push(e); } };
    const add = (written: string) => {
      const e = canonicalName(written);
      if (byId.has(e) && e !== id) {
        for (const x of resolve(e)) push(x);
        return;
      }
      if (!out.written.has(e)) out.written.set(e, written);
      push(e);
    };
    if (def.equivalentOf !== undefined) {
      const other = canonicalName(def.equivalentOf);
      if (byId.has(other)) resolve(other).forEach(push);
      else diags.push(error('unknown-subscript', `'${def.name}' is declared equivalent to '${def.equivalentOf}', which is not a subscript range`, locate(def.pos)));
    }
    for (const item of def.items) {
      if (item.k === 'name') add(item.name);
      else if (item.k === 'seq') {
        const seq = sequence(item.from, item.to);
        if (seq) seq.forEach(add);
        else diags.push(error('bad-subscript-range', `cannot expand the range (${item.from}-${item.to})`, { ...locate(item.pos), hint: 'write (prefix1-prefix9): one prefix, numbers rising' }));
      } else {
        const names = read(item, def.name);
        if (names) names.forEach(add);
      }
    }
    out.dims.set(id, { id, name: def.name, elements, mapping: new Map() });
    resolving.delete(id);
    return elements;
  };
  for (const id of byId.keys()) resolve(id);
  for (const [id, def] of byId) {
    const mapping = out.dims.get(id)!.mapping as Map<string, string[][]>;
    const maps: readonly MappingDef[] = def.equivalentOf === undefined ? def.mapsTo : [...def.mapsTo, { dim: def.equivalentOf }];
    for (const m of maps) {
      const found = mappingOf(out, id, def, m);
      if (typeof found === 'string') diags.push(error('bad-subscript-mapping', found, { ...locate(def.pos), hint: 'list one target element or subrange per item of the range, in order: A: a1, a2 -> (B: SubB, b3)' }));
      else mapping.set(canonicalName(m.dim), found);
    }
  }
  return out;
}

/** For each element of `id`, the target elements it stands for; or what is wrong. */
function mappingOf(dims: Dimensions, id: string, def: DimensionDef, m: MappingDef): string[][] | string {
  const source = dims.get(id)!;
  const target = dims.get(canonicalName(m.dim));
  if (!target) return `'${def.name}' maps onto '${m.dim}', which is not a subscript range`;
  if (!m.targets) return source.elements.map((_, i) => (i < target.elements.length ? [target.elements[i]] : []));
  const items = def.items.flatMap((it) => (it.k === 'name' ? [canonicalName(it.name)] : []));
  if (items.length !== m.targets.length || items.length !== def.items.length) {
    return `'${def.name}' has ${def.items.length} items but its mapping onto '${m.dim}' lists ${m.targets.length}`;
  }
  const out = source.elements.map((): string[] => []);
  for (let k = 0; k < items.length; k++) {
    const to = dims.expand(canonicalName(m.targets[k]));
    if (!to || !to.every((e) => target.elements.includes(e))) return `'${m.targets[k]}' in the mapping of '${def.name}' is not an element or subrange of '${m.dim}'`;
    for (const e of dims.expand(items[k]) ?? []) out[source.elements.indexOf(e)].push(...to);
  }
  return out;
}

/** `(a1-a12)` → a1 … a12; keeps zero padding when the first number has it. */
function sequence(from: string, to: string): string[] | undefined {
  const a = /^(.*?)(\d+)$/.exec(from);
  const b = /^(.*?)(\d+)$/.exec(to);
  if (!a || !b || a[1] !== b[1]) return undefined;
  const lo = Number(a[2]);
  const hi = Number(b[2]);
  if (hi < lo || hi - lo > 100000) return undefined;
  const width = a[2].startsWith('0') ? a[2].length : 0;
  const out: string[] = [];
  for (let n = lo; n <= hi; n++) out.push(a[1] + String(n).padStart(width, '0'));
  return out;
}
