/**
 * CSV output of simulation results: header `time,<names as written>`, one row per save
 * time, RFC 4180 quoting for names with commas or quotes (subscripted names `x[a,b]`).
 */
import type { SimulationResult } from '../sim/result.js';

export function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsv(result: SimulationResult, names: readonly string[] = result.names, clock?: readonly string[]): string {
  const series = names.map((n) => result.series(n));
  const lines = [['time', ...(clock ? ['clock'] : []), ...names].map(csvField).join(',')];
  for (let r = 0; r < result.time.length; r++) {
    let line = clock ? `${result.time[r]},${clock[r]}` : String(result.time[r]);
    for (const s of series) line += `,${s[r]}`;
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

/** Splits a comma-separated list of names, keeping commas inside brackets or quotes. */
export function splitNames(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = '';
  for (const ch of list) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '[') depth++;
    else if (!quoted && ch === ']') depth--;
    if (ch === ',' && depth === 0 && !quoted) { out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim().replace(/^"(.*)"$/, '$1')).filter((s) => s.length > 0);
}

/** One CSV record (no embedded newlines): quoted fields may hold separators and "" quotes (RFC 4180). */
export function splitCsvRecord(line: string, sep = ','): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch;
    } else if (ch === '"' && cur.trim() === '') { quoted = true; cur = ''; } else if (ch === sep) { cells.push(cur); cur = ''; } else cur += ch;
  }
  cells.push(cur);
  return cells;
}
