/**
 * The sweep as text, as JSON (`{ branches, folds, hopf }`), and as diagram input for any
 * variable: a stock's value is read from the state, a flow's or auxiliary's is computed at
 * the point with the swept constant set.
 */
import { canonicalName } from '../../core/names.js';
import { num, textTable } from './text.js';
import type { Sweep, SweepBifurcation } from './sweep.js';

const stocksOf = (s: Sweep, state: readonly number[]) => Object.fromEntries(s.stockNames.map((n, i) => [n, state[i]]));

export function sweepJson(s: Sweep): object {
  const mark = (b: SweepBifurcation) => ({ value: b.value, stocks: stocksOf(s, b.state), branch: b.branch, eigenvalues: b.eigenvalues, ...(b.frequency !== undefined ? { frequency: b.frequency } : {}) });
  return {
    parameter: s.parameter, range: [s.lo, s.hi],
    branches: s.branches.map((b) => ({ points: b.map((p) => ({ value: p.value, stocks: stocksOf(s, p.state), stable: p.stable })) })),
    folds: s.folds.map(mark),
    hopf: s.hopf.map(mark),
  };
}

/** Values of a variable along the sweep (undefined for an unknown name). */
export function sweepValues(s: Sweep, name: string): { y: (state: readonly number[], value: number) => number; name: string } | undefined {
  const id = canonicalName(name);
  const i = s.stockNames.findIndex((n) => canonicalName(n) === id);
  if (i >= 0) return { y: (state) => state[i], name: s.stockNames[i] };
  const column = s.system.compiled.layout.columns.find((c) => c.id === id && c.kind !== 'constant');
  if (!column) return undefined;
  const slot = s.system.constantSlot(s.parameter)!;
  return {
    name: column.name,
    y: (state, value) => { s.system.setConstant(slot, value); return s.system.values(state)[column.slot]; },
  };
}

export function diagramInput(s: Sweep, name: string, markers: { value: number; label: string }[] = []) {
  const v = sweepValues(s, name)!;
  const mark = (b: SweepBifurcation) => ({ value: b.value, y: v.y(b.state, b.value) });
  return {
    parameter: s.parameter, variable: v.name, markers,
    branches: s.branches.map((b) => b.map((p) => ({ value: p.value, y: v.y(p.state, p.value), stable: p.stable }))),
    folds: s.folds.map(mark), hopf: s.hopf.map(mark),
  };
}

/**
 * Where the model has two or more stable equilibria: the parameter intervals covered by at
 * least two stable runs of the branches (each run ends at a fold, where the branches carry
 * the located fold point).
 */
export function multistableRanges(s: Sweep): { from: number; to: number }[] {
  const runs: [number, number][] = [];
  for (const b of s.branches) {
    let run: number[] = [];
    const close = () => { if (run.length > 1) runs.push([Math.min(...run), Math.max(...run)]); run = []; };
    for (const p of b) { if (p.stable) run.push(p.value); else close(); }
    close();
  }
  const events = runs.flatMap(([a, b]) => [[a, 1], [b, -1]] as [number, number][]).sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const out: { from: number; to: number }[] = [];
  let depth = 0, from = 0;
  for (const [at, d] of events) {
    if (d > 0 && ++depth === 2) from = at;
    if (d < 0 && depth-- === 2 && at > from) out.push({ from, to: at });
  }
  return out;
}

export function formatSweep(s: Sweep, model: string, width?: number): string {
  const lines = [`Equilibria of '${model}' as ${s.parameter} goes from ${num(s.lo)} to ${num(s.hi)}: ${s.branches.length} branch${s.branches.length === 1 ? '' : 'es'}, ${s.folds.length} fold${s.folds.length === 1 ? '' : 's'}, ${s.hopf.length} Hopf point${s.hopf.length === 1 ? '' : 's'}`];
  const shown = s.stockNames.slice(0, 6);
  const rows = [...s.folds.map((b) => ['fold', b] as const), ...s.hopf.map((b) => ['Hopf', b] as const)]
    .map(([kind, b]) => [kind, num(b.value, 9), ...shown.map((n, i) => num(b.state[i])), String(b.branch + 1)]);
  if (rows.length) lines.push('', ...textTable(['point', s.parameter, ...shown, 'branch'], rows, width));
  const ranges = multistableRanges(s);
  lines.push('', ranges.length
    ? `Two or more stable equilibria for ${s.parameter} in ${ranges.map((r) => `${num(r.from, 4)}…${num(r.to, 4)}`).join(', ')}`
    : `At most one stable equilibrium at every ${s.parameter} in the range.`);
  return `${lines.join('\n')}\n`;
}
