/**
 * Conveyors (XMILE 1.0 §4.2.1 "Conveyor Options"; Stella "conveyor"): a stock whose contents ride
 * for a transit time `<len>` and leave through its one outflow exactly that long after they
 * entered. stockflow reads the plain conveyor: the outflow becomes a pipeline delay of the
 * inflows, `delay_fixed(inflows, len, initial / len)` (builtins/stateful.ts), so the initial
 * contents leave evenly over the first transit time, as Stella spreads them over the
 * slats. The transit time must be constant. Leakage, capacity, inflow limits, sampling,
 * arrest, discrete conveyors and a varying transit time change that arithmetic and are
 * refused with a located diagnostic rather than approximated.
 */
import { error, type Diagnostic } from '../../core/diagnostics.js';
import { bin, call, ref, type Expr } from '../../expr/ast.js';
import type { Variable } from '../../model/types.js';
import { foldConstant } from '../../builtins/fold.js';
import { canonicalName } from './names.js';
import { printNative } from './print-native.js';
import type { RawEqn } from './vars.js';
import { attr, kid, locOf, textOf, type XmlDoc, type XNode } from './xml.js';

export interface ConveyorSpec {
  /** The transit time equation. */
  readonly len: RawEqn;
}

/** `<conveyor>` options other than `<len>` (§4.2.1), each of which changes what leaves and when. */
const REFUSED: Readonly<Record<string, string>> = {
  capacity: 'a conveyor capacity', in_limit: 'a conveyor inflow limit', sample: 'conveyor sampling', arrest: 'an arrested conveyor',
};
/** Boolean attributes of `<conveyor>` that change the arithmetic when true. */
const REFUSED_FLAGS: Readonly<Record<string, string>> = {
  discrete: 'a discrete conveyor', batch_integrity: 'conveyor batch integrity', exponential_leak: 'exponential conveyor leakage',
};

/** Reads a stock's `<conveyor>`; undefined (with diagnostics) when it cannot be run faithfully. */
export function readConveyor(doc: XmlDoc, node: XNode, variable: string, diags: Diagnostic[]): ConveyorSpec | undefined {
  let ok = true;
  for (const c of node.children) {
    const what = c.prefix === '' ? REFUSED[c.local] : undefined;
    if (what) { diags.push(error('unsupported-construct', `${what} is not supported; stockflow runs plain conveyors (transit time only)`, { ...locOf(doc, c), variable })); ok = false; }
  }
  for (const [flag, what] of Object.entries(REFUSED_FLAGS)) {
    if (attr(node, flag)?.trim().toLowerCase() === 'true') {
      diags.push(error('unsupported-construct', `${what} is not supported; stockflow runs plain conveyors (transit time only)`, { ...locOf(doc, node), variable }));
      ok = false;
    }
  }
  const len = kid(node, 'len');
  if (!len) {
    diags.push(error('invalid-conveyor', 'the conveyor has no <len> (transit time)', { ...locOf(doc, node), variable, hint: 'add <len>transit time</len>' }));
    return undefined;
  }
  return ok ? { len: { src: textOf(doc, len), node: len } } : undefined;
}

/** A conveyor's outflow: its inflows delayed by the transit time, the initial contents leaving evenly first. */
export function conveyorOutflow(inflows: readonly string[], initial: Expr, len: Expr): Expr {
  const input = inflows.map((n) => ref(canonicalName(n), n)).reduce<Expr | undefined>((a, r) => (a ? bin('+', a, r) : r), undefined) ?? { kind: 'num', value: 0 };
  return call('delay_fixed', input, len, bin('/', initial, len));
}

/** A conveyor outflow to be: its equation, and where its stock is (for diagnostics). */
export interface PendingOutflow { readonly equation: Expr; readonly len: Expr; readonly stock: string; readonly where: Partial<Diagnostic> }

/**
 * Sets the equations of conveyor outflows, computed while their stocks were emitted. A
 * transit time that can change during the run is refused: XMILE keeps each batch on the
 * conveyor for the transit time it entered with (§4.2.1), which a fixed delay cannot do.
 */
export function applyConveyorOutflows(vars: Variable[], outflows: ReadonlyMap<string, PendingOutflow>, diags: Diagnostic[]): Variable[] {
  const byId = new Map(vars.map((v) => [v.id, v]));
  for (const o of outflows.values()) {
    if (foldConstant(o.len, byId) === undefined) {
      diags.push(error('unsupported-construct', `the transit time of conveyor '${o.stock}' can change during the run; stockflow runs conveyors with a constant transit time`, {
        ...o.where, variable: o.stock, hint: 'make <len> a number or an expression of constants',
      }));
    }
  }
  return vars.map((v) => {
    const o = outflows.get(v.name);
    return o && v.kind === 'flow' ? { ...v, equation: printNative(o.equation), gf: undefined, nonNegative: undefined } : v;
  });
}
