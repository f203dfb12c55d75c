/**
 * A sub-system of a model: some state variables held at given values, the rest analysed.
 * `freeze` holds named stocks at named values; `only` keeps just the named stocks free and
 * holds every other one at the value the model's own run reaches at t* (the last saved row
 * at or before t*). A held stock behaves as a constant: its rates are not integrated, and
 * what they would be at each equilibrium is reported beside it, so a user sees how far the
 * held value is from being consistent with the rest.
 *
 * This is how one phase of a model is analysed on its own, e.g. the restart pipeline of an
 * outage with the backlog of broken servers held large (a reservoir), instead of across the
 * switches (if-then-else, min/max) that join the phases.
 */
import { error, type Diagnostic } from '../../core/diagnostics.js';
import { canonicalName, nameHint } from '../../core/names.js';
import { runCompiled } from '../../sim/run.js';
import type { DynamicalSystem, HeldStock } from './system.js';

export interface Reduction {
  /** Stocks held at these values, by name. */
  readonly freeze?: Readonly<Record<string, number>>;
  /** Only these stocks are free; the others are held at their values in the run at t*. */
  readonly only?: readonly string[];
}

export function reductionRequested(r: Reduction): boolean {
  return Object.keys(r.freeze ?? {}).length > 0 || (r.only ?? []).length > 0;
}

/** The system over the free state variables, or located reasons it cannot be built. */
export function reduceSystem(full: DynamicalSystem, r: Reduction): { system?: DynamicalSystem; diagnostics: Diagnostic[] } {
  const file = full.model.file;
  const index = new Map(full.stockNames.map((n, i) => [canonicalName(n), i]));
  const diagnostics: Diagnostic[] = [];
  const lookup = (name: string, option: string) => {
    const i = index.get(canonicalName(name));
    if (i === undefined) diagnostics.push(error('unknown-variable', `${option} names '${name}', which is not a stock of the model`, { file, variable: name, hint: nameHint(name, full.stockNames, `stocks: ${full.stockNames.join(', ')}`) }));
    return i;
  };
  const held = new Map<number, number>();
  for (const [name, value] of Object.entries(r.freeze ?? {})) {
    const i = lookup(name, '--freeze');
    if (i !== undefined) held.set(i, value);
  }
  const only = (r.only ?? []).map((n) => ({ n, i: lookup(n, '--only') }));
  for (const { n, i } of only) {
    if (i !== undefined && held.has(i)) diagnostics.push(error('frozen-and-free', `'${n}' is both in --only (free) and in --freeze (held)`, { file, variable: n, hint: 'name each stock in one of them' }));
  }
  if (diagnostics.length) return { diagnostics };
  if (only.length) {
    const free = new Set(only.map((o) => o.i!));
    const atTime = runState(full);
    if (!atTime) return { diagnostics: [error('run-failed', 'the model\'s run failed, so the stocks --only leaves out have no values to be held at', { file, hint: 'hold them with --freeze NAME=VALUE instead' })] };
    full.stockNames.forEach((_, i) => { if (!free.has(i) && !held.has(i)) held.set(i, atTime[i]); });
  }
  const free = full.stockNames.map((_, i) => i).filter((i) => !held.has(i));
  if (!free.length) return { diagnostics: [error('nothing-free', 'every stock is held, so there is no state left to analyse', { file, hint: 'leave at least one stock out of --freeze, or name it in --only' })] };
  return { system: subsystem(full, free, held), diagnostics: [] };
}

function subsystem(full: DynamicalSystem, free: readonly number[], held: ReadonlyMap<number, number>): DynamicalSystem {
  const x = new Float64Array(full.n);
  for (const [i, v] of held) x[i] = v;
  const expand = (y: ArrayLike<number>) => { free.forEach((i, k) => { x[i] = y[k]; }); return x; };
  const rates = new Float64Array(full.n);
  const heldStocks: HeldStock[] = [...held].sort((a, b) => a[0] - b[0]).map(([i, value]) => ({ name: full.stockNames[i], value, index: i }));
  return {
    ...full,
    n: free.length,
    stockNames: free.map((i) => full.stockNames[i]),
    helper: free.map((i) => full.helper[i]),
    nonNegative: free.map((i) => full.nonNegative[i]),
    initial: free.map((i) => full.initial[i]),
    stateIndex: free.map((i) => full.stateIndex[i]),
    held: heldStocks,
    rates: (y, out) => { full.rates(expand(y), rates); free.forEach((i, k) => { out[k] = rates[i]; }); },
    values: (y) => full.values(expand(y)),
    heldRates: (y) => { full.rates(expand(y), rates); return heldStocks.map((h) => rates[h.index]); },
  };
}

/** The full state in the model's run at t* (the last saved row at or before it). */
function runState(s: DynamicalSystem): number[] | undefined {
  const run = runCompiled(s.compiled, { allowNonFinite: true });
  if (!run.result) return undefined;
  const { time, values, columns } = run.result;
  let row = 0;
  while (row + 1 < time.length && time[row + 1] <= s.time + 1e-9 * Math.max(1, Math.abs(s.time))) row++;
  const out = new Array<number>(s.n).fill(0);
  const w = columns.length;
  columns.forEach((c, k) => { if (c.kind === 'stock') out[c.slot] = values[row * w + k]; });
  return out;
}
