/**
 * SVG drawing of a laid-out diagram in the usual stock-and-flow notation (Forrester;
 * Sterman 2000, "Business Dynamics", ch. 6): stocks as boxes, flows as double-line pipes
 * with a valve and an arrowhead into the receiving stock, clouds for sources and sinks
 * outside the boundary, auxiliaries as circles, constants as small diamonds, lookups as
 * small rounded boxes, information links as thin curved arrows. Feedback loops are marked
 * with R (reinforcing) or B (balancing) and their id inside a circular arrow, placed at the
 * centre of the loop's variables. Hovering a node shows its equation, units and doc.
 */
import { canonicalName } from '../../core/names.js';
import { FONT, type DiagramLayout, type PlacedEdge, type PlacedNode, type PlacedSector, type Point } from './layout.js';

const PIPE = '#4a4a4a';
const LINK = '#c0392b';
const STOCK_FILL = '#eaf2fb';
const STOCK_STROKE = '#1f4e79';

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const f = (x: number) => (Math.round(x * 10) / 10).toString();

/** Path through the points: cubic Bézier segments where ELK gave spline controls, else lines. */
export function pathData(p: readonly Point[]): string {
  if (p.length < 2) return '';
  let d = `M${f(p[0].x)},${f(p[0].y)}`;
  const rest = p.slice(1);
  if (rest.length % 3 === 0) {
    for (let i = 0; i < rest.length; i += 3) d += ` C${[rest[i], rest[i + 1], rest[i + 2]].map((q) => `${f(q.x)},${f(q.y)}`).join(' ')}`;
  } else {
    for (const q of rest) d += ` L${f(q.x)},${f(q.y)}`;
  }
  return d;
}

const DEFS = `<defs>
<marker id="sf-link" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,1 L10,5 L0,9 z" fill="${LINK}"/></marker>
<marker id="sf-pipe" viewBox="0 0 10 10" refX="8" refY="5" markerUnits="userSpaceOnUse" markerWidth="14" markerHeight="14" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${PIPE}"/></marker>
</defs>`;

function label(n: PlacedNode, x: number, y: number): string {
  return n.lines.map((l, i) => `<text x="${f(x)}" y="${f(y + i * 13)}" text-anchor="middle">${escapeXml(l)}</text>`).join('');
}

function node(n: PlacedNode): string {
  const cx = n.x + n.width / 2;
  const cy = n.y + n.height / 2;
  const below = n.y + n.height + FONT + 2;
  const title = `<title>${escapeXml(n.tip)}</title>`;
  const cls = `sf-node sf-${n.kind}`;
  switch (n.kind) {
    case 'stock': {
      const top = cy - ((n.lines.length - 1) * 13) / 2 + 4;
      return `<g class="${cls}">${title}<rect x="${f(n.x)}" y="${f(n.y)}" width="${f(n.width)}" height="${f(n.height)}" rx="2" fill="${STOCK_FILL}" stroke="${STOCK_STROKE}" stroke-width="1.6"/>${label(n, cx, top)}</g>`;
    }
    case 'flow': {
      const r = n.width / 2;
      const bow = `M${f(cx - r + 3)},${f(cy - r + 3)} L${f(cx + r - 3)},${f(cy + r - 3)} L${f(cx + r - 3)},${f(cy - r + 3)} L${f(cx - r + 3)},${f(cy + r - 3)} z`;
      return `<g class="${cls}">${title}<path d="${bow}" fill="#fff" stroke="${PIPE}" stroke-width="1.3"/><circle cx="${f(cx)}" cy="${f(cy)}" r="3.5" fill="${PIPE}"/>${label(n, cx, below)}</g>`;
    }
    case 'aux':
      return `<g class="${cls}">${title}<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(n.width / 2)}" fill="#fff" stroke="#555" stroke-width="1.3"/>${label(n, cx, below)}</g>`;
    case 'constant': {
      const r = n.width / 2;
      return `<g class="${cls}">${title}<path d="M${f(cx)},${f(cy - r)} L${f(cx + r)},${f(cy)} L${f(cx)},${f(cy + r)} L${f(cx - r)},${f(cy)} z" fill="#f5f5f5" stroke="#777"/>${label(n, cx, below)}</g>`;
    }
    case 'lookup':
      return `<g class="${cls}">${title}<rect x="${f(n.x)}" y="${f(n.y)}" width="${f(n.width)}" height="${f(n.height)}" rx="6" fill="#fff8e1" stroke="#b8860b"/><path d="M${f(n.x + 4)},${f(n.y + n.height - 4)} Q${f(cx)},${f(n.y)} ${f(n.x + n.width - 4)},${f(n.y + 5)}" fill="none" stroke="#b8860b"/>${label(n, cx, below)}</g>`;
    case 'cloud': {
      const { x, y, width: w, height: h } = n;
      const d = `M${f(x + 6)},${f(y + h - 3)} a6,6 0 0 1 2,-11 a8,8 0 0 1 13,-5 a8,8 0 0 1 12,7 a5,5 0 0 1 -1,9 z`;
      return `<g class="${cls}">${title}<path d="${d}" transform="translate(${f((w - 34) / 2)},0)" fill="#fff" stroke="#888" stroke-width="1.2"/></g>`;
    }
  }
}

