/**
 * Writing results as the run saves them: CSV rows go out in chunks of about a megabyte, so
 * the memory a run needs grows with the number of columns, not columns × rows. The text is
 * byte for byte what formatCsv / JSON.stringify(result.toJSON()) give for the same run.
 *
 * JSON is column-major ({ time: [...], name: [...] }), so its rows cannot go out as they
 * come: they are kept as doubles for the chosen columns only (8 bytes a value, against
 * the in-memory result's every column) and written column by column in chunks.
 */
import type { OutputColumn } from '../compile/layout.js';
import type { SaveSink } from '../sim/sink.js';
import { csvField } from './csv.js';

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
export function csvSink(out: TextOut, columns: readonly OutputColumn[], names: readonly string[], clock?: (t: number) => string): SaveSink & { end(): void } {
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
  };
}

/** JSON.stringify's spelling of a number (NaN and ±Infinity are null). */
const jsonNumber = (x: number): string => (Number.isFinite(x) ? String(x) : 'null');

/** A sink writing JSON { time: [...], (clock: [...],) name: [...] }; call `end` after the run to write it. */
export function jsonSink(out: TextOut, columns: readonly OutputColumn[], chosen: readonly string[], clock?: (t: number) => string): SaveSink & { end(): void } {
  const names = [...new Set(chosen)]; // an object has each key once, as toJSON's does
  const width = names.length + 1;
  let rows = 0;
  let kept = new Float64Array(width * 1024);
  return {
    columns: indicesOf(columns, names),
    save(time, values) {
      if ((rows + 1) * width > kept.length) {
        const grown = new Float64Array(kept.length * 2);
        grown.set(kept);
        kept = grown;
      }
      kept[rows * width] = time;
      kept.set(values, rows * width + 1);
      rows++;
    },
    end() {
      const text = new Chunker(out);
      ['time', ...names].forEach((name, c) => {
        text.push(`${c ? ',' : '{'}${JSON.stringify(name)}:[`);
        for (let r = 0; r < rows; r++) text.push(`${r ? ',' : ''}${jsonNumber(kept[r * width + c])}`);
        text.push(']');
        if (c === 0 && clock) {
          text.push(',"clock":[');
          for (let r = 0; r < rows; r++) text.push(`${r ? ',' : ''}${JSON.stringify(clock(kept[r * width]))}`);
          text.push(']');
        }
      });
      text.push('}\n');
      text.flush();
    },
  };
}
