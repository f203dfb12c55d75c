/**
 * Strongly connected components (Tarjan 1972, iterative so deep graphs cannot overflow the
 * stack) and cycle extraction over a digraph given as adjacency lists of node indices.
 */
export type Adjacency = readonly (readonly number[])[];

/** Components in reverse topological order (a component's successors come first). */
export function stronglyConnected(adj: Adjacency): number[][] {
  const n = adj.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const out: number[][] = [];
  let next = 0;
  const work: [number, number][] = [];
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    work.push([root, 0]);
    while (work.length) {
      const frame = work[work.length - 1];
      const [v, i] = frame;
      if (i === 0) {
        index[v] = low[v] = next++;
        stack.push(v);
        onStack[v] = 1;
      }
      if (i < adj[v].length) {
        frame[1]++;
        const w = adj[v][i];
        if (index[w] === -1) work.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp.push(w);
        } while (w !== v);
        out.push(comp.reverse());
      }
    }
  }
  return out;
}

/** True when the component is a cycle (more than one node, or a node linked to itself). */
export function isCyclic(comp: readonly number[], adj: Adjacency): boolean {
  return comp.length > 1 || adj[comp[0]].includes(comp[0]);
}

/** One simple cycle inside a strongly connected component, as node indices, first repeated last. */
export function cycleIn(comp: readonly number[], adj: Adjacency): number[] {
  const inComp = new Set(comp);
  const start = Math.min(...comp);
  const parent = new Map<number, number>([[start, -1]]);
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of adj[v]) {
      if (w === start) {
        const path = [start];
        for (let u = v; u !== -1 && u !== start; u = parent.get(u)!) path.splice(1, 0, u);
        return [...path, start];
      }
      if (inComp.has(w) && !parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
