/**
 * Spreadsheet access for GET XLS / GET DIRECT functions, through SheetJS (`@e965/xlsx`,
 * a registry build of SheetJS 0.20.3, which reads legacy .xls (BIFF), .xlsx and CSV).
 * Files are resolved beside the model file and cached per read.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import * as XLSX from '@e965/xlsx';

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

function load(path: string, delimiter: string | undefined, cache: WorkbookCache): XLSX.WorkBook | Error {
  const key = `${path}\u0000${delimiter ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let wb: XLSX.WorkBook | Error;
  try {
    const data = readFileSync(path);
    wb = /\.(csv|tab|txt)$/i.test(path)
      ? XLSX.read(data.toString('utf8'), { type: 'string', FS: delimiter === '\\t' ? '\t' : delimiter, raw: true })
      : XLSX.read(data, { type: 'buffer' });
  } catch (e) {
    wb = e instanceof Error ? e : new Error(String(e));
  }
  cache.set(key, wb);
  return wb;
}

/** Opens `sheet` of `file` (relative to `dir`); for CSV files `sheet` is the delimiter. */
export function openSheet(dir: string, file: string, sheet: string, cache: WorkbookCache): Sheet | string {
  const path = isAbsolute(file) ? file : join(dir, file);
  const csv = /\.(csv|tab|txt)$/i.test(file);
  const wb = load(path, csv ? sheet : undefined, cache);
  if (wb instanceof Error) return `cannot read '${file}': ${wb.message.split('\n')[0]}`;
  const sheetName = csv ? wb.SheetNames[0] : wb.SheetNames.find((n) => n === sheet) ?? wb.SheetNames.find((n) => n.toLowerCase() === sheet.toLowerCase());
  if (sheetName === undefined) return `'${file}' has no sheet '${sheet}' (sheets: ${wb.SheetNames.join(', ')})`;
  const ws = wb.Sheets[sheetName];
  const sheetIndex = wb.SheetNames.indexOf(sheetName);
  const used = ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']).e : { r: 0, c: 0 };
  return {
    last: used,
    value(at) {
      const cell = ws[XLSX.utils.encode_cell(at)] as XLSX.CellObject | undefined;
      if (!cell || cell.v === undefined || cell.v === null || cell.v === '') return undefined;
      if (typeof cell.v === 'number') return cell.v;
      const text = String(cell.v).trim();
      const n = Number(text);
      return text !== '' && Number.isFinite(n) ? n : text;
    },
    named(name) {
      const names = wb.Workbook?.Names ?? [];
      const lower = name.toLowerCase();
      const found = names.find((n) => n.Name.toLowerCase() === lower && n.Sheet === sheetIndex)
        ?? names.find((n) => n.Name.toLowerCase() === lower && n.Sheet === undefined);
      if (!found) return undefined;
      const ref = found.Ref.includes('!') ? found.Ref.slice(found.Ref.lastIndexOf('!') + 1) : found.Ref;
      const range = XLSX.utils.decode_range(ref.replace(/\$/g, ''));
      const rows: Cell[][] = [];
      for (let r = range.s.r; r <= range.e.r; r++) {
        const row: Cell[] = [];
        for (let c = range.s.c; c <= range.e.c; c++) row.push({ r, c });
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
  return XLSX.utils.decode_cell(`${m[1].toUpperCase()}${m[2]}`);
}

/** A row number (`'4'` → row index 3) or a column letter (`'A'` → column index 0). */
export function parseLine(ref: string): { row: number } | { col: number } | undefined {
  const t = ref.trim();
  if (/^\d+$/.test(t)) return { row: Number(t) - 1 };
  if (/^[A-Za-z]{1,3}$/.test(t)) return { col: XLSX.utils.decode_col(t.toUpperCase()) };
  return undefined;
}
