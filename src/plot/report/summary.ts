/** The model section (documentation, what is in it, metrics, interventions) and the diagram section. */
import type { Model } from '../../model/types.js';
import { escapeHtml, paragraphs } from '../html/escape.js';
import { levelColor, levelName, MEADOWS_LEVELS } from '../palette.js';
import { modelDiagrams, type DiagramLoop } from '../diagram/index.js';
import { table } from './charts.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function summaryHtml(model: Model): string {
  const count = (k: string) => model.variables.filter((v) => v.kind === k).length;
  const uncertain = model.variables.filter((v) => v.kind === 'constant' && v.uncertainty).length;
  const s = model.sim;
  const facts = [
    `${plural(count('stock'), 'stock')}, ${plural(count('flow'), 'flow')}, ${plural(count('aux'), 'auxiliary', 'auxiliaries')}, ${plural(count('constant'), 'constant')}${uncertain ? ` (${uncertain} with an uncertainty range)` : ''}, ${plural(count('lookup'), 'lookup')}.`,
    `Simulated from ${s.start} to ${s.stop}${s.timeUnit ? ` ${escapeHtml(s.timeUnit)}s` : ''}, dt ${s.dt}, saved every ${s.saveper}, method ${escapeHtml(s.method)}${s.varying ? ` (the ${Object.keys(s.varying).filter((f) => s.varying![f as keyof typeof s.varying] !== undefined).join(', ')} given are the values at the start: they change during the run)` : ''}.`,
    `${plural(model.scenarios?.length ?? 0, 'intervention')} and ${plural(model.metrics?.length ?? 0, 'outcome metric')} defined in the model file${model.file ? ` (${escapeHtml(model.file)})` : ''}.`,
  ];
  const parts = [paragraphs(model.doc), `<ul>${facts.map((f) => `<li>${f}</li>`).join('')}</ul>`];
  const details: string[] = [];
  if (model.metrics?.length) {
    details.push('<h3>Outcome metrics</h3>', table(['metric', 'reads', 'how', 'better', 'units', 'meaning'],
      model.metrics.map((m) => [m.name, m.variable, m.aggregate + (m.threshold === undefined ? '' : ` ${m.threshold}`), m.better, m.units ?? '', m.doc?.trim() ?? ''])));
  }
  if (model.scenarios?.length) {
    details.push('<h3>Interventions</h3>', table(['id', 'intervention', 'Meadows level', 'why that level'],
      model.scenarios.map((x) => [x.id, x.title, levelName(x.leverage?.level), x.leverage?.reason ?? ''])));
  }
  if (details.length) parts.push(`<details><summary>The outcome metrics and interventions defined in the model (tables)</summary>${details.join('\n')}</details>`);
  return parts.join('\n');
}

/** Legend of the Meadows colours used by the intervention charts. */
export function levelLegend(levels: readonly (number | null)[]): string {
  const used = [...new Set(levels)].filter((l): l is number => l !== null && MEADOWS_LEVELS[l] !== undefined).sort((a, b) => a - b);
  return `<p class="legend note">Meadows' places to intervene, 12 weakest … 1 deepest: ${used.map((l) => `<span><i class="swatch" style="background:${levelColor(l)}"></i>${escapeHtml(levelName(l))}</span>`).join('')}</p>`;
}

/**
 * The diagrams, or a note where the layout engine fails on the model: elkjs lays out
 * recursively and runs out of stack on large, densely linked models (a 2000-variable
 * subscripted beer game), and the rest of the report is worth having without the picture.
 */
async function diagramsOrNote(model: Model, loops: readonly DiagramLoop[]): Promise<Awaited<ReturnType<typeof modelDiagrams>> | string> {
  try {
    return await modelDiagrams(model, { loops });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return `<p class="note">The stock-and-flow diagram is left out: the layout engine (elkjs) could not lay out this model's ${model.variables.length} variables (${escapeHtml(e.message)}). Draw parts of it with <code>stockflow convert</code> to XMILE and a diagram editor.</p>`;
  }
}

export async function diagramHtml(model: Model, loops: readonly DiagramLoop[]): Promise<string> {
  const drawn = await diagramsOrNote(model, loops);
  if (typeof drawn === 'string') return drawn;
  const { overview, sectors } = drawn;
  const hidden = model.variables.length > 80 ? ' Constants are left out to keep the picture readable (hover a node for its equation).' : '';
  const named = loops.filter((l) => l.id.includes(' ')).length;
  const loopNote = loops.length ? ` Loop marks: ${named ? `the ${plural(named, 'loop')} the model names, ` : ''}${loops.length > named ? `the ${plural(loops.length - named, 'most important other loop')} by generated id, ` : ''}R reinforcing, B balancing, at the centre of their variables.` : '';
  const bySector = sectors.length ? ` Each dashed box is a sector of the model; links between sectors are faint dashed lines, and each sector is drawn on its own below.` : '';
  const perSector = sectors.map((s) => `<h3>${escapeHtml(s.name)}</h3><div class="sf-zoom">${s.svg}</div>`).join('\n');
  return `<p class="note">Stocks are boxes, flows are pipes with valves (clouds: outside the model boundary), auxiliaries circles, constants diamonds, lookups small yellow boxes; thin red arrows are information links. Laid out automatically by the Eclipse Layout Kernel (elkjs: layered within sectors, sectors packed by rectpacking).${bySector}${hidden}${loopNote} Scroll to zoom, drag to pan.</p>
<div class="sf-zoom sf-overview">${overview}</div>${perSector ? `\n<div class="sf-sector-diagrams">${perSector}</div>` : ''}`;
}
