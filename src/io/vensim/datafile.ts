/**
 * Data variables written without an equation (`x :INTERPOLATE:` or `x ~ ~ |`) take their
 * values from the data files a Vensim run is given (Vensim reference, "Data Variables").
 * stockflow looks beside the model for tab- or comma-separated files (`.tab`, `.csv`, `.dat`
 * other than `output.*`) whose first column is time and one of whose columns is named like
 * the variable (`x` or `x[a,b]`, compared case- and space-insensitively); blank cells are
 * gaps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { error } from '../../core/diagnostics.js';
import { canonicalName } from '../../core/names.js';
import type { LookupTable } from '../../model/types.js';
import type { DataMode } from './ast.js';
import { makeTable } from './define.js';
import { withMode } from './external.js';
import { where, type Instance, type Scope } from './scope.js';

type Table = { readonly columns: Map<string, number>; readonly rows: string[][] };
const cache = new WeakMap<object, Table[]>();

const key = (name: string) => canonicalName(name.replace(/^"+|"+$/g, '')).replace(/\s*([[\],])\s*/g, '$1').replace(/_?([[\],])_?/g, '$1');

function tables(sc: Scope): Table[] {
  const hit = cache.get(sc.index);
  if (hit) return hit;
  const out: Table[] = [];
  let files: string[] = [];
  try {
    files = sc.index.dir ? readdirSync(sc.index.dir).filter((f) => /\.(tab|csv|dat)$/i.test(f) && !/^output\./i.test(f)).sort() : [];
  } catch {
    files = [];
  }
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(join(sc.index.dir!, f), 'utf8');
    } catch {
      continue;
    }
    const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
    if (!lines.length) continue;
    const delim = lines[0].includes('\t') ? '\t' : ',';
    const header = lines[0].split(delim);
    out.push({ columns: new Map(header.map((h, i) => [key(h), i])), rows: lines.slice(1).map((l) => l.split(delim)) });
  }
  cache.set(sc.index, out);
  return out;
}

export function dataFileSeries(inst: Instance, mode: DataMode | undefined, sc: Scope): LookupTable | undefined {
  const wanted = key(inst.name);
  for (const t of tables(sc)) {
    const col = t.columns.get(wanted);
    if (col === undefined || col === 0) continue;
    const points: [number, number][] = [];
    for (const row of t.rows) {
      const x = Number(row[0]);
      const cell = (row[col] ?? '').trim();
      if (cell !== '' && Number.isFinite(x) && Number.isFinite(Number(cell))) points.push([x, Number(cell)]);
    }
    const table = points.length ? makeTable(points, sc, inst.def.pos) : undefined;
    if (table) return withMode(table, mode);
  }
  sc.index.diags.push(error('missing-data', `'${inst.name}' is a data variable without an equation, and no data file beside the model has a column for it`, where(sc, inst.def.pos, { hint: 'put a .tab or .csv file with a time column and a column named like the variable beside the model' })));
  return undefined;
}
