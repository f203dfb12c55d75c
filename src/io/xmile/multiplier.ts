/**
 * The unit conversion multiplier of a flow (XMILE 1.0 §4.3, `<multiplier>`): the flow
 * takes its value from the upstream stock and gives value × multiplier to the downstream
 * stock. The downstream side becomes its own flow, `<flow> × multiplier`, which the
 * downstream stock lists instead of the flow; it reads the flow's value, so a flow cut by a
 * non-negative upstream stock arrives cut.
 */
import { bin, ref, type Expr } from '../../expr/ast.js';
import type { Variable } from '../../model/types.js';
import { canonicalName } from './names.js';
import { printNative } from './print-native.js';

/** The downstream flow of flow element `name` with multiplier `m`. */
export function multipliedFlow(name: string, m: Expr, base: object): Variable {
  const derived = `${name} multiplied`;
  return { ...base, kind: 'flow', name: derived, id: canonicalName(derived), equation: printNative(bin('*', ref(canonicalName(name), name), m)) };
}

/** Stocks list the downstream flow of a multiplied inflow instead of the flow itself. */
export function applyMultipliers(vars: Variable[], downstream: ReadonlyMap<string, string>): Variable[] {
  if (!downstream.size) return vars;
  return vars.map((v) => (v.kind === 'stock' ? { ...v, inflows: v.inflows.map((f) => downstream.get(f) ?? f) } : v));
}
