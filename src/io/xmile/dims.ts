/**
 * XMILE dimensions (XMILE 1.0 §3.7.1, §4.5): `<dim name="d"><elem name="a"/>…</dim>` or
 * `<dim name="d" size="3"/>` (elements named 1…3). Arrays are expanded into scalar
 * variables named `base[e1,e2]`, element tuples in row-major order (last dimension
 * fastest), which is also the order of Vensim-style element lists `1, 2, 3`.
 */
import { error, type Diagnostic } from '../../core/diagnostics.js';
import { canonicalName } from '../../core/names.js';
import { attr, kids, locOf, type XmlDoc, type XNode } from './xml.js';
import { displayName } from './names.js';

export interface Dimension {
  /** Name as written (normalised for display). */
  readonly name: string;
  readonly id: string;
  /** Element names as written, and their canonical ids. */
  readonly elements: readonly string[];
  readonly ids: readonly string[];
}

export type DimTable = ReadonlyMap<string, Dimension>;

/** Reads the file-level `<dimensions>` block. */
export function readDimensions(doc: XmlDoc, node: XNode | undefined, diags: Diagnostic[]): Map<string, Dimension> {
  const table = new Map<string, Dimension>();
  if (!node) return table;
  for (const d of kids(node, 'dim')) {
    const name = displayName(attr(d, 'name') ?? '');
    if (!name) { diags.push(error('invalid-dimension', 'a <dim> has no name', locOf(doc, d))); continue; }
    let elements = kids(d, 'elem').map((e) => displayName(attr(e, 'name') ?? ''));
    const size = attr(d, 'size');
    if (elements.length === 0 && size !== undefined) {
      const n = Number(size);
      if (!Number.isInteger(n) || n < 1 || n > 1e6) {
        diags.push(error('invalid-dimension', `dimension '${name}' has size '${size}'`, { ...locOf(doc, d), hint: 'size must be a positive integer' }));
        continue;
      }
      elements = Array.from({ length: n }, (_, i) => String(i + 1));
    }
    if (elements.length === 0 || elements.some((e) => !e)) {
      diags.push(error('invalid-dimension', `dimension '${name}' has no (or unnamed) elements`, locOf(doc, d)));
      continue;
    }
    const ids = elements.map(canonicalName);
    const seen = new Set<string>();
    const dup = ids.find((id) => seen.has(id) || !seen.add(id));
    if (dup) diags.push(error('invalid-dimension', `dimension '${name}' repeats element '${dup}'`, locOf(doc, d)));
    const id = canonicalName(name);
    if (table.has(id)) diags.push(error('duplicate-dimension', `dimension '${name}' is defined twice`, locOf(doc, d)));
    table.set(id, { name, id, elements, ids });
  }
  return table;
}

/** Every element tuple (indices) of the given dimensions, row-major. */
export function tuples(dims: readonly Dimension[]): number[][] {
  let out: number[][] = [[]];
  for (const d of dims) {
    const next: number[][] = [];
    for (const t of out) for (let i = 0; i < d.elements.length; i++) next.push([...t, i]);
    out = next;
  }
  return out;
}

/** `base[e1,e2]` for a tuple of element indices, or `base` when scalar. */
export function elementName(base: string, dims: readonly Dimension[], tuple: readonly number[]): string {
  if (dims.length === 0) return base;
  return `${base}[${tuple.map((i, k) => dims[k].elements[i]).join(',')}]`;
}

/**
 * The element index named by `text` in `dim`: its name, a `dim.elem` qualified name, or
 * for numbered dimensions the number itself.
 */
export function findElement(dim: Dimension, text: string): number | undefined {
  const id = canonicalName(text);
  let i = dim.ids.indexOf(id);
  if (i >= 0) return i;
  const dot = id.indexOf('.');
  if (dot > 0 && id.slice(0, dot) === dim.id) {
    i = dim.ids.indexOf(id.slice(dot + 1));
    if (i >= 0) return i;
  }
  return undefined;
}

/** Parses `subscript="a, b"` of an `<element>` against the variable's dimensions. */
export function parseSubscriptAttr(text: string, dims: readonly Dimension[]): number[] | string {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length !== dims.length) return `'${text}' names ${parts.length} element(s) but the variable has ${dims.length} dimension(s)`;
  const out: number[] = [];
  for (let k = 0; k < parts.length; k++) {
    const i = findElement(dims[k], parts[k]);
    if (i === undefined) return `'${parts[k]}' is not an element of dimension '${dims[k].name}'`;
    out.push(i);
  }
  return out;
}
