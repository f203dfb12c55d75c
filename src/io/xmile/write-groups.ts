/**
 * Sectors as XMILE groups (XMILE 1.0 §4.8): write.ts puts one `<group name="…">` per sector
 * at the end of `<variables>`, naming its members as `<entity name="…"/>` (an array by its
 * base name), so Stella and other tools show the model's parts, and a round trip through our
 * reader (read.ts, groupSectors) gives every variable its sector back, in the same order.
 */
import type { Model } from '../../model/types.js';
import type { ArrayPlan } from './write-arrays.js';

export interface SectorGroup { readonly sector: string; readonly members: readonly string[] }

export function sectorGroups(model: Model, plan: ArrayPlan): SectorGroup[] {
  const members = new Map<string, string[]>();
  const listed = new Set<string>();
  for (const v of model.variables) {
    const name = plan.groupOf.get(v)?.base ?? v.name;
    if (!v.sector || listed.has(name)) continue;
    listed.add(name);
    members.set(v.sector, [...(members.get(v.sector) ?? []), name]);
  }
  const declared = (model.sectors ?? []).filter((s) => members.has(s));
  const order = [...declared, ...[...members.keys()].filter((s) => !declared.includes(s))];
  return order.map((sector) => ({ sector, members: members.get(sector)! }));
}
