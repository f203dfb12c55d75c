/**
 * The raw layout of a Vensim .mdl text file: where the equations end (the sketch marker),
 * how the text splits into entries `equation ~ units ~ documentation |`, and how offsets
 * map to 1-based line and column numbers for diagnostics.
 *
 * Vensim reference, "Equation format" (vensim.com/documentation/22025.html): the tilde `~`
 * separates the units from the equation and the comment from the units; the vertical bar
 * `|` ends an entry. Everything after `\\\---///` is the sketch and is ignored.
 */

/** One `equation ~ units ~ doc |` entry with offsets into the whole text. */
export interface RawEntry {
  /** Offset of the equation part in the text, and its end (exclusive). */
  readonly start: number;
  readonly end: number;
  readonly units: string;
  readonly doc: string;
}

/** Offsets of line starts, for turning offsets into line:column. */
export class LineMap {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
  }
  /** 1-based line and column of `offset`. */
  locate(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}

/** Offset where the sketch starts (a line beginning `\\---///`), or the text length. */
export function equationsEnd(text: string): number {
  const m = /^[ \t]*\\\\+-+\/\/\//m.exec(text);
  return m ? m.index : text.length;
}

/**
 * Splits the equations part into entries. Inside the equation part, double-quoted names may
 * contain `~` and `|` (with `\"` escapes); units and documentation are free text that ends at
 * the next `~` or `|`.
 */
export function splitEntries(text: string, end: number): RawEntry[] {
  const out: RawEntry[] = [];
  let i = text.startsWith('{UTF-8}') ? 7 : 0;
  while (i < end) {
    const start = i;
    let inQuote = false;
    while (i < end) {
      const ch = text[i];
      if (inQuote) {
        if (ch === '\\') i++;
        else if (ch === '"') inQuote = false;
      } else if (ch === '"') inQuote = true;
      else if (ch === '~' || ch === '|') break;
      i++;
    }
    const eqEnd = Math.min(i, end);
    let units = '';
    let doc = '';
    if (i < end && text[i] === '~') {
      const u = readField(text, i + 1, end);
      units = u.value;
      i = u.next;
      if (i < end && text[i] === '~') {
        const d = readField(text, i + 1, end);
        doc = d.value;
        i = d.next;
      }
      // anything after a third `~` (e.g. `:SUPPLEMENTARY`) runs to the bar
      while (i < end && text[i] !== '|') i++;
    }
    if (text.slice(start, eqEnd).trim() !== '' || i < end) out.push({ start, end: eqEnd, units, doc });
    i++; // skip the bar
  }
  return out;
}

function readField(text: string, from: number, end: number): { value: string; next: number } {
  let i = from;
  while (i < end && text[i] !== '~' && text[i] !== '|') i++;
  return { value: text.slice(from, i).replace(/\\\r?\n\s*/g, ' ').replace(/\s+/g, ' ').trim(), next: i };
}
