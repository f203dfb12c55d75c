/**
 * Stock-and-flow diagrams: model → graph (graph.ts) → ELK layout (layout.ts) → SVG (svg.ts).
 */
import type { Model } from '../../model/types.js';
import { ModelError } from '../../core/diagnostics.js';
import { hasErrors } from '../../core/diagnostics.js';
import { diagramGraph, type DiagramOptions } from './graph.js';
import { layoutDiagram } from './layout.js';
import { diagramSvg } from './svg.js';

export { diagramGraph, type DiagramEdge, type DiagramGraph, type DiagramLoop, type DiagramNode, type DiagramNodeKind, type DiagramOptions } from './graph.js';
export { layoutDiagram, sectorsOf, wrap, type DiagramLayout, type PlacedEdge, type PlacedNode, type PlacedSector, type Point } from './layout.js';
export { diagramSvg, escapeXml, pathData, type SvgOptions } from './svg.js';

/** The model's stock-and-flow diagram as SVG text. Rejects with ModelError when the model cannot be analysed. */
export async function modelDiagram(model: Model, options: DiagramOptions = {}): Promise<string> {
  return (await modelDiagrams(model, options)).overview;
}

/** The whole diagram, and one diagram per sector (cropped from the same layout) when the model has sectors. */
export async function modelDiagrams(model: Model, options: DiagramOptions = {}): Promise<{ overview: string; sectors: { name: string; svg: string }[] }> {
  const { graph, diagnostics } = diagramGraph(model, options);
  if (!graph || hasErrors(diagnostics)) throw new ModelError(diagnostics);
  const layout = await layoutDiagram(graph);
  return { overview: diagramSvg(layout), sectors: layout.sectors.map((s) => ({ name: s.name, svg: diagramSvg(layout, { sector: s.name }) })) };
}
