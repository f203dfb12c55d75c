/**
 * Data variables written without an equation (`x :INTERPOLATE:` or `x ~ ~ |`) take their
 * values from the data files a Vensim run is given (Vensim reference, "Data Variables").
 * The files given with the model (ReadOptions.dataFiles, CLI `--data`) are read in Vensim's
 * `.dat` form (a name line, then `time<TAB>value` lines) or as time-first tables; without
 * them stockflow looks beside the model for tab- or comma-separated tables (`.tab`, `.csv`,
 * `.dat` other than `output.*`). A variable matches a block or column named like it (`x` or
 * `x[a,b]`, compared case- and space-insensitively); blank cells are gaps.
 */
import { warning } from '../../core/diagnostics.js';
import { canonicalName } from '../../core/names.js';
import type { LookupTable } from '../../model/types.js';
import type { DataMode } from './ast.js';
import { makeTable } from './define.js';
import { withMode } from './external.js';
import { where, type Instance, type Scope } from './scope.js';

/** Series by canonical name, from one file. */
type Series = Map<string, [number, number][]>;
const cache = new WeakMap<object, Series[]>();

const key = (name: string) => canonicalName(name.replace(/^"+|"+$/g, '')).replace(/\s*([[\],])\s*/g, '$1').replace(/_?([[\],])_?/g, '$1');

/** A time-first table: header row of names, then one row per time; blank cells are gaps. */
function tableSeries(rows: string[]): Series {
  const out: Series = new Map();
  if (!rows.length) return out;
  const delim = rows[0].includes('\t') ? '\t' : ',';
  const header = rows[0].split(delim);
  const body = rows.slice(1).map((l) => l.split(delim));
  header.forEach((h, col) => {
    if (col === 0) return;
    const points: [number, number][] = [];
    for (const row of body) {
      const x = Number(row[0]);
      const cell = (row[col] ?? '').trim();
      if (cell !== '' && Number.isFinite(x) && Number.isFinite(Number(cell))) points.push([x, Number(cell)]);
    }
    out.set(key(h), points);
  });
  return out;
}

/** Vensim's `.dat` form: a line with a name, then `time<TAB>value` lines, block after block (names as written). */
export function datBlocks(rows: readonly string[]): Series {
  const out: Series = new Map();
  let points: [number, number][] | undefined;
  for (const row of rows) {
    const cells = row.split('\t');
    const [x, y] = cells.map(Number);
    if (cells.length === 2 && Number.isFinite(x) && Number.isFinite(y) && points) points.push([x, y]);
    else if (cells.length === 1) out.set(row.trim(), (points = []));
  }
  return out;
}

const isDatBlocks = (rows: readonly string[]) => rows.length > 1 && !rows[0].includes('\t') && !rows[0].includes(',') && /^[^\t]+\t[^\t]+$/.test(rows[1]);

function sources(sc: Scope): Series[] {
  const hit = cache.get(sc.index);
  if (hit) return hit;
  const data = sc.index.data;
  const given = sc.index.options.dataFiles;
  const files = given ?? data.list().filter((f) => /\.(tab|csv|dat)$/i.test(f) && !/^output\./i.test(f)).sort();
  const out: Series[] = [];
  for (const f of files) {
    // Files the caller gives are its own choice; files found beside the model stay confined to its folder.
    const read = data.read(f, given !== undefined);
    if (!read.ok) {
      sc.index.diags.push(warning('data-file-skipped', `the data file '${f}' was skipped: ${read.problem}`, { file: sc.index.file, hint: read.hint }));
      continue;
    }
    const rows = read.bytes.toString('utf8').split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
    // Given files may be Vensim .dat blocks; files found beside the model are read as tables only
    // (a model's folder often holds its own reference run as .dat).
    out.push(given && isDatBlocks(rows) ? new Map([...datBlocks(rows)].map(([n, p]) => [key(n), p])) : tableSeries(rows));
  }
  cache.set(sc.index, out);
  return out;
}

/**
 * The data of a data variable's element as a table over time, or 'na' (with a located warning)
 * when no file has it. Vensim reads a missing element of sparse data as :NA:, and "if you have
 * a model with Data variables and not all of those data variables are contained in the data
 * files Vensim will issue a warning message and attempt to proceed" (Vensim Help, "Simulation
 * Error Messages"): the variable is then :NA: (−2^109) throughout, and what reads it computes
 * with that number as Vensim's equations do with :NA:.
 */
export function dataFileSeries(inst: Instance, mode: DataMode | undefined, sc: Scope): LookupTable | 'na' {
  const wanted = key(inst.name);
  const base = wanted.replace(/\[.*$/, '');
  let sibling = false;
  for (const series of sources(sc)) {
    const points = series.get(wanted);
    const table = points?.length ? makeTable(points, sc, inst.def.pos) : undefined;
    if (table) return withMode(table, mode);
    sibling ||= base !== wanted && [...series.keys()].some((k) => k.startsWith(`${base}[`));
  }
  const hint = 'give a data file with --data FILE (a Vensim .dat, or a .tab/.csv with a time column and a column named like the variable), or write an equation for it';
  if (sibling) {
    sc.index.diags.push(warning('missing-data', `the data file has other elements of '${inst.def.name}' but not '${inst.name}': it is :NA: throughout, as in Vensim`, where(sc, inst.def.pos, { hint })));
    return 'na';
  }
  const none = sc.index.options.dataFiles ? 'none of the data files given' : 'no data file beside the model';
  sc.index.diags.push(warning('missing-data', `'${inst.name}' is a data variable without an equation, and ${none} has a column for it: it is :NA: (−2^109) throughout, as Vensim runs such a model with a warning`, where(sc, inst.def.pos, { hint })));
  return 'na';
}
