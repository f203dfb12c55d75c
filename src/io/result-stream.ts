/**
 * Writing results as the run saves them: CSV rows go out in chunks of about a megabyte, so
 * the memory a run needs grows with the number of columns, not columns × rows. The text is
 * byte for byte what formatCsv / JSON.stringify(result.toJSON()) give for the same run.
 *
 * JSON is column-major ({ time: [...], name: [...] }), so its rows cannot go out as they
 * come: the chosen columns are kept as doubles in blocks of at most 16 MiB, each full block
 * spilled column by column to a temporary file (io/column-spill.ts), and written column by
 * column in chunks at the end; memory grows with the columns, not columns × rows.
 */
import type { OutputColumn } from '../compile/layout.js';
import type { SaveSink } from '../sim/sink.js';
import { csvField } from './csv.js';
import { BLOCK_VALUES, ColumnSpill } from './column-spill.js';

/** A sink that writes a format: `end` after a successful run writes the rest, `abort` after a failed one frees what it holds. */
export interface OutputSink extends SaveSink {
  end(): void;
  abort(): void;
}

/** Where text goes: an output file (io/write.ts) or stdout. */
export interface TextOut {
  write(chunk: string): void;
}

const CHUNK = 1 << 20;

/** Collects text and passes it on in chunks of about CHUNK characters. */
class Chunker {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly out: TextOut) {}
  push(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) this.flush();
  }
  flush(): void {
    if (this.size) this.out.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

function indicesOf(columns: readonly OutputColumn[], names: readonly string[]): number[] {
  const byName = new Map(columns.map((c, i) => [c.name, i]));
  return names.map((n) => {
    const i = byName.get(n);
    if (i === undefined) throw new RangeError(`no variable '${n}' in the results`);
    return i;
  });
}

/** A sink writing CSV (header `time,<names>`, or `time,clock,<names>` with a clock); call `end` after the run. */
export function csvSink(out: TextOut, columns: readonly OutputColumn[], names: readonly string[], clock?: (t: number) => string): OutputSink {
  const text = new Chunker(out);
  text.push(`${['time', ...(clock ? ['clock'] : []), ...names].map(csvField).join(',')}\n`);
  return {
    columns: indicesOf(columns, names),
    save(time, values) {
      let line = clock ? `${time},${clock(time)}` : String(time);
      for (let c = 0; c < values.length; c++) line += `,${values[c]}`;
      text.push(`${line}\n`);
    },
    end: () => text.flush(),
    abort: () => undefined,
  };
}

/** JSON.stringify's spelling of a number (NaN and ±Infinity are null). */
const jsonNumber = (x: number): string => (Number.isFinite(x) ? String(x) : 'null');

/** A sink writing JSON { time: [...], (clock: [...],) name: [...] }; call `end` after the run to write it, `abort` to drop it. */
export function jsonSink(out: TextOut, columns: readonly OutputColumn[], chosen: readonly string[], clock?: (t: number) => string, blockValues = BLOCK_VALUES): OutputSink {
  const names = [...new Set(chosen)]; // an object has each key once, as toJSON's does
  const kept = new ColumnSpill(names.length + 1, blockValues);
  const array = (text: Chunker, c: number, spell: (x: number) => string) => {
    let first = true;
    text.push('[');
    kept.readColumn(c, (x) => {
      text.push(first ? spell(x) : `,${spell(x)}`);
      first = false;
    });
    text.push(']');
  };
  return {
    columns: indicesOf(columns, names),
    save: (time, values) => kept.add(time, values),
    end() {
      try {
        const text = new Chunker(out);
        ['time', ...names].forEach((name, c) => {
          text.push(`${c ? ',' : '{'}${JSON.stringify(name)}:`);
          array(text, c, jsonNumber);
          if (c === 0 && clock) {
            text.push(',"clock":');
            array(text, 0, (t) => JSON.stringify(clock(t)));
          }
        });
        text.push('}\n');
        text.flush();
      } finally {
        kept.close();
      }
    },
    abort: () => kept.close(),
  };
}
