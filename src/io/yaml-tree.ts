/**
 * Linear-time walks over a parsed YAML document, for models with many thousands of
 * elements. The yaml library's own duplicate-key check (`uniqueKeys`) and `Document.getIn`
 * both scan a mapping's items per key, which is quadratic in the number of elements.
 */
import { isMap, isNode, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

/** Where a duplicate key is, as yaml reports it (`Map keys must be unique` at the second key). */
export interface DuplicateKey {
  readonly message: string;
  readonly offset: number;
}

/** Every key that repeats an earlier key of the same mapping, in document order. */
export function duplicateKeys(doc: Document): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          if (seen.has(pair.key.value)) out.push({ message: 'Map keys must be unique', offset: pair.key.range?.[0] ?? 0 });
          seen.add(pair.key.value);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      stack.push(...node.items);
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/**
 * Finds the node at a path of keys and sequence indices, and the key node of its last
 * segment; each mapping is indexed once, on first use.
 */
export function pathFinder(doc: Document): (segments: readonly string[]) => { node?: Node; key?: Node } {
  const indexes = new WeakMap<YAMLMap, Map<unknown, Pair>>();
  const indexOf = (map: YAMLMap): Map<unknown, Pair> => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        const k = isScalar(pair.key) ? pair.key.value : pair.key;
        if (!index.has(k)) index.set(k, pair);
      }
      indexes.set(map, index);
    }
    return index;
  };
  return (segments) => {
    let node: unknown = doc.contents;
    let key: Node | undefined;
    for (const segment of segments) {
      key = undefined;
      if (isMap(node)) {
        const pair = indexOf(node).get(segment);
        key = pair && isNode(pair.key) ? pair.key : undefined;
        node = pair?.value;
      } else if (isSeq(node)) {
        node = node.items[Number(segment)];
      } else {
        return {};
      }
      if (node === undefined) return { key };
    }
    return { node: isNode(node) ? node : undefined, key };
  };
}
