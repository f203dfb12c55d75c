/**
 * Reference data for calibration (`stockflow calibrate --data FILE`): the only place that
 * reads such a file. Two CSV layouts, told apart by the header (comma- or tab-separated,
 * RFC 4180 quotes, `#` starts a comment line, blank lines ignored):
 *
 * 1. Series — the first column is `time`, every other column names a model variable:
 *
 *        time,Teacup Temperature,Heat Loss to Room
 *        0,180,11
 *        5,145.2,
 *        weight,1,0.5
 *
 *    An empty cell is a missing value. An optional row whose first cell is `weight` gives a
 *    per-column weight (default 1); an optional row `sigma` gives each column's measurement
 *    error (standard deviation, in the variable's units), which `calibrate --posterior` needs. Each column's error is normalised by the spread of its own
 *    data (see analysis/calibrate/targets.ts).
 *
 * 2. Events — the header has the columns `variable` and `time`, and may have `event` (a label),
 *    `aggregate` (default first_time_above), `threshold`, `tolerance` (the standard deviation
 *    of the dating error, a time; `calibrate --posterior` needs it) and `weight` (default 1):
 *
 *        event,variable,aggregate,threshold,time,tolerance,weight
 *        first alarm,Kinesis Error Rate,first_time_above,0.05,05:15,0:10,1
 *
 *    `aggregate` is one of first_time_above, first_time_below, last_time_above,
 *    last_time_below (these need `threshold`), time_of_max, time_of_min; the model's event
 *    time follows analysis/metrics.ts. The squared time errors are summed, times their weights.
 *
 * Times are numbers in the model's time unit; `H:MM` (e.g. 05:15 = 5.25) is accepted as hours
 * for models whose time unit is the hour.
 */
import { readGivenText } from './given.js';
import { error, type Diagnostic } from '../core/diagnostics.js';
import type { Aggregate } from '../model/types.js';
import { EVENT_AGGREGATES, type EventTarget, type ReferenceData, type SeriesTarget } from '../analysis/calibrate/targets.js';
import { splitCsvRecord } from './csv.js';

export interface DataLoad {
  readonly data?: ReferenceData;
  readonly diagnostics: Diagnostic[];
}

export function readDataFile(file: string): DataLoad {
  const read = readGivenText(file, 'data file', 'check the path');
  return read.text === undefined ? { diagnostics: read.diagnostics } : parseData(read.text, file);
}

interface Line { readonly cells: string[]; readonly line: number }

export function parseData(text: string, file?: string): DataLoad {
  const lines = splitLines(text);
  if (!lines.length) return { diagnostics: [error('empty-file', 'the data file has no header and no rows', { file, hint: 'start with a header such as time,<variable>' })] };
  const [head, ...rows] = lines;
  const names = head.cells.map((c) => c.trim());
  const lower = names.map((n) => n.toLowerCase());
  if (lower[0] === 'time' && !lower.includes('variable')) return series(names, head.line, rows, file);
  if (lower.includes('variable') && lower.includes('time')) return events(lower, head.line, rows, file);
  return { diagnostics: [error('bad-data', "the header is neither a series header (first column 'time') nor an events header (columns 'variable' and 'time')", { file, line: head.line, hint: 'see `stockflow calibrate --help` for the two layouts' })] };
}

function series(names: string[], headLine: number, rows: Line[], file?: string): DataLoad {
  const diagnostics: Diagnostic[] = [];
  const bad = (line: number, message: string, hint?: string) => diagnostics.push(error('bad-data', message, { file, line, hint }));
  const columns = names.slice(1);
  if (!columns.length) bad(headLine, 'a series file needs at least one variable column after time');
  columns.forEach((c, j) => { if (!c) bad(headLine, `column ${j + 2} has no name`); });
  const time: number[] = [];
  const cells: (number | undefined)[][] = columns.map(() => []);
  const weights = columns.map(() => 1);
  const sigmas: (number | undefined)[] = columns.map(() => undefined);
  let lastTime = -Infinity;
  for (const r of rows) {
    if (r.cells.length > names.length) bad(r.line, `${r.cells.length} cells but the header has ${names.length}`);
    if (r.cells[0].trim().toLowerCase() === 'weight') {
      columns.forEach((c, j) => { const w = number(r.cells[j + 1]); if (w === undefined) return; if (Number.isNaN(w) || w < 0) bad(r.line, `the weight of '${c}' must be a number ≥ 0`); else weights[j] = w; });
      continue;
    }
    if (r.cells[0].trim().toLowerCase() === 'sigma') {
      columns.forEach((c, j) => { const v = number(r.cells[j + 1]); if (v === undefined) return; if (!(v > 0)) bad(r.line, `the sigma of '${c}' must be a number > 0`, "sigma is the measurement error's standard deviation, in the variable's units"); else sigmas[j] = v; });
      continue;
    }
    const t = timeValue(r.cells[0]);
    if (t === undefined || Number.isNaN(t)) { bad(r.line, `'${r.cells[0].trim()}' is not a time`, 'write a number, or H:MM'); continue; }
    if (t <= lastTime) bad(r.line, `times must increase (${t} after ${lastTime})`);
    lastTime = t;
    time.push(t);
    columns.forEach((c, j) => {
      const v = number(r.cells[j + 1]);
      if (v !== undefined && Number.isNaN(v)) bad(r.line, `'${r.cells[j + 1].trim()}' in column '${c}' is not a number`);
      cells[j].push(v === undefined || Number.isNaN(v) ? undefined : v);
    });
  }
  if (diagnostics.length) return { diagnostics };
  const targets: SeriesTarget[] = [];
  columns.forEach((variable, j) => {
    const at = time.map((t, i) => [t, cells[j][i]] as const).filter((p): p is readonly [number, number] => p[1] !== undefined);
    if (at.length) targets.push({ kind: 'series', variable, time: at.map((p) => p[0]), values: at.map((p) => p[1]), weight: weights[j], ...(sigmas[j] === undefined ? {} : { sigma: sigmas[j] }) });
  });
  if (!targets.length) return { diagnostics: [error('no-data', 'the data file has no values', { file })] };
  return { data: { file, targets }, diagnostics };
}

