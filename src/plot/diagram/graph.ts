/**
 * The stock-and-flow diagram as a graph, before layout: stocks, flows (valves on pipes
 * between stocks or clouds), auxiliaries, constants and lookups as nodes; pipes and
 * information links as edges. Information links come from the resolved equations of the
 * lowered model (analyseModel): a link x → y when y's equation references x. Internal
 * nodes of stateful builtins (SMOOTH3's stocks …) are looked through, so `delay3(a, …)`
 * in y's equation draws a → y. Stock initial values are not drawn (as in Vensim/Stella).
 */
import { analyseModel } from '../../compile/index.js';
import { references, type Expr } from '../../expr/ast.js';
import type { ProgramNode } from '../../builtins/program.js';
import type { Model, Stock } from '../../model/types.js';
import { canonicalName } from '../../core/names.js';
import type { Diagnostic } from '../../core/diagnostics.js';

export type DiagramNodeKind = 'stock' | 'flow' | 'aux' | 'constant' | 'lookup' | 'cloud';

export interface DiagramNode {
  readonly id: string;
  readonly name: string;
  readonly kind: DiagramNodeKind;
  /** Tooltip: equation, units and documentation. */
  readonly tip: string;
  /** The model sector it belongs to (a cloud: its flow's). */
  readonly sector?: string;
}

export interface DiagramEdge {
  readonly id: string;
  /** `pipe`: material flow (stock/cloud → valve → stock/cloud); `link`: information. */
  readonly kind: 'pipe' | 'link';
  readonly from: string;
  readonly to: string;
}

/** A feedback loop to label on the diagram (the loop analysis' shape). */
export interface DiagramLoop {
  readonly id: string;
  readonly polarity: 'reinforcing' | 'balancing' | string;
  /** Variable names in loop order. */
  readonly variables: readonly string[];
}

export interface DiagramGraph {
  readonly title: string;
  readonly nodes: DiagramNode[];
  readonly edges: DiagramEdge[];
  readonly loops: DiagramLoop[];
}

export interface DiagramOptions {
  /** Draw constants: true, false, or 'auto' (only when the model has at most 80 variables). */
  readonly constants?: boolean | 'auto';
  /** Feedback loops to label R/B with their ids. */
  readonly loops?: readonly DiagramLoop[];
}

const KINDS: Readonly<Record<string, DiagramNodeKind>> = { stock: 'stock', flow: 'flow', aux: 'aux', constant: 'constant', lookup: 'lookup' };

/** The diagram graph of a model, or the diagnostics that stop the model from being analysed. */
export function diagramGraph(model: Model, o: DiagramOptions = {}): { graph?: DiagramGraph; diagnostics: Diagnostic[] } {
  const built = analyseModel(model);
  if (!built.program) return { diagnostics: built.diagnostics };
  const { byId } = built.program;
  const showConstants = o.constants === 'auto' || o.constants === undefined ? model.variables.length <= 80 : o.constants;
  const shown = built.program.nodes.filter((n) => !n.helper && (showConstants || n.kind !== 'constant'));
  const ids = new Set(shown.map((n) => n.id));
  const nodes: DiagramNode[] = shown.map((n) => ({ id: n.id, name: n.name, kind: KINDS[n.kind] ?? 'aux', tip: tip(n), ...(n.variable?.sector ? { sector: n.variable.sector } : {}) }));
  const edges: DiagramEdge[] = [];
  addPipes(model, ids, nodes, edges);
  for (const n of shown) {
    if (n.kind === 'stock' || n.kind === 'constant' || n.kind === 'lookup') continue;
    for (const from of inputs(n, byId)) {
      if (from !== n.id && ids.has(from)) edges.push({ id: `link:${from}->${n.id}`, kind: 'link', from, to: n.id });
    }
  }
  const loops = (o.loops ?? []).filter((l) => l.variables.some((v) => ids.has(canonicalName(v))));
  return { graph: { title: model.name, nodes, edges, loops: [...loops] }, diagnostics: built.diagnostics };
}

function addPipes(model: Model, ids: Set<string>, nodes: DiagramNode[], edges: DiagramEdge[]): void {
  const stocks = model.variables.filter((v): v is Stock => v.kind === 'stock');
  for (const f of model.variables.filter((v) => v.kind === 'flow' && ids.has(v.id))) {
    const from = stocks.filter((s) => s.outflows.some((x) => canonicalName(x) === f.id)).map((s) => s.id);
    const to = stocks.filter((s) => s.inflows.some((x) => canonicalName(x) === f.id)).map((s) => s.id);
    if (!from.length) from.push(cloud(nodes, `cloud:from:${f.id}`, f.sector));
    if (!to.length) to.push(cloud(nodes, `cloud:to:${f.id}`, f.sector));
    for (const s of from) edges.push({ id: `pipe:${s}->${f.id}`, kind: 'pipe', from: s, to: f.id });
    for (const s of to) edges.push({ id: `pipe:${f.id}->${s}`, kind: 'pipe', from: f.id, to: s });
  }
}

function cloud(nodes: DiagramNode[], id: string, sector?: string): string {
  nodes.push({ id, name: '', kind: 'cloud', tip: 'source or sink outside the model boundary', ...(sector ? { sector } : {}) });
  return id;
}

/** Non-helper variables a node's equation depends on, looking through builtin helpers. */
function inputs(n: ProgramNode, byId: ReadonlyMap<string, ProgramNode>): Set<string> {
  const out = new Set<string>();
  const visited = new Set<string>([n.id]);
  const stack: (Expr | undefined)[] = n.kind === 'stock' ? [] : [n.equation, n.source, n.delay];
  while (stack.length) {
    const e = stack.pop();
    if (!e) continue;
    for (const id of references(e)) {
      const m = byId.get(id);
      if (!m || visited.has(id)) continue; // time, dt and other builtin constants; or seen
      visited.add(id);
      if (!m.helper) out.add(id);
      else stack.push(m.equation, m.rate, m.source, m.delay);
    }
  }
  return out;
}

function tip(n: ProgramNode): string {
  const v = n.variable;
  const eq = !v ? '' : v.kind === 'constant' ? String(v.value) : v.kind === 'stock' ? `initial ${v.initial}` : v.kind === 'lookup' ? 'lookup table' : v.equation;
  return [`${n.name} (${n.kind})`, eq && `= ${eq}`, n.units && `[${n.units}]`, v?.doc?.trim()].filter(Boolean).join('\n');
}
