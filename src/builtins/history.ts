/**
 * HISTORY(x, time) (isee vendor function, Stella): the value x had at an earlier time of the
 * run. The engine records every history()'s input at each step boundary, with the state of
 * that step (the capture that also feeds previous() and fixed delays), and answers with the
 * value recorded at the last step at or before the time asked: no interpolation, as values
 * exist only at steps. A time at or after the current one gives the current value; a time
 * before the start gives the value at the start.
 */
import { TIME_EPS } from './time.js';

export interface HistoryState {
  /** Starts a run: nothing recorded. */
  reset(): void;
  /** Opens the record of step time t; put() then fills it. */
  mark(t: number): void;
  /** Records the input of history() number j at the step last marked. */
  put(j: number, x: number): void;
  /** The value of history() number j at time `asked`, evaluated at time `now` where it is `current`. */
  at(j: number, now: number, asked: number, current: number): number;
}


export function createHistory(count: number): HistoryState {
  let times = new Float64Array(64);
  let values = Array.from({ length: count }, () => new Float64Array(64));
  let n = 0;
  const grow = () => {
    const bigger = (a: Float64Array) => { const b = new Float64Array(a.length * 2); b.set(a); return b; };
    times = bigger(times);
    values = values.map(bigger);
  };
  return {
    reset() { n = 0; },
    mark(t) {
      if (n > 0 && t <= times[n - 1]) return; // a repeated capture at the same step
      if (n === times.length) grow();
      times[n++] = t;
    },
    put(j, x) { values[j][n - 1] = x; },
    at(j, now, asked, current) {
      if (!(j >= 0 && j < values.length)) return NaN;
      const eps = TIME_EPS * Math.max(1, Math.abs(now));
      if (asked >= now - eps || n === 0) return current;
      if (asked <= times[0] + eps) return values[j][0];
      let lo = 0;
      let hi = n - 1;
      if (times[hi] <= asked + eps) return values[j][hi];
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (times[mid] <= asked + eps) lo = mid; else hi = mid;
      }
      return values[j][lo];
    },
  };
}
