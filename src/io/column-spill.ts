/**
 * Rows in, columns out, in bounded memory: what column-major JSON output needs from a run that
 * saves row by row. Rows are kept as doubles until `blockValues` values are held; then the
 * block is written column by column to a temporary file (unlinked as soon as it is opened, so
 * nothing is left behind even if the process dies), and memory is reused for the next block.
 * Reading a column visits its block slices in order, then the rows still in memory. A run that
 * fits in one block never touches the disk.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Values held in memory before a block is spilled: 2^21 doubles, 16 MiB. */
export const BLOCK_VALUES = 2 ** 21;

export class ColumnSpill {
  /** Rows of a full block (at least 1, so one row of any width fits). */
  private readonly blockRows: number;
  private kept: Float64Array;
  private inMemory = 0;
  private spilled = 0;
  private fd: number | undefined;
  private path: string | undefined;
  private column: Float64Array | undefined;

  constructor(readonly width: number, blockValues = BLOCK_VALUES) {
    this.blockRows = Math.max(1, Math.floor(blockValues / width));
    this.kept = new Float64Array(width * Math.min(this.blockRows, 1024));
  }

  get rows(): number {
    return this.spilled * this.blockRows + this.inMemory;
  }

  /** Adds a row: `first` then `rest` (width − 1 values). */
  add(first: number, rest: Float64Array): void {
    const { width } = this;
    if ((this.inMemory + 1) * width > this.kept.length) {
      const grown = new Float64Array(Math.min(this.kept.length * 2, this.blockRows * width));
      grown.set(this.kept);
      this.kept = grown;
    }
    this.kept[this.inMemory * width] = first;
    this.kept.set(rest, this.inMemory * width + 1);
    if (++this.inMemory === this.blockRows) this.spill();
  }

  /** Calls `visit` with each value of column `c`, in row order. */
  readColumn(c: number, visit: (x: number) => void): void {
    const { blockRows, width } = this;
    if (this.spilled) {
      const column = this.columnBuffer();
      const bytes = new Uint8Array(column.buffer);
      for (let b = 0; b < this.spilled; b++) {
        readAll(this.fd!, bytes, (b * width + c) * blockRows * 8);
        for (let r = 0; r < blockRows; r++) visit(column[r]);
      }
    }
    for (let r = 0; r < this.inMemory; r++) visit(this.kept[r * width + c]);
  }

  /** Closes and removes the temporary file, if any; safe to call twice. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.path !== undefined) rmSync(this.path, { force: true });
    this.fd = this.path = undefined;
  }

  private spill(): void {
    const { blockRows, width, kept } = this;
    if (this.fd === undefined) this.open();
    const column = this.columnBuffer();
    const bytes = new Uint8Array(column.buffer);
    for (let c = 0; c < width; c++) {
      for (let r = 0; r < blockRows; r++) column[r] = kept[r * width + c];
      let off = 0;
      while (off < bytes.length) off += writeSync(this.fd!, bytes, off, bytes.length - off);
    }
    this.spilled++;
    this.inMemory = 0;
  }

  private open(): void {
    const path = join(tmpdir(), `.stockflow-columns.${randomBytes(9).toString('base64url')}.tmp`);
    this.fd = openSync(path, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
    try {
      rmSync(path); // the open descriptor keeps the data
    } catch {
      this.path = path; // a system that cannot unlink an open file: remove it on close
    }
  }

  private columnBuffer(): Float64Array {
    return (this.column ??= new Float64Array(this.blockRows));
  }
}

function readAll(fd: number, into: Uint8Array, position: number): void {
  let off = 0;
  while (off < into.length) {
    const n = readSync(fd, into, off, into.length - off, position + off);
    if (n === 0) throw new Error('the temporary column file ended early');
    off += n;
  }
}
