/**
 * Simulation results: one row per save time, one column per slot of the compiled model
 * (stocks, flows, auxiliaries, constants, then internal helpers). Backed by one
 * Float64Array, viewed as an ndarray [time, column] and as named series.
 */
import ndarray, { type NdArray } from 'ndarray';
import { canonicalName } from '../core/names.js';
import type { OutputColumn } from '../compile/layout.js';

export class SimulationResult {
  /** Save times. */
  readonly time: Float64Array;
  /** [time index, column index] view of `values`. */
  readonly data: NdArray<Float64Array>;
  private readonly index: Map<string, number>;

  constructor(
    time: Float64Array,
    /** Row-major values, time.length × columns.length. */
    readonly values: Float64Array,
    /** Every column, model variables first, then internal helpers. */
    readonly columns: readonly OutputColumn[],
    /** Slot order used in `values` (column i is slot columns[i].slot, stored at position i). */
  ) {
    this.time = time;
    this.data = ndarray(values, [time.length, columns.length]);
    this.index = new Map(columns.map((c, i) => [c.id, i]));
  }

  /** Names of the model's own variables (no helpers), as written. */
  get names(): string[] {
    return this.columns.filter((c) => !c.helper).map((c) => c.name);
  }

  has(name: string): boolean {
    return this.index.has(canonicalName(name));
  }

  /** The series of one variable by name (case/space-insensitive). Throws for unknown names. */
  series(name: string): Float64Array {
    const i = this.index.get(canonicalName(name));
    if (i === undefined) throw new RangeError(`no variable '${name}' in the results`);
    const n = this.time.length;
    const w = this.columns.length;
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) out[r] = this.values[r * w + i];
    return out;
  }

  /** Value of a variable at the last save time. */
  final(name: string): number {
    const s = this.series(name);
    return s[s.length - 1];
  }

  /** Plain object { time: [...], name: [...] } for JSON output. */
  toJSON(names: readonly string[] = this.names): Record<string, number[]> {
    const out: Record<string, number[]> = { time: Array.from(this.time) };
    // defineProperty: a variable may be called `__proto__` (names are untrusted input).
    for (const n of names) Object.defineProperty(out, n, { value: Array.from(this.series(n)), enumerable: true, writable: true, configurable: true });
    return out;
  }
}
