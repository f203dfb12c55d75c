/**
 * Separate initial equations (XMILE 1.0 §4.1, `<init_eqn>`; Stella's "initial equation",
 * Vensim's ACTIVE INITIAL): a non-stock variable with an `<init_eqn>` takes that value at
 * the start time, when the model is initialised, and its `<eqn>` afterwards.
 *
 * Two parts make that so in the engine. (1) The variable's equation becomes
 * `IF TIME = STARTTIME THEN init ELSE eqn` (emit.ts), so what reads it at the start time
 * sees the initial value. (2) Stock initial values are computed before any auxiliary, so a
 * stock's initial equation that reads such a variable, directly or through auxiliaries that
 * read it, gets the initial equation substituted in place of the reference: that is what
 * breaks the initialisation loop the construct exists for (a stock initialised from a
 * target that is itself computed from the stock).
 */
import { bin, ref, type Expr } from '../../expr/ast.js';
import { tuples } from './dims.js';
import { walkX } from './eqn-ast.js';
import type { Equations, Where } from './equations.js';
import type { Flattened, InstVar } from './instance.js';
import { equationsOf } from './prepare.js';
import { resolveVar, type Ctx, type VarInfo } from './scope.js';
import { translate } from './translate.js';
import type { RawEqn } from './vars.js';

/** Gives `initial` to every variable whose value at the start time an `<init_eqn>` changes. */
export function markInitial(flat: Flattened, eqns: Equations): void {
  const own = flat.vars.filter((iv) => iv.raw.initEqn || iv.raw.elements.some((e) => e.initEqn));
  if (own.length === 0) return;
  const changed = new Set<VarInfo>(own.map((iv) => iv.info));
  const reads = new Map<InstVar, VarInfo[]>();
  for (const iv of flat.vars) {
    const source = flat.inputs.get(iv.info);
    if (source) { reads.set(iv, [source]); continue; }
    // Stocks hold their own value; a graphical function of an input is not inlined.
    if (iv.raw.kind === 'stock' || iv.info.lookup || iv.raw.gf || iv.raw.conveyor) continue;
    const found: VarInfo[] = [];
    for (const { eqn, items } of equationsOf(iv.raw)) {
      for (const tree of eqns.parse(eqn, { variable: iv.info.name, field: 'equation' }, items) ?? []) {
        walkX(tree!, (n) => {
          const v = n.kind === 'name' ? resolveVar(iv.scope, n.name) : undefined;
          if (v) found.push(v);
        });
      }
    }
    reads.set(iv, found);
  }
  for (let grew = true; grew;) {
    grew = false;
    for (const [iv, vs] of reads) {
      if (!changed.has(iv.info) && vs.some((v) => changed.has(v))) { changed.add(iv.info); grew = true; }
    }
  }
  const busy = new Set<string>();
  for (const iv of flat.vars) {
    if (!changed.has(iv.info)) continue;
    const source = flat.inputs.get(iv.info);
    iv.info.initial = source ? (idx) => source.initial?.(idx) : (idx) => {
      const key = `${iv.info.name}[${idx.join(',')}]`;
      if (busy.has(key)) return undefined;
      busy.add(key);
      try { return initialValue(iv, idx, eqns); } finally { busy.delete(key); }
    };
  }
}

/** The equation that gives element `idx` of a variable its value at the start time. */
export function initEquationOf(iv: InstVar, idx: readonly number[]): RawEqn | undefined {
  const el = iv.raw.elements.find((e) => e.tuple.every((v, j) => v === idx[j]));
  return el?.initEqn ?? (el?.eqn ? undefined : iv.raw.initEqn);
}

function initialValue(iv: InstVar, idx: readonly number[], eqns: Equations): Expr | undefined {
  const { raw } = iv;
  const all = tuples(raw.dims);
  const k = all.findIndex((t) => t.every((v, j) => v === idx[j]));
  const el = raw.elements.find((e) => e.tuple.every((v, j) => v === idx[j]));
  const eqn = initEquationOf(iv, idx) ?? el?.eqn ?? raw.eqn;
  if (!eqn) return undefined;
  const where: Where = { variable: iv.info.name, field: 'equation' };
  const useList = !el && raw.elements.length === 0 && all.length > 1;
  const parsed = eqns.parse(eqn, where, useList ? all.length : 1);
  const tree = parsed && (parsed.length > 1 ? parsed[k] : parsed[0]);
  const bind = new Map(raw.dims.map((d, j) => [d.id, idx[j]] as const));
  return tree && translate(tree, { env: eqns.env(eqn, where), scope: iv.scope, bind, initial: true });
}

/** `IF TIME = STARTTIME THEN init ELSE eqn`: the equation of a variable with an `<init_eqn>`. */
export function startValue(eqn: Expr, initEqn: RawEqn, eqns: Equations, ctx: Ctx, where: Where): Expr | undefined {
  const tree = eqns.parse(initEqn, where)?.[0];
  const init = tree && translate(tree, { ...ctx, env: eqns.env(initEqn, where) });
  return init && { kind: 'if', cond: bin('==', ref('time'), ref('starttime')), then: init, else: eqn };
}
