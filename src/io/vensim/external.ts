/**
 * GET XLS / GET DIRECT functions, resolved when the model is read (Vensim reference,
 * "GET XLS CONSTANTS", "GET XLS DATA", "GET XLS LOOKUPS"; GET DIRECT … read the same way):
 * - CONSTANTS(file, sheet, cell): the cell is the top-left value. One subscript reads
 *   across a row; two read rows (first subscript) by columns (second). A trailing `*`
 *   transposes. The cell may be a named range.
 * - DATA / LOOKUPS(file, sheet, x row or column, first y cell): x values run along row
 *   `4` (or down column `A`) from the first y cell's column (row); each further element of
 *   the left-hand side reads the next row (column). Both may be named ranges.
 * Data becomes an auxiliary `time` with a graphical function: :INTERPOLATE: (the default)
 * is continuous, :HOLD BACKWARD: and :RAW: hold each value (discrete), :LOOK FORWARD:
 * takes the next value (forward). The points stay the data's own, for GET DATA … functions.
 */
import { error, warning } from '../../core/diagnostics.js';
import { canonicalName } from '../../core/names.js';
import type { LookupTable } from '../../model/types.js';
import type { RangeItem, VExpr } from './ast.js';
import { makeTable } from './define.js';
import { where, type Instance, type Scope } from './scope.js';
import { openSheet, parseCell, parseLine, type Cell, type Sheet, type WorkbookCache } from './workbook.js';

const EXTERNAL = new Set(['get_xls_constants', 'get_direct_constants', 'get_xls_data', 'get_direct_data', 'get_xls_lookups', 'get_direct_lookups']);
const cacheOf = new WeakMap<object, WorkbookCache>();

export function isExternal(fn: string): boolean {
  return EXTERNAL.has(fn);
}

type Call = Extract<VExpr, { k: 'call' }>;

function fail(sc: Scope, pos: number, message: string, hint?: string): undefined {
  sc.index.diags.push(error('external-data', message, where(sc, pos, { hint })));
  return undefined;
}

function strings(e: Call, n: number, sc: Scope): string[] | undefined {
  const out = e.args.map((a) => (a.k === 'str' ? a.value : undefined));
  if (out.length < n || out.slice(0, n).some((a) => a === undefined)) return fail(sc, e.pos, `${e.fn} takes ${n} quoted arguments`, "e.g. GET XLS CONSTANTS('data.xlsx', 'Sheet1', 'B2')");
  return out as string[];
}

function sheetOf(e: Call, file: string, tab: string, sc: Scope): Sheet | undefined {
  if (!sc.index.file) return fail(sc, e.pos, `${e.fn} needs the model's file location to find '${file}'`);
  let cache = cacheOf.get(sc.index);
  if (!cache) cacheOf.set(sc.index, (cache = new Map()));
  const alias = file.startsWith('?') ? aliasTarget(file, sc) : undefined;
  if (file.startsWith('?') && alias === undefined) {
    return fail(sc, e.pos, `${e.fn} names the data alias '${file}', which nothing maps to a file`,
      `give the file with --data-alias '${file}=FILE' (library: dataAliases), or write the file name instead of the alias`);
  }
  // The caller's alias is its own choice of file, so it is read as given; a name in the model
  // (written in an equation or in the model's own alias settings) is confined to its folder.
  const sheet = openSheet(sc.index.data, alias?.path ?? file, tab, cache, alias?.given ?? false);
  return 'problem' in sheet ? fail(sc, e.pos, sheet.problem, sheet.hint) : sheet;
}

/**
 * The file a `?tag` stands for (case-insensitive tag): the caller's mapping first, then the
 * model's own (its settings block, `30:?tag=file`).
 */
function aliasTarget(tag: string, sc: Scope): { path: string; given: boolean } | undefined {
  const aliases = sc.index.options.dataAliases ?? {};
  const key = Object.keys(aliases).find((k) => k.toLowerCase() === tag.toLowerCase() || `?${k.toLowerCase()}` === tag.toLowerCase());
  if (key !== undefined) return { path: aliases[key], given: true };
  const own = sc.index.fileAliases.get(tag.toLowerCase());
  return own === undefined ? undefined : { path: own, given: false };
}

/** Positions of the instance's elements in the free (range) subscripts of its definition. */
function freePositions(inst: Instance, sc: Scope): number[] {
  const out: number[] = [];
  inst.def.subs.forEach((s, p) => {
    const dim = sc.index.dims.get(canonicalName(s.name));
    if (dim) out.push(dim.elements.indexOf(inst.tuple[p]));
  });
  return out;
}

export function externalConstant(e: Call, inst: Instance, sc: Scope): number | undefined {
  const a = strings(e, 3, sc);
  const sheet = a && sheetOf(e, a[0], a[1], sc);
  if (!a || !sheet) return undefined;
  const transposed = a[2].trim().endsWith('*');
  const ref = a[2].trim().replace(/\*$/, '');
  const free = freePositions(inst, sc);
  if (free.length > 2) return fail(sc, e.pos, `${e.fn} reads at most two subscript ranges at once`, 'define the variable in parts, one per element of the extra range');
  let [i, j] = [...free, 0, 0];
  if (free.length === 1) [i, j] = transposed ? [i, 0] : [0, i];
  else if (transposed) [i, j] = [j, i];
  const named = sheet.named(ref);
  const start = parseCell(ref);
  let at: Cell | undefined;
  if (named) {
    const flat = free.length === 1;
    at = flat ? named.flat()[i + j] : named[i]?.[j];
  } else if (start) at = { r: start.r + i, c: start.c + j };
  else return fail(sc, e.pos, `'${ref}' is neither a cell (like B2) nor a named range in '${a[0]}'`);
  if (!at) return fail(sc, e.pos, `no number in '${a[0]}' for ${inst.name} (outside the named range '${ref}')`, 'widen the named range or define fewer elements');
  const v = sheet.value(at);
  const cell = `the cell at row ${at.r + 1}, column ${at.c + 1} of '${a[0]}' for ${inst.name}`;
  // Vensim reads a blank cell as 0. A cell holding text stops Vensim's run; it reads as 0 here
  // too (SDEverywhere's reading, and what the folder's reference shows), with a warning.
  if (v === undefined) {
    sc.index.diags.push(warning('blank-cell', `${cell} is blank; it reads as 0, as in Vensim`, where(sc, e.pos)));
    return 0;
  }
  if (typeof v !== 'number') {
    sc.index.diags.push(warning('text-cell', `${cell} holds ${JSON.stringify(String(v))}, not a number; it reads as 0 (Vensim refuses the file)`, { ...where(sc, e.pos), hint: 'put a number in the cell' }));
    return 0;
  }
  return v;
}

