/**
 * Collects the saved rows of a run: the output columns' values at each save time, in one
 * Float64Array that grows by doubling when the number of rows is not known in advance
 * (a varying save period or final time).
 */
import type { CompiledModel } from '../compile/compile.js';
import { SimulationResult } from './result.js';
import { checkResultSize, type Rows } from './sink.js';
import { ModelError } from '../core/diagnostics.js';

export class Recorder implements Rows {
  private time: Float64Array;
  private values: Float64Array;
  private rows = 0;
  private readonly width: number;
  private readonly colSlots: Int32Array;
  private readonly nStates: number;

  constructor(private readonly model: CompiledModel, capacity: number) {
    const { columns, nStates } = model.layout;
    this.width = columns.length;
    this.colSlots = Int32Array.from(columns, (c) => c.slot);
    this.nStates = nStates;
    this.time = new Float64Array(Math.max(1, capacity));
    this.values = new Float64Array(this.time.length * this.width);
  }

  get count(): number {
    return this.rows;
  }

  save(t: number, y: Float64Array, v: Float64Array): void {
    if (this.rows === this.time.length) this.grow();
    const { width, colSlots, nStates, values } = this;
    this.time[this.rows] = t;
    const base = this.rows * width;
    for (let c = 0; c < width; c++) {
      const s = colSlots[c];
      values[base + c] = s < nStates ? y[s] : v[s];
    }
    this.rows++;
  }

  result(): SimulationResult {
    return new SimulationResult(this.time.subarray(0, this.rows), this.values.subarray(0, this.rows * this.width), this.model.layout.columns);
  }

  private grow(): void {
    const tooLarge = checkResultSize(this.time.length * 2, this.width);
    if (tooLarge) throw new ModelError([tooLarge]);
    const time = new Float64Array(this.time.length * 2);
    time.set(this.time);
    const values = new Float64Array(time.length * this.width);
    values.set(this.values);
    this.time = time;
    this.values = values;
  }
}
