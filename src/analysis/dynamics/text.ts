/**
 * Text and JSON of the dynamics analyses: the equilibria table printed on stdout and the
 * JSON documents of issue 16 (`{ equilibria: [ { stocks, stable, eigenvalues } ] }`).
 */
import { textTable as coreTable } from '../../core/text-table.js';
import type { Eigenvalue } from './eigen.js';
import type { Equilibrium, EquilibriumSearch } from './equilibria.js';

/** A number for tables: 6 significant digits, tiny values as 0. */
export function num(x: number, digits = 6): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) < 1e-12) return '0';
  const s = x.toPrecision(digits);
  return s.includes('e') ? s : String(Number(s));
}

export function eigenText([re, im]: Eigenvalue): string {
  if (Math.abs(im) < 1e-12 * Math.max(1, Math.abs(re))) return num(re, 4);
  return `${num(re, 4)}${im < 0 ? '-' : '+'}${num(Math.abs(im), 4)}i`;
}

/** Left-aligned text table with a header rule, fitted to `width` when given. */
export function textTable(head: readonly string[], rows: readonly (readonly string[])[], width?: number): string[] {
  return coreTable([head, ...rows], { indent: '  ', rule: true, width });
}

export function stabilityText(e: Pick<Equilibrium, 'stable' | 'hyperbolic' | 'switch'>): string {
  if (e.switch) return e.stable ? 'at a switch, stable on every side' : 'at a switch, unstable on a side';
  if (!e.hyperbolic) return 'non-hyperbolic';
  return e.stable ? 'stable' : 'unstable';
}

export function formatEquilibria(search: EquilibriumSearch, names: readonly string[], model: string, width?: number): string {
  const { equilibria } = search;
  const out = [`Equilibria of '${model}': ${equilibria.length} found in the box from ${search.starts} Newton starts`];
  if (!equilibria.length) return `${out[0]}\n`;
  const shown = names.slice(0, 8);
  const rows = equilibria.map((e, k) => [String(k + 1), ...shown.map((n) => num(e.stocks[n])), stabilityText(e), eigenCell(e)]);
  out.push(...textTable(['#', ...shown, 'stability', 'eigenvalues'], rows, width));
  if (names.length > shown.length) out.push(`  (${names.length - shown.length} more stocks in --json)`);
  for (const [k, e] of equilibria.entries()) {
    if (e.switch) out.push(`  #${k + 1}: the rates switch slope at ${e.switch.stocks.map((c) => `${c.stock} (in the rate of ${c.rates.join(', ')})`).join('; ')}`);
  }
  const held = Object.entries(equilibria[0].held);
  if (held.length) out.push('', `Held: ${held.slice(0, 8).map(([n, h]) => `${n} = ${num(h.value)}`).join('; ')}${held.length > 8 ? `; ${held.length - 8} more in --json` : ''}`);
  out.push('', 'Box searched: ' + names.slice(0, 8).map((n, i) => `${n} ${num(search.box[i].lo)}…${num(search.box[i].hi)}`).join('; '));
  return `${out.join('\n')}\n`;
}

function eigenList(eig: readonly Eigenvalue[]): string {
  return eig.slice(0, 4).map(eigenText).join(', ') + (eig.length > 4 ? ', …' : '');
}

/** The eigenvalues, or per side of a switch (first two sides; all in --json). */
function eigenCell(e: Equilibrium): string {
  if (!e.switch) return eigenList(e.eigenvalues);
  const label = (sides: Readonly<Record<string, string>>) => Object.values(sides).join('/');
  const shown = e.switch.sides.slice(0, 2).map((side) => `${label(side.sides)}: ${eigenList(side.eigenvalues)}`);
  return shown.join(' | ') + (e.switch.sides.length > 2 ? ` | ${e.switch.sides.length - 2} more sides` : '');
}

export function equilibriaJson(search: EquilibriumSearch, time: number): object {
  return {
    time,
    equilibria: search.equilibria.map((e) => ({
      stocks: e.stocks, stable: e.stable, hyperbolic: e.hyperbolic, eigenvalues: e.eigenvalues,
      residual: e.residual, flows: e.flows, auxiliaries: e.auxiliaries,
      ...(Object.keys(e.held).length ? { held: e.held } : {}),
      ...(e.switch ? { switch: e.switch } : {}),
    })),
  };
}
