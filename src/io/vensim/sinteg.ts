/**
 * SINTEG(rate, initial, min, max, quant, spec, thresh) (Vensim reference, "SINTEG"): "the
 * integral of rate but [with] special restrictions on the value it can take on … never
 * below min or above max … always a multiple of quant … within thresh of spec, then spec";
 * each of the last five may be :NA:, meaning no such restriction, and all of them :NA: is
 * INTEG. The restriction acts on the level itself after each step (the reference calls the
 * function non-conservative), which only a discrete update defines, so the level is stepped
 * as Euler does whatever the integration method:
 *   level = restrict(previous(level, initial) + TIME STEP · previous(rate, 0))
 * The initial value is restricted too. Where the reference is silent we chose: the nearest
 * multiple of quant (halves away from zero), then the bounds, then the snap to spec
 * (|x − spec| < thresh).
 */
import { error } from '../../core/diagnostics.js';
import { bin, call, num, ref, type Expr } from '../../expr/ast.js';
import type { VExpr } from './ast.js';
import { NA_VALUE } from './builtins.js';
import { varRef } from './resolve.js';
import { where, type Scope } from './scope.js';
import { arity, translateAll } from './translate.js';

type Call = Extract<VExpr, { k: 'call' }>;

export function translateSinteg(e: Call, sc: Scope): Expr | undefined {
  if (!arity(e, sc, 7)) return undefined;
  if (sc.top !== e) {
    sc.index.diags.push(error('unsupported-construct', 'SINTEG must be the whole right-hand side of its equation', where(sc, e.pos, { hint: 'move it into a level of its own' })));
    return undefined;
  }
  const a = translateAll(e.args, sc);
  if (!a) return undefined;
  const [rate, initial, ...limits] = a;
  const values: (number | undefined)[] = [];
  for (let i = 0; i < limits.length; i++) {
    const v = sc.index.constantValue(limits[i]);
    if (v === undefined) {
      sc.index.diags.push(error('bad-argument', 'the last five arguments of SINTEG must be numbers or :NA:', where(sc, e.args[i + 2].pos)));
      return undefined;
    }
    values.push(v === NA_VALUE ? undefined : v);
  }
  const [min, max, quant, spec, thresh] = values;
  let x: Expr = bin('+', call('previous', varRef(sc.variable), initial), bin('*', ref('dt', 'dt'), call('previous', rate, num(0))));
  if (quant !== undefined && quant > 0) x = bin('*', num(quant), call('round', bin('/', x, num(quant))));
  if (min !== undefined) x = call('max', num(min), x);
  if (max !== undefined) x = call('min', num(max), x);
  if (spec !== undefined && thresh !== undefined) x = { kind: 'if', cond: bin('<', call('abs', bin('-', x, num(spec))), num(thresh)), then: num(spec), else: x };
  return x;
}
