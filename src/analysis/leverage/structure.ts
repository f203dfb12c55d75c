/**
 * What the level rules need to know about a model's structure: every equation parsed, which
 * variables are stocks, flows or "static" (computed from constants only, so a constant's
 * value reaches the dynamics through them unchanged), which depend on a stock, and the
 * multiplicative factors of a denominator (so `Building / Cache_Build_Time` with
 * `Cache_Build_Time = Base * Factor * Contention` divides by `Base` and `Factor`).
 */
import { canonicalName } from '../../core/names.js';
import { references, type Expr } from '../../expr/ast.js';
import { parseEquation } from '../../expr/parse.js';
import type { Model, Variable } from '../../model/types.js';

export interface Structure {
  readonly model: Model;
  readonly byId: ReadonlyMap<string, Variable>;
  /** Equations of flows and auxiliaries; initial values of stocks (when they parse). */
  readonly equation: ReadonlyMap<string, Expr>;
  readonly initial: ReadonlyMap<string, Expr>;
  readonly stocks: ReadonlySet<string>;
  readonly flows: ReadonlySet<string>;
  /** Constants, and auxiliaries computed from constants and numbers only. */
  readonly statics: ReadonlySet<string>;
  /** Variables whose value depends on a stock (directly or through others). */
  readonly stateful: ReadonlySet<string>;
  /** Auxiliaries a flow reads directly: rates in all but name (Vensim writes rates this way). */
  readonly rates: ReadonlySet<string>;
}

export function modelStructure(model: Model): Structure {
  const byId = new Map(model.variables.map((v) => [v.id, v]));
  const equation = new Map<string, Expr>();
  const initial = new Map<string, Expr>();
  for (const v of model.variables) {
    const text = v.kind === 'flow' || v.kind === 'aux' ? v.equation : v.kind === 'stock' ? v.initial : undefined;
    const parsed = text === undefined ? undefined : parseEquation(text).expr;
    if (parsed) (v.kind === 'stock' ? initial : equation).set(v.id, parsed);
  }
  const stocks = new Set(model.variables.filter((v) => v.kind === 'stock').map((v) => v.id));
  const flows = new Set(model.variables.filter((v) => v.kind === 'flow').map((v) => v.id));
  const refs = new Map([...equation].map(([id, e]) => [id, [...references(e)].filter((r) => byId.has(r))]));
  const usesTime = new Set([...equation].filter(([, e]) => references(e).has('time')).map(([id]) => id));
  const ids = [...equation.keys()];
  const statics = fixpoint(new Set(model.variables.filter((v) => v.kind === 'constant').map((v) => v.id)), ids, (id, set) =>
    byId.get(id)?.kind === 'aux' && !usesTime.has(id) && (refs.get(id) ?? []).every((r) => set.has(r)));
  const stateful = fixpoint(new Set(stocks), ids, (id, set) => (refs.get(id) ?? []).some((r) => set.has(r)));
  const rates = new Set<string>();
  for (const f of flows) for (const r of refs.get(f) ?? []) if (byId.get(r)?.kind === 'aux') rates.add(r);
  return { model, byId, equation, initial, stocks, flows, statics, stateful, rates };
}

/** Grows `seed` with every equation id for which `joins` holds, until nothing changes. */
function fixpoint(seed: Set<string>, ids: readonly string[], joins: (id: string, set: ReadonlySet<string>) => boolean): Set<string> {
  const out = new Set(seed);
  let grew = true;
  while (grew) {
    grew = false;
    for (const id of ids) if (!out.has(id) && joins(id, out)) { out.add(id); grew = true; }
  }
  return out;
}

/** The constant and the static auxiliaries it reaches the dynamics through. */
export function carriers(s: Structure, constant: string): Set<string> {
  const out = new Set([constant]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const id of s.statics) {
      if (out.has(id)) continue;
      const e = s.equation.get(id);
      if (e && [...references(e)].some((r) => out.has(r))) { out.add(id); grew = true; }
    }
  }
  return out;
}

/** True when `e` refers to any of `ids`. */
export function mentions(e: Expr, ids: ReadonlySet<string>): boolean {
  for (const r of references(e)) if (ids.has(r)) return true;
  return false;
}

/** True when every reference of `e` is static (or `e` has none). */
export function isStatic(s: Structure, e: Expr): boolean {
  for (const r of references(e)) if (!s.statics.has(r)) return false;
  return true;
}

/** True when `e` reads a stock, directly or through other variables. */
export function readsState(s: Structure, e: Expr): boolean {
  for (const r of references(e)) if (s.stateful.has(r)) return true;
  return false;
}

/** True when `e` reads a stock directly. */
export function readsStock(s: Structure, e: Expr): boolean {
  for (const r of references(e)) if (s.stocks.has(r)) return true;
  return false;
}

/**
 * Ids that multiply `e` (its numerator only for a ratio): through products, signs,
 * conditional branches and, `depth` levels deep, the equations of auxiliaries.
 */
export function factors(s: Structure, e: Expr, depth = 3): Set<string> {
  const out = new Set<string>();
  const visit = (n: Expr, d: number): void => {
    switch (n.kind) {
      case 'ref': {
        out.add(n.id);
        const eq = s.byId.get(n.id)?.kind === 'aux' ? s.equation.get(n.id) : undefined;
        if (eq && d > 0) visit(eq, d - 1);
        return;
      }
      case 'binary':
        if (n.op === '*') { visit(n.left, d); visit(n.right, d); } else if (n.op === '/') visit(n.left, d);
        return;
      case 'unary': if (n.op !== 'not') visit(n.arg, d); return;
      case 'if': visit(n.then, d); visit(n.else, d); return;
      default: return;
    }
  };
  visit(e, depth);
  return out;
}

/** Units compared loosely: case, spaces and a plural s do not matter. */
export function sameUnits(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const norm = (u: string) => u.toLowerCase().replace(/\s+/g, ' ').trim().split(' ').map((w) => w.replace(/s$/, '')).join(' ');
  return norm(a) === norm(b);
}

const TIME_WORDS = ['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year', 's', 'min', 'h', 'hr', 'd', 'wk', 'yr'];

/** True when `units` is a unit of time (the model's time unit, or a common one). */
export function isTimeUnit(s: Structure, units: string | undefined): boolean {
  if (!units) return false;
  if (sameUnits(units, s.model.sim.timeUnit)) return true;
  return TIME_WORDS.some((w) => sameUnits(units, w));
}

/** The model variable behind a loop's display name, if it is one. */
export function variableOf(s: Structure, displayName: string): Variable | undefined {
  return s.byId.get(canonicalName(displayName));
}
