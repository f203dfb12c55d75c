/**
 * INVERT MATRIX(m[…, row, col], n) (Vensim reference, INVERT MATRIX): the inverse of the
 * square matrix over the last two subscripts. stockflow inverts it when the model is read,
 * so every entry must be known at the initial time (constants, numbers read from files); a
 * time-varying matrix is reported as unsupported. Each element of the left-hand side takes
 * the inverse's entry at its own last two subscripts, whatever the argument names there
 * (`inv[s, t] = INVERT MATRIX(m[s, s], n)`, SDEverywhere's invertmatrixio, run by Vensim).
 */
import { canonicalName } from '../../core/names.js';
import { num, type Expr } from '../../expr/ast.js';
import type { VExpr } from './ast.js';
import { instanceName, resolveTuple, varRef } from './resolve.js';
import type { ModelIndex, Scope } from './scope.js';
import { fail } from './vectors.js';

/** Gauss–Jordan inversion with partial pivoting; undefined when singular. */
export function invert(m: number[][]): number[][] | undefined {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...m.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    if (Math.abs(a[p][c]) < 1e-300) return undefined;
    [a[c], a[p]] = [a[p], a[c]];
    const pivot = a[c][c];
    for (let j = 0; j < 2 * n; j++) a[c][j] /= pivot;
    for (let r = 0; r < n; r++) {
      if (r === c || a[r][c] === 0) continue;
      const f = a[r][c];
      for (let j = 0; j < 2 * n; j++) a[r][j] -= f * a[c][j];
    }
  }
  return a.map((row) => row.slice(n));
}

/**
 * Inverses already computed, per model: every element of the left-hand side takes one entry
 * of the same inverse, so it is built once per matrix (and per leading subscripts), not once
 * per element. Only successful inversions are kept; failures are reported each time as before.
 */
const inverses = new WeakMap<ModelIndex, Map<string, number[][]>>();

/** The matrix an argument denotes here: its variable, leading elements and the two ranges. */
function inverseKey(arg: Extract<VExpr, { k: 'ref' }>, rows: string, cols: string, sc: Scope): string | undefined {
  const mark = sc.index.diags.length;
  const lead = resolveTuple(arg.subs.slice(0, -2), sc);
  // Unresolvable leading subscripts are reported by the full lookup below, once.
  sc.index.diags.length = mark;
  return lead && [canonicalName(arg.name), ...lead, rows, cols].join('\u0000');
}

export function invertMatrix(e: Extract<VExpr, { k: 'call' }>, sc: Scope): Expr | undefined {
  const arg = e.args[0];
  if (arg.k !== 'ref' || arg.subs.length < 2) return fail(sc, e.pos, 'INVERT MATRIX takes a matrix m[…, row, col] and its size');
  const v = sc.index.vars.get(canonicalName(arg.name));
  const [rs, cs] = arg.subs.slice(-2);
  const rows = sc.index.dims.get(canonicalName(rs.name));
  const cols = sc.index.dims.get(canonicalName(cs.name));
  if (!v || !rows || !cols || rows.elements.length !== cols.elements.length) return fail(sc, arg.pos, `'${arg.name}' must be a variable whose last two subscripts are ranges of equal size`);
  const here = sc.lhs && sc.lhs.length >= 2 ? sc.lhs.slice(-2) : resolveTuple(arg.subs.slice(-2), sc);
  if (!here) return undefined;
  if (!rows.elements.includes(here[0]) || !cols.elements.includes(here[1])) return fail(sc, e.pos, `the left-hand side's last two subscripts must be elements of the matrix's rows and columns`);
  const key = inverseKey(arg, rows.id, cols.id, sc);
  const cache = inverses.get(sc.index) ?? new Map<string, number[][]>();
  inverses.set(sc.index, cache);
  let inv = key === undefined ? undefined : cache.get(key);
  if (!inv) {
    const m: number[][] = [];
    for (const r of rows.elements) {
      const row: number[] = [];
      for (const c of cols.elements) {
        const subs = [...arg.subs.slice(0, -2), { name: r, bang: false, pos: arg.pos }, { name: c, bang: false, pos: arg.pos }];
        const name = instanceName(v, subs, arg.pos, sc);
        const value = name === undefined ? undefined : sc.index.constantValue(varRef(name));
        if (value === undefined) return fail(sc, arg.pos, `INVERT MATRIX needs constant entries; '${name ?? arg.name}' is not known before the run`);
        row.push(value);
      }
      m.push(row);
    }
    inv = invert(m);
    if (!inv) return fail(sc, arg.pos, `the matrix '${arg.name}' is singular and has no inverse`);
    if (key !== undefined) cache.set(key, inv);
  }
  return num(inv[rows.elements.indexOf(here[0])][cols.elements.indexOf(here[1])]);
}
