/**
 * Where a run's saved rows go. By default they are kept in memory and become the
 * SimulationResult; with a `SaveSink` each row is handed over as it is saved and nothing
 * is kept, so a run of any length (or width) can be written out in bounded memory.
 */
import { error, type Diagnostic } from '../core/diagnostics.js';
import type { OutputColumn } from '../compile/layout.js';
import { SimulationResult } from './result.js';

export interface SaveSink {
  /** Indices into the run's output columns to hand over, in this order. */
  readonly columns: readonly number[];
  /** One saved row: the time and the chosen columns' values (an array reused between calls). */
  save(time: number, values: Float64Array): void;
}

/** Makes the sink for a run once its output columns are known (see SimulateOptions.sink). */
export type SinkFactory = (columns: readonly OutputColumn[]) => SaveSink;

/**
 * The most result values (rows × columns) a run keeps in memory: 2^26 doubles, 512 MiB.
 * Larger runs must stream to a sink, save less often, or output fewer variables.
 */
export const MAX_KEPT_VALUES = 2 ** 26;

/** An error when `rows` × `columns` values would not fit in memory, before anything is allocated. */
export function checkResultSize(rows: number, columns: number): Diagnostic | undefined {
  const values = rows * columns;
  if (values <= MAX_KEPT_VALUES) return undefined;
  const gib = (values * 8) / 2 ** 30;
  return error('results-too-large', `the run would keep ${rows.toLocaleString('en')} saved rows × ${columns.toLocaleString('en')} columns (${gib.toFixed(1)} GiB) in memory; the limit is ${(MAX_KEPT_VALUES * 8) / 2 ** 30} GiB`, {
    field: 'sim.saveper',
    hint: 'save less often (a larger saveper), output fewer variables (run --vars), or stream the rows: `stockflow run --csv FILE` streams; the library takes a `sink`',
  });
}

/** The rows of a run: kept (Recorder) or handed to a sink (SinkRecorder). */
export interface Rows {
  readonly count: number;
  save(t: number, y: Float64Array, v: Float64Array): void;
  /** The run's result: the kept rows, or none when they went to a sink. */
  result(): SimulationResult;
}

/** Hands each saved row's chosen columns to a sink; keeps nothing. */
export class SinkRecorder implements Rows {
  private rows = 0;
  private readonly slots: Int32Array;
  private readonly values: Float64Array;

  constructor(private readonly sink: SaveSink, private readonly columns: readonly OutputColumn[], private readonly nStates: number) {
    this.slots = Int32Array.from(sink.columns, (c) => columns[c].slot);
    this.values = new Float64Array(this.slots.length);
  }

  get count(): number {
    return this.rows;
  }

  save(t: number, y: Float64Array, v: Float64Array): void {
    const { slots, values, nStates } = this;
    for (let c = 0; c < slots.length; c++) {
      const s = slots[c];
      values[c] = s < nStates ? y[s] : v[s];
    }
    this.sink.save(t, values);
    this.rows++;
  }

  result(): SimulationResult {
    return new SimulationResult(new Float64Array(0), new Float64Array(0), this.columns);
  }
}
