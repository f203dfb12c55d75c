/**
 * Automatic layout of the diagram graph with ELK's layered algorithm (elkjs, the Eclipse
 * Layout Kernel compiled to JavaScript): material flows run left to right, nodes are placed
 * to keep edges short and straight, and every edge is routed around the nodes. Pipes get a
 * high direction/straightness priority so stock chains read as a line.
 * Options: https://eclipse.dev/elk/reference/algorithms/org-eclipse-elk-layered.html
 */
import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { DiagramGraph, DiagramNode, DiagramNodeKind } from './graph.js';

type ElkConstructor = new () => ELK;

/** Loaded on first use (it is 1.6 MB of JavaScript); elk.bundled.js is CommonJS, its typings say ESM. */
async function loadElk(): Promise<ElkConstructor> {
  const m = (await import('elkjs/lib/elk.bundled.js')) as unknown as { default: ElkConstructor | { default: ElkConstructor } };
  return typeof m.default === 'function' ? m.default : m.default.default;
}

export interface Point { readonly x: number; readonly y: number }

export interface PlacedNode extends DiagramNode {
  /** The drawn shape (box, valve, circle …): top-left corner and size, px. Labels go below it. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The name broken into lines for drawing. */
  readonly lines: string[];
}

export interface PlacedEdge {
  readonly id: string;
  readonly kind: 'pipe' | 'link';
  readonly from: string;
  readonly to: string;
  /** Start, bend (spline control) points, end. */
  readonly points: Point[];
  /** Joins two sectors: not routed, drawn straight between the nodes' centres. */
  readonly across?: boolean;
}

export interface DiagramLayout {
  readonly graph: DiagramGraph;
  readonly width: number;
  readonly height: number;
  readonly nodes: PlacedNode[];
  readonly edges: PlacedEdge[];
  /** Sector boxes, when the graph has two sectors or more. */
  readonly sectors: PlacedSector[];
}

/** Font size of labels, px; CHAR is the average advance used to size boxes. */
export const FONT = 11;
const CHAR = 6.3;
const LINE = 13;
/** Characters per label line of valves and circles: their labels set the width of a layer. */
const LABEL_CHARS = 12;

const SHAPE: Readonly<Record<DiagramNodeKind, { w: number; h: number }>> = {
  stock: { w: 0, h: 0 }, flow: { w: 26, h: 26 }, aux: { w: 18, h: 18 }, constant: { w: 12, h: 12 }, lookup: { w: 22, h: 16 }, cloud: { w: 34, h: 22 },
};

/** Words packed into lines of at most `max` characters. */
export function wrap(text: string, max = 16): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}

function textWidth(lines: readonly string[]): number {
  return Math.max(...lines.map((l) => l.length)) * CHAR;
}

function elkNode(n: DiagramNode): ElkNode {
  const lines = wrap(n.name, n.kind === 'stock' ? 18 : LABEL_CHARS);
  if (n.kind === 'stock') {
    return { id: n.id, width: Math.max(80, textWidth(lines) + 20), height: Math.max(40, lines.length * LINE + 18) };
  }
  const s = SHAPE[n.kind];
  const labels = n.name ? [{ text: n.name, width: textWidth(lines), height: lines.length * LINE }] : [];
  // Set per node: ELK does not pass node options down from the root. NODE_LABELS alone sizes
  // the node to its label (a cloud, unlabelled, to 0 × 0, drawn 34 px wide over its box's
  // edge); MINIMUM_SIZE keeps the shape's own size.
  return {
    id: n.id, width: s.w, height: s.h, labels,
    layoutOptions: { 'elk.nodeLabels.placement': 'OUTSIDE V_BOTTOM H_CENTER', 'elk.nodeSize.constraints': 'NODE_LABELS MINIMUM_SIZE', 'elk.nodeSize.minimum': `(${s.w}, ${s.h})` },
  };
}

function elkEdge(e: DiagramGraph['edges'][number]): ElkExtendedEdge {
  const pipe = e.kind === 'pipe';
  return {
    id: e.id, sources: [e.from], targets: [e.to],
    layoutOptions: pipe
      ? { 'elk.layered.priority.direction': '10', 'elk.layered.priority.straightness': '10', 'elk.layered.priority.shortness': '10' }
      : { 'elk.layered.priority.direction': '0' },
  };
}

/** A sector drawn as a box around its variables (a compound node of the layout). */
export interface PlacedSector {
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const LAYERED: Readonly<Record<string, string>> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'SPLINES',
  'elk.layered.spacing.nodeNodeBetweenLayers': '30',
  'elk.spacing.nodeNode': '26',
  'elk.spacing.edgeNode': '14',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.separateConnectedComponents': 'true',
  'elk.padding': '[top=20,left=20,bottom=20,right=20]',
};

/** The sectors of the graph's nodes in first-seen order; a diagram with fewer than two is drawn flat. */
export function sectorsOf(graph: DiagramGraph): string[] {
  return [...new Set(graph.nodes.map((n) => n.sector).filter((x): x is string => !!x))];
}

export interface LayoutOptions {
  /** Width the sector boxes are packed into, px (default 1300). */
  readonly width?: number;
}

/**
 * Lays the graph out; resolves with positions in px (top-left origin). With two sectors or
 * more, each sector is a compound node laid out by ELK's layered algorithm and the sectors
 * are packed into rows of about `width` px by ELK's rectpacking; links between sectors are
 * left unrouted (drawn straight and faint by svg.ts).
 */
