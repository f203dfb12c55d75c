/**
 * Bookkeeping of a study on the queue: runs done, which worker did them, how many jobs were
 * started more than once (a worker died or failed), and how many results a resumed study
 * found already stored. Its summary is the line the coordinator prints at the end.
 */
export class QueueTally {
  private readonly settled: boolean[];
  private readonly byWorker = new Map<string, number>();
  private readonly started = performance.now();
  done = 0;
  retries = 0;
  reused = 0;
  pending: number;
  readonly total: number;

  constructor(private readonly weights: readonly number[], private readonly unit = 'runs') {
    this.settled = weights.map(() => false);
    this.pending = weights.length;
    this.total = weights.reduce((s, w) => s + w, 0);
  }

  /** A job's result is in; `attempts` is BullMQ's attemptsStarted. Settling twice counts once. */
  settle(i: number, worker: string, attempts: number, reused: boolean): void {
    if (this.settled[i]) return;
    this.settled[i] = true;
    this.pending--;
    this.done += this.weights[i];
    if (reused) this.reused += this.weights[i];
    else this.byWorker.set(worker, (this.byWorker.get(worker) ?? 0) + this.weights[i]);
    this.retries += Math.max(0, attempts - 1);
  }

  summary(): string {
    const seconds = (performance.now() - this.started) / 1000;
    const computed = this.done - this.reused;
    const shares = [...this.byWorker].sort((a, b) => a[0].localeCompare(b[0]))
      .map(([w, n]) => `${w} ${Math.round((100 * n) / Math.max(1, computed))}%`).join(', ');
    return `queue: ${this.done} ${this.unit} in ${this.weights.length} jobs, ${seconds.toFixed(1)} s, ${(computed / Math.max(seconds, 1e-3)).toPrecision(3)} ${this.unit}/s; `
      + `workers: ${shares || 'none'}; retries: ${this.retries}${this.reused ? `; ${this.reused} ${this.unit} reused from a stored study` : ''}`;
  }
}
