/**
 * Compares a run with a canonical output of SDXorg/test-models. Rules (from the suite's
 * own compare scripts, with the tolerances the project's
 * referee uses): names compare case-insensitively with '_' = ' ' and spaces around
 * brackets and commas ignored; each canonical time matches the nearest run time; a cell
 * passes when |a − b| ≤ atol + rtol·max(|a|, |b|); blank cells (Vensim prints constants in
 * the first row only) are skipped; a canonical column missing from the run fails.
 */
import { canonicalName } from '../../src/core/names.js';
import { splitCsvRecord } from '../../src/io/csv.js';
import type { SimulationResult } from '../../src/sim/result.js';

export interface Table { readonly names: string[]; readonly rows: (number | undefined)[][] }

export function normalise(name: string): string {
  return canonicalName(name.trim().replace(/^"(.*)"$/s, '$1').replace(/\s*([[\],])\s*/g, '$1'));
}

/** Parses a canonical output.csv / output.tab (delimiter sniffed from the header). */
export function parseTable(text: string): Table {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  const delimiter = lines[0].includes('\t') ? '\t' : ',';
  const names = splitRow(lines[0], delimiter);
  const rows = lines.slice(1).map((l) => splitRow(l, delimiter).map((c) => {
    const t = c.trim();
    if (t === '') return undefined;
    const v = Number(t);
    return Number.isNaN(v) && !/^nan$/i.test(t) ? undefined : v;
  }));
  return { names, rows };
}

function splitRow(line: string, delimiter: string): string[] {
  return splitCsvRecord(line, delimiter).map((c) => c.trim());
}

/** Canonical files are UTF-8, or Latin-1 where Vensim wrote them so (unicode_characters). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

export interface Verdict { readonly pass: boolean; readonly detail: string; readonly compared: number }

const CONTROL = new Set(['time', 'initial_time', 'final_time', 'time_step', 'saveper']);

/**
 * With `unknownBases` 'skip', a reference column whose variable the run does not have under
 * any subscript is skipped (counted in the detail) instead of failing: a reference run of an
 * older version of the model lists variables its file no longer defines.
 */
export function compareWithCanonical(result: SimulationResult, canonical: Table, rtol: number, atol: number, unknownBases: 'fail' | 'skip' = 'fail'): Verdict {
  const timeCol = canonical.names.findIndex((n) => normalise(n) === 'time');
  if (timeCol < 0) return { pass: false, detail: 'canonical output has no time column', compared: 0 };
  const byName = new Map(result.columns.map((c) => [normalise(c.name), c.name]));
  const runTimes = result.time;
  const step = runTimes.length > 1 ? runTimes[1] - runTimes[0] : 1;
  const bases = new Set([...byName.keys()].map(base));
  let compared = 0;
  const skipped: string[] = [];
  for (let c = 0; c < canonical.names.length; c++) {
    const key = normalise(canonical.names[c]);
    if (c === timeCol) continue;
    const name = byName.get(key);
    if (!name) {
      // Vensim's .dat also lists the hidden variables its functions make (`#NPV … #`).
      if (CONTROL.has(key) || /^#.*#$/.test(canonical.names[c].trim())) continue;
      if (unknownBases === 'skip' && !bases.has(base(key))) { skipped.push(canonical.names[c]); continue; }
      return { pass: false, detail: `missing variable '${canonical.names[c]}'`, compared };
    }
    const series = result.series(name);
    for (const row of canonical.rows) {
      const t = row[timeCol];
      const expected = row[c];
      if (t === undefined || expected === undefined) continue;
      const i = nearest(runTimes, t);
      const gap = Math.abs(runTimes[i] - t);
      if (gap > Math.max(1e-5 * Math.abs(t), 1e-9) && gap > step / 4) return { pass: false, detail: `no run time near ${t}`, compared };
      const actual = series[i];
      compared++;
      const ok = Number.isNaN(expected) ? Number.isNaN(actual) : Math.abs(actual - expected) <= atol + rtol * Math.max(Math.abs(actual), Math.abs(expected));
      if (!ok) return { pass: false, detail: `${canonical.names[c]} at time ${t}: expected ${expected}, got ${actual}`, compared };
    }
  }
  const note = skipped.length ? `; ${skipped.length} reference columns of variables the model does not define skipped (${skipped.slice(0, 2).join(', ')}…)` : '';
  return compared > 0 ? { pass: true, detail: `${compared} values${note}`, compared } : { pass: false, detail: `nothing compared${note}`, compared };
}

const base = (key: string) => key.replace(/\[.*$/, '');

function nearest(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= t) lo = mid; else hi = mid;
  }
  return Math.abs(times[hi] - t) < Math.abs(times[lo] - t) ? hi : lo;
}
