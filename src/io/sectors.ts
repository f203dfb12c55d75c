/**
 * Sectors of models read from other tools: XMILE `<group>`s (XMILE 1.0 §4.8, a group naming
 * its `<entity>`s) and Vensim views (each variable's sector is the first view that shows it
 * as itself rather than as a shadow). Applied after reading, by base name, so every element
 * of an array falls in its variable's sector.
 */
import { canonicalName } from '../core/names.js';
import type { Variable } from '../model/types.js';
import { splitCsvRecord } from './csv.js';

/** Variables with their sectors set from `sectorOf` (canonical base name → sector), and the sectors in order. */
export function withSectors(variables: readonly Variable[], sectorOf: ReadonlyMap<string, string>): { variables: Variable[]; sectors?: string[] } {
  if (sectorOf.size === 0) return { variables: [...variables] };
  const out = variables.map((v) => {
    const sector = sectorOf.get(canonicalName(v.name.replace(/\[.*$/, '')));
    return sector && !v.sector ? { ...v, sector } : v;
  });
  const used = new Set(out.map((v) => v.sector));
  const sectors = [...new Set(sectorOf.values())].filter((s) => used.has(s));
  return { variables: out, sectors: sectors.length ? sectors : undefined };
}

/**
 * Sectors from a Vensim sketch (the text after `\\\---///`): `*Name` starts a view; a line
 * `10,id,name,x,y,w,h,shape,bits,…` places a variable, a shadow when bit 0 of `bits` is clear.
 * One view is no division into sectors, so a single-view sketch gives none.
 */
export function vensimViewSectors(sketch: string): Map<string, string> {
  const views: { name: string; own: string[]; shadows: string[] }[] = [];
  for (const line of sketch.split(/\r?\n/)) {
    if (/^\*[^*]/.test(line)) { views.push({ name: line.slice(1).trim(), own: [], shadows: [] }); continue; }
    const view = views[views.length - 1];
    if (!view || !line.startsWith('10,')) continue;
    const cells = splitCsvRecord(line, ',');
    const name = (cells[2] ?? '').replace(/^"|"$/g, '').replace(/\\n/g, ' ').trim();
    if (!name) continue;
    (Number(cells[8]) & 1 ? view.own : view.shadows).push(canonicalName(name));
  }
  const out = new Map<string, string>();
  if (views.length < 2) return out;
  for (const v of views) for (const id of v.own) if (!out.has(id)) out.set(id, v.name);
  for (const v of views) for (const id of v.shadows) if (!out.has(id)) out.set(id, v.name);
  return out;
}