function edge(e: PlacedEdge, toStock: boolean): string {
  const d = pathData(e.points);
  if (e.across) return `<path class="sf-across sf-${e.kind}" d="${d}" fill="none" stroke="${e.kind === 'pipe' ? PIPE : LINK}" stroke-width="${e.kind === 'pipe' ? 2 : 1}" stroke-opacity="0.22" stroke-dasharray="4 3" marker-end="url(#sf-link)"/>`;
  if (e.kind === 'link') return `<path class="sf-link" d="${d}" fill="none" stroke="${LINK}" stroke-width="1" stroke-opacity="0.75" marker-end="url(#sf-link)"/>`;
  const head = toStock ? ' marker-end="url(#sf-pipe)"' : '';
  return `<g class="sf-pipe"><path d="${d}" fill="none" stroke="${PIPE}" stroke-width="6"${head}/><path d="${d}" fill="none" stroke="#fff" stroke-width="3"/></g>`;
}

/** A loop mark: its label (`R1`) in a circular arrow, and the name the model gives it beside. */
function loopMark(id: string, polarity: string, at: Point): string {
  const r = polarity === 'reinforcing' ? 'R' : polarity === 'balancing' ? 'B' : '±';
  const color = r === 'R' ? '#c0392b' : r === 'B' ? '#1f77b4' : '#555';
  const [head, ...rest] = id.split(' ');
  const text = head.toUpperCase().startsWith(r) ? head : `${r} ${head}`;
  const x = at.x;
  const y = at.y;
  const name = rest.length ? `<text x="${f(x + 18)}" y="${f(y + 4)}" font-style="italic" fill="${color}" stroke="#fff" stroke-width="3" paint-order="stroke">${escapeXml(rest.join(' '))}</text>` : '';
  return `<g class="sf-loop"><title>${escapeXml(`${polarity} loop ${id}`)}</title><path d="M${f(x + 14)},${f(y - 6)} A15,15 0 1 0 ${f(x + 14)},${f(y + 6)}" fill="none" stroke="${color}" stroke-width="1.5" marker-end="url(#sf-link)"/><text x="${f(x)}" y="${f(y + 4)}" text-anchor="middle" font-weight="bold" fill="${color}">${escapeXml(text)}</text>${name}</g>`;
}

function sectorBox(s: PlacedSector): string {
  return `<g class="sf-sector"><rect x="${f(s.x)}" y="${f(s.y)}" width="${f(s.width)}" height="${f(s.height)}" rx="8" fill="#f7f9fc" stroke="#b8c4d6" stroke-dasharray="5 3"/>`
    + `<text x="${f(s.x + 12)}" y="${f(s.y + 21)}" font-size="15" font-weight="600" fill="#34495e">${escapeXml(s.name)}</text></g>`;
}

export interface SvgOptions {
  /** Draw one sector only, cropped to its box. */
  readonly sector?: string;
}

/** The diagram (or one sector of it) as a standalone <svg> element (embeddable in HTML). */
export function diagramSvg(layout: DiagramLayout, o: SvgOptions = {}): string {
  const box = o.sector === undefined ? undefined : layout.sectors.find((s) => s.name === o.sector);
  const inBox = (n: PlacedNode | undefined) => !box || (n !== undefined && n.x >= box.x && n.y >= box.y && n.x <= box.x + box.width && n.y <= box.y + box.height);
  const shownNodes = layout.nodes.filter((n) => inBox(n));
  const byId = new Map(shownNodes.map((n) => [n.id, n]));
  const edges = layout.edges.filter((e) => !box || (!e.across && byId.has(e.from) && byId.has(e.to)))
    .map((e) => edge(e, byId.get(e.to)?.kind === 'stock' || byId.get(e.to)?.kind === 'cloud'));
  const loops = layout.graph.loops.flatMap((l) => {
    const members = l.variables.map((v) => byId.get(canonicalName(v))).filter((n): n is PlacedNode => n !== undefined);
    if (!members.length || (box && members.length < l.variables.length)) return [];
    const cx = members.reduce((s, n) => s + n.x + n.width / 2, 0) / members.length;
    const cy = members.reduce((s, n) => s + n.y + n.height / 2, 0) / members.length;
    return [loopMark(l.id, l.polarity, { x: cx, y: cy })];
  });
  const [x0, y0] = box ? [Math.floor(box.x), Math.floor(box.y)] : [0, 0];
  const w = Math.ceil(box ? box.width : layout.width);
  const h = Math.ceil(box ? box.height : layout.height);
  const sectors = (box ? [box] : layout.sectors).map(sectorBox).join('');
  const what = box ? `${box.name} sector of ${layout.graph.title}` : layout.graph.title;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="sf-diagram" width="${w}" height="${h}" viewBox="${x0} ${y0} ${w} ${h}" font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" font-size="${FONT}" role="img" aria-label="${escapeXml(`Stock-and-flow diagram of ${what}`)}">${DEFS}`
    + `<g class="sf-sectors">${sectors}</g><g class="sf-edges">${edges.join('')}</g><g class="sf-nodes">${shownNodes.map(node).join('')}</g><g class="sf-loops">${loops.join('')}</g></svg>`;
}
