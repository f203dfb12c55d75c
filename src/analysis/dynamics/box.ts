/**
 * The plausible box of the state: where equilibria are looked for. Each stock's range covers
 * its initial value and the values a run of the model from its initial state passes through,
 * widened by four times that span on the top (and on the bottom, unless the stock stays non-negative:
 * a stock that is declared non-negative, or starts and stays at or above zero in the run, is
 * taken to be a non-negative quantity). The top reaches at least the largest constant
 * measured in the stock's units (a capacity, a target, a fleet size), since a run that
 * stays in one state says nothing about where another lies. `--box NAME=LO:HI` overrides a
 * stock's range.
 */
import { runCompiled } from '../../sim/run.js';
import type { DynamicalSystem } from './system.js';

export interface Range { readonly lo: number; readonly hi: number }

export function plausibleBox(s: DynamicalSystem, overrides: ReadonlyMap<number, Range> = new Map()): Range[] {
  const seen = s.initial.map((x) => ({ min: x, max: x }));
  const at = new Map(s.stateIndex.map((full, i) => [full, i]));
  const run = runCompiled(s.compiled, { allowNonFinite: true });
  if (run.result) {
    const { values, columns } = run.result;
    const w = columns.length;
    const rows = values.length / w;
    columns.forEach((c, k) => {
      const i = at.get(c.slot);
      if (c.kind !== 'stock' || i === undefined) return;
      for (let r = 0; r < rows; r++) {
        const x = values[r * w + k];
        if (!Number.isFinite(x)) continue;
        if (x < seen[i].min) seen[i].min = x;
        if (x > seen[i].max) seen[i].max = x;
      }
    });
  }
  const sameUnits = largestConstantInUnits(s);
  return seen.map(({ min, max }, i) => {
    const given = overrides.get(i);
    if (given) return given;
    const span = Math.max(max - min, Math.abs(max), Math.abs(min), 1);
    const nonNegative = s.nonNegative[i] || min >= 0;
    return { lo: nonNegative ? 0 : min - 4 * span, hi: Math.max(max + 4 * span, sameUnits[i]) };
  });
}

/** Per state variable, the largest constant with the stock's units (−∞ when none). */
function largestConstantInUnits(s: DynamicalSystem): number[] {
  const key = (u?: string) => u?.replace(/\s+/g, '').toLowerCase();
  const byName = new Map(s.model.variables.map((v) => [v.name, v]));
  const constants = s.model.variables.filter((v) => v.kind === 'constant' && key(v.units));
  return s.stockNames.map((name) => {
    const units = key(byName.get(name)?.units);
    const values = constants.filter((c) => key(c.units) === units).map((c) => (c.kind === 'constant' ? Math.abs(c.value) : 0));
    return units ? Math.max(-Infinity, ...values) : -Infinity;
  });
}

/** The i-th point of the Halton sequence in [0,1)^dim (one prime base per dimension). */
export function halton(i: number, dim: number): number[] {
  return primes(dim).map((base) => {
    let f = 1, r = 0, k = i + 1;
    while (k > 0) { f /= base; r += f * (k % base); k = Math.floor(k / base); }
    return r;
  });
}

function primes(count: number): number[] {
  const out: number[] = [];
  for (let k = 2; out.length < count; k++) if (out.every((p) => k % p !== 0)) out.push(k);
  return out;
}