function events(lower: string[], headLine: number, rows: Line[], file?: string): DataLoad {
  const diagnostics: Diagnostic[] = [];
  const col = (name: string) => lower.indexOf(name);
  const known = ['event', 'variable', 'aggregate', 'threshold', 'time', 'tolerance', 'weight'];
  lower.forEach((n) => { if (!known.includes(n)) diagnostics.push(error('bad-data', `unknown column '${n}' in an events file`, { file, line: headLine, hint: `columns: ${known.join(', ')}` })); });
  const targets: EventTarget[] = [];
  for (const r of rows) {
    const cell = (name: string) => (col(name) < 0 ? '' : (r.cells[col(name)] ?? '').trim());
    const bad = (message: string, hint?: string) => diagnostics.push(error('bad-data', message, { file, line: r.line, hint }));
    const variable = cell('variable');
    const aggregate = (cell('aggregate') || 'first_time_above') as Aggregate;
    const time = timeValue(cell('time'));
    const threshold = number(cell('threshold'));
    const weight = number(cell('weight')) ?? 1;
    const tolerance = timeValue(cell('tolerance'));
    if (!variable) bad('the event has no variable');
    if (!EVENT_AGGREGATES.includes(aggregate)) bad(`'${aggregate}' does not date an event`, `use one of ${EVENT_AGGREGATES.join(', ')}`);
    else if (aggregate.includes('_time_') && threshold === undefined) bad(`${aggregate} needs a threshold`);
    if (threshold !== undefined && Number.isNaN(threshold)) bad(`threshold '${cell('threshold')}' is not a number`);
    if (time === undefined || Number.isNaN(time)) bad(`'${cell('time')}' is not a time`, 'write a number, or H:MM');
    if (Number.isNaN(weight) || weight < 0) bad(`weight '${cell('weight')}' must be a number ≥ 0`);
    if (tolerance !== undefined && !(tolerance > 0)) bad(`tolerance '${cell('tolerance')}' must be a time > 0`, 'write the standard deviation of the dating error, e.g. 0.25 or 0:15');
    targets.push({
      kind: 'event', name: cell('event') || `${variable} ${aggregate}`, variable, aggregate, ...(threshold === undefined ? {} : { threshold }), time: time ?? NaN, weight,
      ...(tolerance === undefined ? {} : { tolerance }),
    });
  }
  if (diagnostics.length) return { diagnostics };
  if (!targets.length) return { diagnostics: [error('no-data', 'the events file lists no events', { file })] };
  return { data: { file, targets }, diagnostics };
}

/** undefined for an empty cell, NaN for text that is not a number. */
function number(cell: string | undefined): number | undefined {
  const s = (cell ?? '').trim();
  if (s === '') return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : NaN;
}

/** A number, or H:MM / HH:MM[:SS] as hours. */
function timeValue(cell: string | undefined): number | undefined {
  const s = (cell ?? '').trim();
  const clock = /^(-?\d+):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?$/.exec(s);
  if (!clock) return number(s);
  const sign = s.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(clock[1])) + Number(clock[2]) / 60 + Number(clock[3] ?? 0) / 3600);
}

/** Records with their 1-based line numbers; comments and blank lines dropped. */
function splitLines(text: string): Line[] {
  const out: Line[] = [];
  const raw = text.split(/\r?\n/);
  const skip = (l: string) => !l.trim() || l.trimStart().startsWith('#');
  const header = raw.find((l) => !skip(l)) ?? '';
  const sep = header.includes('\t') && !header.includes(',') ? '\t' : ',';
  raw.forEach((l, i) => { if (!skip(l)) out.push({ cells: splitCsvRecord(l, sep), line: i + 1 }); });
  return out;
}

