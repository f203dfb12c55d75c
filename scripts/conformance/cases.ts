/**
 * The cases of a conformance suite, in either of two layouts:
 * - SDXorg/test-models: `tests/<case>/<model>.mdl|.xmile|.stmx` beside `output.csv|.tab`
 *   (or Stella's `output_stella.csv` with --reference stella);
 * - a folder per model (SDEverywhere's `models/`): `NAME/NAME.mdl` with Vensim's run
 *   `NAME/NAME.dat`, and `NAME/NAME.stmx` with Stella's run `NAME/NAME.csv`. Data files sit
 *   beside the model; the folder's `NAME_spec.json` (or `spec.json`) lists the `.dat` inputs
 *   (`datFiles`, `externalDatfiles`) and maps `?tag` aliases to files (`directData`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadOptions } from '../../src/io/read-options.js';
import { datBlocks } from '../../src/io/vensim/datafile.js';
import { decodeText, parseTable, type Table } from './compare.js';

export interface Case {
  readonly id: string;
  readonly model: string;
  /** The reference output, or undefined when the case has none (skipped). */
  readonly reference?: string;
  /** Whether the reference is Stella's (its time column is named after the time unit). */
  readonly stella: boolean;
  readonly options: ReadOptions;
}

const extOf = (f: string) => f.slice(f.lastIndexOf('.')).toLowerCase();

export function isFolderLayout(suite: string): boolean {
  return !existsSync(join(suite, 'tests')) && existsSync(suite)
    && readdirSync(suite).some((d) => ['.mdl', '.stmx'].some((x) => existsSync(join(suite, d, `${d}${x}`))));
}

export function testModelsCases(suite: string, wanted: readonly string[], stella: boolean): Case[] {
  const out: Case[] = [];
  for (const dir of readdirSync(join(suite, 'tests')).sort()) {
    const path = join(suite, 'tests', dir);
    const reference = (stella ? ['output_stella.csv'] : ['output.csv', 'output.tab']).map((f) => join(path, f)).find(existsSync);
    for (const file of readdirSync(path).filter((f) => wanted.includes(extOf(f))).sort()) {
      out.push({ id: `tests/${dir}/${file}`, model: join(path, file), reference, stella, options: {} });
    }
  }
  return out;
}

export function folderCases(suite: string, wanted: readonly string[]): Case[] {
  const out: Case[] = [];
  for (const dir of readdirSync(suite).sort()) {
    const path = join(suite, dir);
    for (const [ext, refExt] of [['.mdl', '.dat'], ['.stmx', '.csv']] as const) {
      const model = join(path, `${dir}${ext}`);
      if (!wanted.includes(ext) || !existsSync(model)) continue;
      const reference = join(path, `${dir}${refExt}`);
      out.push({ id: `${dir}/${dir}${ext}`, model, reference: existsSync(reference) ? reference : undefined, stella: ext === '.stmx', options: folderOptions(path, dir) });
    }
  }
  return out;
}

function folderOptions(path: string, name: string): ReadOptions {
  const file = [`${name}_spec.json`, 'spec.json'].map((f) => join(path, f)).find(existsSync);
  if (!file) return {};
  const spec = JSON.parse(readFileSync(file, 'utf8')) as { datFiles?: string[]; externalDatfiles?: string[]; directData?: Record<string, string> };
  const dataFiles = [...(spec.datFiles ?? []), ...(spec.externalDatfiles ?? [])];
  return { ...(dataFiles.length ? { dataFiles } : {}), ...(spec.directData ? { dataAliases: spec.directData } : {}) };
}

/** A reference output as a table: CSV/TAB with a header, or Vensim's `.dat` blocks. */
export function readReference(c: Case): Table {
  const text = decodeText(readFileSync(c.reference!));
  if (extOf(c.reference!) !== '.dat') {
    const table = parseTable(text);
    return c.stella ? { ...table, names: ['Time', ...table.names.slice(1)] } : table;
  }
  const blocks = datBlocks(text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== ''));
  const times = [...new Set([...blocks.values()].flatMap((p) => p.map(([t]) => t)))].sort((a, b) => a - b);
  const at = new Map(times.map((t, i) => [t, i]));
  const names = [...blocks.keys()];
  const rows: (number | undefined)[][] = times.map((t) => [t, ...names.map(() => undefined)]);
  names.forEach((n, c) => { for (const [t, v] of blocks.get(n)!) rows[at.get(t)!][c + 1] = v; });
  return { names: ['Time', ...names], rows };
}
