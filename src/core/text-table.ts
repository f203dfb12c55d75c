/**
 * The one text-table layout of the command line's reports: columns separated by two spaces,
 * numbers right-aligned, and, given a line width (the terminal's), a table that fits it.
 * Fitting never cuts a word: left-aligned columns wrap at spaces down to their longest word;
 * if the table is still too wide, its columns are split into blocks at cell boundaries, each
 * block repeating the leading key columns (as R and pandas print wide data frames).
 */

export interface TableLayout {
  /** Right-aligned columns (numbers, which never wrap); the others are left-aligned. */
  readonly right?: readonly boolean[] | ((column: number) => boolean);
  /** Leading columns repeated in every block when the table is split (default 1). */
  readonly keep?: number;
  /** Text before every line (default none). */
  readonly indent?: string;
  /** The widest line wanted, in characters; absent, 0 or Infinity: the table's natural width. */
  readonly width?: number;
  /** A rule of dashes under the header row. */
  readonly rule?: boolean;
}

const GAP = '  ';

/** The table's lines; `rows[0]` is the header when there is one. */
export function textTable(rows: readonly (readonly string[])[], o: TableLayout = {}): string[] {
  if (!rows.length) return [];
  const n = Math.max(...rows.map((r) => r.length));
  const cols = Array.from({ length: n }, (_, c) => c);
  const isRight = (c: number) => (typeof o.right === 'function' ? o.right(c) : !!o.right?.[c]);
  const indent = o.indent ?? '';
  const natural = cols.map((c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const floors = cols.map((c) => (isRight(c) ? natural[c] : longestWord(rows, c)));
  const limit = o.width && o.width > 0 ? o.width : Infinity;
  const span = (w: readonly number[], cs: readonly number[]) => indent.length + cs.reduce((s, c) => s + w[c], 0) + GAP.length * (cs.length - 1);
  // Wrap text when that alone makes the table fit; otherwise split it, then wrap within a block.
  const blocks = span(floors, cols) <= limit ? [cols] : split(cols, Math.min(o.keep ?? 1, n - 1), (cs) => span(natural, cs), limit);
  const rule = (b: readonly number[], w: readonly number[]) => (o.rule ? [`${indent}${b.map((c) => '-'.repeat(w[c])).join(GAP)}`] : []);
  return blocks.flatMap((b, i) => {
    const widths = [...natural];
    narrow(widths, floors, b, span(widths, b) - limit);
    return [...(i ? [''] : []), ...rows.flatMap((r, k) => [...rowLines(r, b, widths, isRight, indent), ...(k === 0 ? rule(b, widths) : [])])];
  });
}

/** Narrows the widest wrappable columns of `cols`, one character at a time, by `excess` or down to their floors. */
function narrow(widths: number[], floors: readonly number[], cols: readonly number[], excess: number): void {
  for (let left = excess; left > 0; left--) {
    let widest = -1;
    for (const c of cols) if (widths[c] > floors[c] && (widest < 0 || widths[c] > widths[widest])) widest = c;
    if (widest < 0) return;
    widths[widest]--;
  }
}

function longestWord(rows: readonly (readonly string[])[], c: number): number {
  return Math.max(1, ...rows.flatMap((r) => (r[c] ?? '').split(' ').map((w) => w.length)));
}

/** Blocks of columns that fit, each starting with the `keep` key columns. */
function split(cols: readonly number[], keep: number, span: (cs: readonly number[]) => number, limit: number): number[][] {
  const key = cols.slice(0, keep);
  const blocks: number[][] = [];
  let block = [...key];
  for (const c of cols.slice(keep)) {
    if (block.length > key.length && span([...block, c]) > limit) {
      blocks.push(block);
      block = [...key];
    }
    block.push(c);
  }
  blocks.push(block);
  return blocks;
}

function rowLines(row: readonly string[], cols: readonly number[], widths: readonly number[], isRight: (c: number) => boolean, indent: string): string[] {
  const cells = cols.map((c) => wrap(row[c] ?? '', widths[c]));
  const height = Math.max(...cells.map((l) => l.length));
  return Array.from({ length: height }, (_, k) => `${indent}${cols.map((c, j) => {
    const text = cells[j][k] ?? '';
    return isRight(c) ? text.padStart(widths[c]) : text.padEnd(widths[c]);
  }).join(GAP)}`.trimEnd());
}

/** Greedy word wrap at spaces; a cell that fits stays one line. */
export function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}
