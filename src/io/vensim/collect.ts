/**
 * First pass over a .mdl file: splits it into entries, parses each, and sorts what they
 * declare into subscript ranges, definitions (grouped by variable), macros and the
 * control section. Syntax errors become located diagnostics; parsing goes on with the
 * next entry so that one run reports every problem.
 */
import { error, warning, type Diagnostic } from '../../core/diagnostics.js';
import { canonicalName } from '../../core/names.js';
import type { Definition, DimensionDef, MacroDef } from './ast.js';
import { parseEntry } from './parse-entry.js';
import { equationsEnd, LineMap, splitEntries } from './source.js';

export interface Collected {
  readonly dimensions: DimensionDef[];
  readonly definitions: Definition[];
  readonly macros: Map<string, MacroDef>;
  readonly doc?: string;
  readonly lines: LineMap;
}

export function collect(text: string, file: string | undefined, diags: Diagnostic[]): Collected {
  const lines = new LineMap(text);
  const at = (pos: number) => ({ file, ...lines.locate(pos) });
  const dimensions: DimensionDef[] = [];
  const definitions: Definition[] = [];
  const macros = new Map<string, MacroDef>();
  let macro: MacroDef | undefined;
  let doc: string | undefined;
  for (const entry of splitEntries(text, equationsEnd(text))) {
    const { items, fault } = parseEntry(text, entry);
    if (fault) {
      const here = text.slice(fault.pos, Math.min(entry.end, fault.pos + 40)).split('\n')[0].trim();
      const whole = text.slice(entry.start, entry.end).replace(/\s+/g, ' ').trim();
      const shown = here ? ` at '${here}'` : ` in '${whole.length > 60 ? `…${whole.slice(-57)}` : whole}'`;
      diags.push(error('syntax-error', `${fault.message}${shown}`, at(fault.pos)));
    }
    for (const item of items) {
      switch (item.k) {
        case 'macroStart':
          if (macro) diags.push(error('syntax-error', `:MACRO: ${item.name} starts inside macro ${macro.name}`, at(item.pos)));
          macro = { name: item.name, params: item.params, outputs: item.outputs, definitions: [], pos: item.pos };
          macros.set(canonicalName(item.name), macro);
          break;
        case 'macroEnd':
          if (!macro) diags.push(error('syntax-error', ':END OF MACRO: without :MACRO:', at(item.pos)));
          macro = undefined;
          break;
        case 'dimension':
          dimensions.push(item.def);
          break;
        case 'definition':
          (macro ? macro.definitions : definitions).push(item.def);
          break;
        case 'ignored':
          diags.push(warning('ignored-construct', `${item.what} is read but not simulated`, at(item.pos)));
          break;
        case 'group':
          if (/^\.?model doc/i.test(item.title) || (doc === undefined && item.title === '' && item.doc)) doc = item.doc || doc;
          break;
      }
    }
  }
  if (macro) diags.push(error('syntax-error', `macro ${macro.name} has no :END OF MACRO:`, at(macro.pos)));
  return { dimensions, definitions, macros, doc, lines };
}