function readSeries(e: Call, inst: Instance, sc: Scope): [number, number][] | undefined {
  const a = strings(e, 4, sc);
  const sheet = a && sheetOf(e, a[0], a[1], sc);
  if (!a || !sheet) return undefined;
  const k = inst.index;
  const xNamed = sheet.named(a[2]);
  const yNamed = sheet.named(a[3]);
  let xs: Cell[];
  let ys: Cell[];
  if (xNamed && yNamed) {
    xs = xNamed.flat();
    const vertical = xNamed.length > 1;
    ys = vertical ? yNamed.map((row) => row[k]) : yNamed[k] ?? [];
  } else {
    const line = parseLine(a[2]);
    const first = parseCell(a[3]);
    if (!line || !first) return fail(sc, e.pos, `cannot read x values '${a[2]}' and first cell '${a[3]}'`, "give a row number ('4') or column letter ('A') and a cell ('C5')");
    xs = [];
    ys = [];
    if ('row' in line) {
      for (let c = first.c; c <= sheet.last.c; c++) xs.push({ r: line.row, c }), ys.push({ r: first.r + k, c });
    } else {
      for (let r = first.r; r <= sheet.last.r; r++) xs.push({ r, c: line.col }), ys.push({ r, c: first.c + k });
    }
  }
  const points: [number, number][] = [];
  xs.forEach((xc, n) => {
    const x = sheet.value(xc);
    const y = ys[n] && sheet.value(ys[n]);
    if (typeof x === 'number' && typeof y === 'number') points.push([x, y]);
  });
  if (points.length === 0) return fail(sc, e.pos, `no data found in '${a[0]}' for ${inst.name}`);
  return points;
}

export function externalLookup(e: VExpr, inst: Instance, sc: Scope): LookupTable | undefined {
  if (e.k !== 'call' || !/_lookups$/.test(canonicalName(e.fn)) || !isExternal(canonicalName(e.fn))) {
    return fail(sc, e.pos, 'a lookup must be a table of points or GET XLS/DIRECT LOOKUPS');
  }
  const points = readSeries(e, inst, sc);
  return points && makeTable(points, sc, e.pos);
}

export function externalData(e: Call, mode: string | undefined, inst: Instance, sc: Scope): LookupTable | undefined {
  const points = readSeries(e, inst, sc);
  const table = points && makeTable(points, sc, e.pos);
  return table && withMode(table, mode);
}

/** Applies a data interpolation keyword to a time series table. */
export function withMode(table: LookupTable, mode: string | undefined): LookupTable {
  if (mode === 'HOLD BACKWARD' || mode === 'RAW') return { ...table, interpolation: 'discrete' };
  if (mode === 'LOOK FORWARD') return { ...table, interpolation: 'forward' };
  return table;
}

/** `GET DIRECT SUBSCRIPT(file, sheet, first cell, last cell, prefix)`: element names are the prefix followed by each cell's text (test-models `get_subscript_3d_arrays_xls`). */
/**
 * GET DIRECT SUBSCRIPT(file, tab, first cell, last, prefix) (Vensim reference): element names
 * from first cell to last, where last is a cell, or a column letter (down that column) or a
 * row number (along that row), read until the first blank cell.
 */
export function externalSubscript(item: Extract<RangeItem, { k: 'call' }>, sc: Scope): string[] | undefined {
  const e = item.expr;
  if (e.k !== 'call' || !/^get_(direct|xls)_subscript$/.test(canonicalName(e.fn))) return fail(sc, item.pos, 'a subscript range item must be a name, (a1-a9) or GET DIRECT SUBSCRIPT');
  const a = strings(e, 4, sc);
  const sheet = a && sheetOf(e, a[0], a[1], sc);
  const from = a && parseCell(a[2]);
  if (!a || !sheet) return undefined;
  const line = parseLine(a[3]);
  const to = parseCell(a[3]) ?? (from && line && ('col' in line ? { r: sheet.last.r, c: line.col } : { r: line.row, c: sheet.last.c }));
  if (!from || !to) return fail(sc, e.pos, `'${a[2]}' must be a cell like B2 and '${a[3]}' a cell, a column letter or a row number`);
  const prefix = e.args[4]?.k === 'str' ? e.args[4].value : '';
  const out: string[] = [];
  // Cells past the sheet's last used row or column are empty: stop there, whatever the range says.
  const [lastR, lastC] = [Math.min(to.r, sheet.last.r), Math.min(to.c, sheet.last.c)];
  for (let r = from.r; r <= lastR; r++) for (let c = from.c; c <= lastC; c++) {
    const v = sheet.value({ r, c });
    if (v === undefined && line && !parseCell(a[3])) return out;
    if (v !== undefined) out.push(`${prefix}${String(v)}`);
  }
  return out;
}
