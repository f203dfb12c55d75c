/**
 * `<model_units>` (XMILE 1.0 §3.1.3, "Model Units"): each `<unit name="…">` may list other
 * names for the same unit as `<alias>` children (Stella writes `<unit name="Hour"><eqn/>
 * <alias>Hours</alias></unit>`). The aliases become Model.unitAliases, which unit checking
 * reads; a unit's `<eqn>` (its definition in other units) is not read. The writer writes them
 * back (write.ts, modelUnits).
 */
import type { UnitAliases } from '../../model/types.js';
import { attr, kid, kids, plainText, type XmlDoc } from './xml.js';

/** The aliases of the file's `<model_units>`, or undefined when it declares none. */
export function readModelUnits(doc: XmlDoc): UnitAliases | undefined {
  const units = new Map<string, string[]>();
  const node = kid(doc.root, 'model_units');
  for (const u of node ? kids(node, 'unit') : []) {
    const name = attr(u, 'name')?.trim();
    const aliases = kids(u, 'alias').map((a) => plainText(doc, a).trim()).filter((a) => a !== '');
    if (name && aliases.length) units.set(name, [...(units.get(name) ?? []), ...aliases]);
  }
  return units.size ? Object.fromEntries(units) : undefined;
}

