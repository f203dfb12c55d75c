/**
 * Spreadsheet access for GET XLS / GET DIRECT functions, through SheetJS (`@e965/xlsx`,
 * a registry build of SheetJS 0.20.3, which reads legacy .xls (BIFF), .xlsx and CSV).
 * Files are read through the model's confined data access (io/confine.ts) and cached per read.
 */
import { createRequire } from 'node:module';
import type * as XLSX from '@e965/xlsx';
import type { DataAccess } from '../confine.js';

let sheetjs: typeof XLSX | undefined;
/** SheetJS, loaded when a model first reads a spreadsheet (it is large; most models never do). */
const xlsx = (): typeof XLSX => (sheetjs ??= createRequire(import.meta.url)('@e965/xlsx') as typeof XLSX);

export interface Cell {
  readonly r: number;
  readonly c: number;
}

export interface Sheet {
  /** Value of a cell: a number, a string, or undefined when empty. */
  value(at: Cell): number | string | undefined;
  /** A named range (local to the sheet first, then global), as its cells row by row. */
  named(name: string): Cell[][] | undefined;
  /** Last used row and column indices. */
  readonly last: Cell;
}

export type WorkbookCache = Map<string, XLSX.WorkBook | Error>;

function load(data: DataAccess, file: string, delimiter: string | undefined, cache: WorkbookCache, given: boolean): XLSX.WorkBook | Error {
  const key = `${file}\u0000${delimiter ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let wb: XLSX.WorkBook | Error;
  try {
    const read = data.read(file, given);
    if (!read.ok) throw new ConfinedError(read.problem, read.hint);
    const bytes = read.bytes;
    wb = /\.(csv|tab|txt)$/i.test(file)
      ? xlsx().read(bytes.toString('utf8'), { type: 'string', FS: delimiter === '\\t' ? '\t' : delimiter, raw: true })
      : xlsx().read(bytes, { type: 'buffer' });
  } catch (e) {
    wb = e instanceof Error ? e : new Error(String(e));
  }
  cache.set(key, wb);
  return wb;
}

/** A file the confined resolver refused: its message and hint are shown as they are. */
class ConfinedError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
  }
}

/**
 * Opens `sheet` of `file` (relative to the model's folder); for CSV files `sheet` is the
 * delimiter. `given` files are the caller's own (an alias it maps), not confined to the folder.
 */
export function openSheet(data: DataAccess, file: string, sheet: string, cache: WorkbookCache, given = false): Sheet | { problem: string; hint?: string } {
  const csv = /\.(csv|tab|txt)$/i.test(file);
  const wb = load(data, file, csv ? sheet : undefined, cache, given);
  if (wb instanceof ConfinedError) return { problem: wb.message, hint: wb.hint };
  if (wb instanceof Error) return { problem: `cannot read '${file}': ${wb.message.split('\n')[0]}` };
  const sheetName = csv ? wb.SheetNames[0] : wb.SheetNames.find((n) => n === sheet) ?? wb.SheetNames.find((n) => n.toLowerCase() === sheet.toLowerCase());
  if (sheetName === undefined) return { problem: `'${file}' has no sheet '${sheet}' (sheets: ${wb.SheetNames.join(', ')})` };
  const ws = wb.Sheets[sheetName];
  const sheetIndex = wb.SheetNames.indexOf(sheetName);
  const used = ws['!ref'] ? xlsx().utils.decode_range(ws['!ref']).e : { r: 0, c: 0 };
  return {
    last: used,
    value(at) {
      const cell = ws[xlsx().utils.encode_cell(at)] as XLSX.CellObject | undefined;
      if (!cell || cell.v === undefined || cell.v === null || cell.v === '') return undefined;
      if (typeof cell.v === 'number') return cell.v;
      const text = String(cell.v).trim();
      const n = Number(text);
      if (text === '') return undefined;
      return Number.isFinite(n) ? n : text;
    },
    named(name) {
      const names = wb.Workbook?.Names ?? [];
      const lower = name.toLowerCase();
      const found = names.find((n) => n.Name.toLowerCase() === lower && n.Sheet === sheetIndex)
        ?? names.find((n) => n.Name.toLowerCase() === lower && n.Sheet === undefined);
      if (!found) return undefined;
      const ref = found.Ref.includes('!') ? found.Ref.slice(found.Ref.lastIndexOf('!') + 1) : found.Ref;
      const range = xlsx().utils.decode_range(ref.replace(/\$/g, ''));
      const rows: Cell[][] = [];
      // A named range may claim the whole sheet; cells past the last used ones are empty.
      for (let r = range.s.r; r <= Math.min(range.e.r, used.r); r++) {
        const row: Cell[] = [];
        for (let c = range.s.c; c <= Math.min(range.e.c, used.c); c++) row.push({ r, c });
        rows.push(row);
      }
      return rows;
    },
  };
}

/** `B2` → {r: 1, c: 1}; undefined if not a cell reference. */
export function parseCell(ref: string): Cell | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return undefined;
  return xlsx().utils.decode_cell(`${m[1].toUpperCase()}${m[2]}`);
}

/** A row number (`'4'` → row index 3) or a column letter (`'A'` → column index 0). */
export function parseLine(ref: string): { row: number } | { col: number } | undefined {
  const t = ref.trim();
  if (/^\d+$/.test(t)) return { row: Number(t) - 1 };
  if (/^[A-Za-z]{1,3}$/.test(t)) return { col: xlsx().utils.decode_col(t.toUpperCase()) };
  return undefined;
}
