/** The explorer section: the page element the browser script fills, and its data (../explorer/data.ts). */
import type { Model } from '../../model/types.js';
import type { SimulateOptions } from '../../sim/simulate.js';
import type { SimulationResult } from '../../sim/result.js';
import type { Variant } from '../../analysis/compare.js';
import { explorerData } from '../explorer/data.js';
import { scriptJson } from '../html/escape.js';
import { groupSeries, outcomeNames } from './baseline.js';

/** Undefined when there is nothing to explore (no uncertain constant and no intervention). */
export function explorerSection(model: Model, variants: readonly Variant[], baseline: SimulationResult, simulate?: SimulateOptions): string | undefined {
  const uncertain = model.variables.filter((v) => v.kind === 'constant' && v.uncertainty).length;
  if (!uncertain && !variants.length) return undefined;
  const outcomes = outcomeNames(model);
  const names = outcomes.length ? outcomes : model.variables.filter((v) => v.kind === 'stock').slice(0, 4).map((v) => v.name);
  const charts = groupSeries(model, baseline, names, 'Outcomes').slice(0, 3).map((g) => ({ title: g.variables.length === 1 ? `${g.title}: ${g.variables[0]}` : g.title, variables: g.variables.slice(0, 3), units: g.units }));
  const data = explorerData(model, variants, charts, simulate);
  return `<p>Move a slider to change an uncertain constant within its documented range (hover a slider for where the range comes from); tick an intervention to add its run. The model runs in this page, compiled to the same program the command line runs; nothing is sent anywhere. Each chart shows the baseline in black and each ticked intervention in its own colour.</p>
<div class="sf-explorer" data-explorer="sf-explorer-data"></div><script type="application/json" id="sf-explorer-data">${scriptJson(data)}</script>`;
}
