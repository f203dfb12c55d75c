/**
 * VECTOR LOOKUP(vec[first element], x, xmin, xmax, mode) (Vensim reference, "VECTOR
 * LOOKUP"): "if vec is a multidimensional array then the length used is the number of
 * elements in the last subscript. This function should always be called with the first
 * element of vec". The elements along that last subscript become the y values of the
 * engine's vector_lookup (src/builtins/vector-lookup.ts); the other subscripts follow the
 * element being computed.
 */
import { canonicalName } from '../../core/names.js';
import type { Expr } from '../../expr/ast.js';
import type { VExpr } from './ast.js';
import { lookupModeOk, vectorLookup } from '../vector-exprs.js';
import { rangeAt, withSubs } from './market.js';
import { instanceName, varRef } from './resolve.js';
import type { Scope } from './scope.js';
import { translateAll } from './translate.js';
import { fail } from './vectors.js';

type Call = Extract<VExpr, { k: 'call' }>;

export function translateVectorLookup(e: Call, sc: Scope): Expr | undefined {
  const [vec, ...rest] = e.args;
  const v = vec.k === 'ref' && vec.subs.length > 0 ? sc.index.vars.get(canonicalName(vec.name)) : undefined;
  if (!v || vec.k !== 'ref') return fail(sc, vec.pos, 'VECTOR LOOKUP expects a subscripted variable written with its first element, such as vec[s1]');
  const at = vec.subs.length - 1;
  const members = rangeAt(v, vec, at, sc);
  if (!members || members.length < 2) return fail(sc, vec.pos, `the last subscript of '${vec.name}' must be the first element of a range of at least two elements`);
  const ys: Expr[] = [];
  for (const m of members) {
    const name = instanceName(v, withSubs(vec, at, [m]), vec.pos, sc);
    if (name === undefined) return undefined;
    ys.push(varRef(name));
  }
  const a = translateAll(rest, sc);
  if (!a) return undefined;
  const mode = sc.index.constantValue(a[3]);
  if (!lookupModeOk(mode)) return fail(sc, rest[3].pos, `VECTOR LOOKUP has no mode ${mode} (0 to 9)`);
  return vectorLookup(ys, a[0], a[1], a[2], a[3]);
}