export async function layoutDiagram(graph: DiagramGraph, o: LayoutOptions = {}): Promise<DiagramLayout> {
  const sectors = sectorsOf(graph);
  const sectorOf = new Map(graph.nodes.map((n) => [n.id, sectors.length > 1 ? n.sector ?? OTHER : '']));
  const inner = (e: DiagramGraph['edges'][number]) => sectorOf.get(e.from) === sectorOf.get(e.to);
  const root: ElkNode = sectors.length < 2
    ? { id: 'root', layoutOptions: LAYERED, children: graph.nodes.map(elkNode), edges: graph.edges.map(elkEdge) }
    : {
      id: 'root',
      layoutOptions: { 'elk.algorithm': 'rectpacking', 'elk.rectpacking.widthApproximation.targetWidth': String(o.width ?? 1300), 'elk.spacing.nodeNode': '24', 'elk.padding': '[top=10,left=10,bottom=10,right=10]' },
      children: [...sectors, ...(graph.nodes.some((n) => !n.sector) ? [OTHER] : [])].map((name) => ({
        id: `sector:${name}`, labels: [{ text: name }],
        // No graph wrapping: ELK's wrapping cuts a long sector into rows and routes every edge
        // crossing a cut back around the whole row (U-turns); a long sector is scaled to the
        // page instead, and the report's zoom shows it closer.
        layoutOptions: { ...LAYERED, 'elk.padding': '[top=34,left=14,bottom=14,right=14]' },
        children: graph.nodes.filter((n) => sectorOf.get(n.id) === name).map(elkNode),
        edges: graph.edges.filter((e) => inner(e) && sectorOf.get(e.from) === name).map(elkEdge),
      })),
    };
  const Elk = await loadElk();
  const out = await new Elk().layout(root);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const nodes: PlacedNode[] = [];
  const rawEdges: { e: ElkExtendedEdge; dx: number; dy: number }[] = [];
  const placedSectors: PlacedSector[] = [];
  const visit = (c: ElkNode, dx: number, dy: number) => {
    for (const e of c.edges ?? []) rawEdges.push({ e: e as ElkExtendedEdge, dx, dy });
    for (const k of c.children ?? []) {
      if (k.id.startsWith('sector:')) {
        placedSectors.push({ name: k.id.slice(7), x: dx + (k.x ?? 0), y: dy + (k.y ?? 0), width: k.width ?? 0, height: k.height ?? 0 });
        visit(k, dx + (k.x ?? 0), dy + (k.y ?? 0));
      } else nodes.push(placed(byId.get(k.id)!, k, dx, dy));
    }
  };
  visit(out, 0, 0);
  const placedById = new Map(nodes.map((n) => [n.id, n]));
  const kinds = new Map(graph.edges.map((e) => [e.id, e]));
  const edges = rawEdges.map(({ e, dx, dy }): PlacedEdge => {
    const src = kinds.get(e.id)!;
    const s = e.sections?.[0];
    const points = s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint] : [];
    return { id: e.id, kind: src.kind, from: src.from, to: src.to, points: attach(points.map((p) => ({ x: p.x + dx, y: p.y + dy })), placedById.get(src.from), placedById.get(src.to)) };
  });
  const across = graph.edges.filter((e) => !inner(e)).map((e): PlacedEdge => {
    const a = placedById.get(e.from)!;
    const b = placedById.get(e.to)!;
    return { id: e.id, kind: e.kind, from: e.from, to: e.to, points: [centre(a), centre(b)], across: true };
  });
  return { graph, width: out.width ?? 0, height: out.height ?? 0, nodes, edges: [...edges, ...across], sectors: placedSectors };
}

/** Nodes without a sector in a diagram that has sectors. */
const OTHER = 'Other';

function centre(n: PlacedNode): Point {
  return { x: n.x + n.width / 2, y: n.y + n.height / 2 };
}

function placed(n: DiagramNode, c: ElkNode, dx: number, dy: number): PlacedNode {
  // ELK widens a node to its outside label; the shape keeps its own size at the node's centre.
  const w = n.kind === 'stock' ? c.width ?? 0 : SHAPE[n.kind].w;
  const h = n.kind === 'stock' ? c.height ?? 0 : SHAPE[n.kind].h;
  const cx = dx + (c.x ?? 0) + (c.width ?? 0) / 2;
  const top = dy + (n.kind === 'stock' ? c.y ?? 0 : (c.y ?? 0) + Math.max(0, ((c.height ?? 0) - h) / 2));
  return { ...n, x: cx - w / 2, y: top, width: w, height: h, lines: wrap(n.name, n.kind === 'stock' ? 18 : LABEL_CHARS) };
}

/**
 * ELK ends edges on a node's box, which for valves and circles includes the label beside the
 * shape; move such ends onto the shape itself (stocks keep ELK's ends on their box).
 */
function attach(points: Point[], from?: PlacedNode, to?: PlacedNode): Point[] {
  if (points.length < 2) return points;
  const out = [...points];
  const snap = (n: PlacedNode, toward: Point): Point => {
    const c = { x: n.x + n.width / 2, y: n.y + n.height / 2 };
    const d = Math.hypot(toward.x - c.x, toward.y - c.y) || 1;
    const r = Math.max(n.width, n.height) / 2 + 1;
    return { x: c.x + ((toward.x - c.x) * r) / d, y: c.y + ((toward.y - c.y) * r) / d };
  };
  if (from && from.kind !== 'stock') out[0] = snap(from, out[1]);
  if (to && to.kind !== 'stock') out[out.length - 1] = snap(to, out[out.length - 2]);
  return out;
}
