/**
 * Conveyors (XMILE 1.0 §4.2.1 "Conveyor Options"; Stella "conveyor"): a stock whose contents ride
 * for a transit time `<len>` and leave through its one outflow exactly that long after they
 * entered. The outflow becomes a pipeline delay of the inflows, `delay_fixed(inflows, len,
 * initial / len)` (builtins/stateful.ts), so the initial contents leave evenly over the first
 * transit time, as Stella spreads them over the slats. Leakage flows (`<leak/>`, their
 * equation the leak fraction) take linear leakage in the zone `<leak_start>`..`<leak_end>`
 * (builtins/conveyor-leak.ts), and the outflow is what is left. The transit time and leak
 * fractions must be constant. Exponential or whole-unit leakage, leakage from initial
 * contents, capacity, inflow limits, sampling, arrest, discrete conveyors and a varying
 * transit time change that arithmetic and are refused with a located diagnostic rather than
 * approximated.
 */
import { error, type Diagnostic } from '../../core/diagnostics.js';
import { bin, call, num, ref, type Expr } from '../../expr/ast.js';
import type { Variable } from '../../model/types.js';
import { foldConstant } from '../../builtins/fold.js';
import { canonicalName } from './names.js';
import { printNative } from './print-native.js';
import type { RawEqn } from './vars.js';
import { attr, kid, locOf, textOf, type XmlDoc, type XNode } from './xml.js';

export interface ConveyorSpec {
  /** The transit time equation. */
  readonly len: RawEqn;
  /** Where leakage starts and ends along the belt, fractions of its length (default 0 and 1). */
  readonly leakStart: number;
  readonly leakEnd: number;
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
    if (what) { diags.push(error('unsupported-construct', `${what} is not supported; stockflow runs conveyors with a transit time and linear leakage`, { ...locOf(doc, c), variable })); ok = false; }
  }
  for (const [flag, what] of Object.entries(REFUSED_FLAGS)) {
    if (attr(node, flag)?.trim().toLowerCase() === 'true') {
      diags.push(error('unsupported-construct', `${what} is not supported; stockflow runs conveyors with a transit time and linear leakage`, { ...locOf(doc, node), variable }));
      ok = false;
    }
  }
  const len = kid(node, 'len');
  if (!len) {
    diags.push(error('invalid-conveyor', 'the conveyor has no <len> (transit time)', { ...locOf(doc, node), variable, hint: 'add <len>transit time</len>' }));
    return undefined;
  }
  const zone = leakZone(doc, node, variable, diags);
  return ok && zone ? { len: { src: textOf(doc, len), node: len }, ...zone } : undefined;
}

/** `<leak_start>` / `<leak_end>`: numbers with 0 ≤ start < end ≤ 1. */
function leakZone(doc: XmlDoc, node: XNode, variable: string, diags: Diagnostic[]): { leakStart: number; leakEnd: number } | undefined {
  const read = (tag: string, dflt: number): number | undefined => {
    const n = kid(node, tag);
    if (!n) return dflt;
    const v = Number(textOf(doc, n).text.trim());
    return Number.isFinite(v) ? v : undefined;
  };
  const leakStart = read('leak_start', 0);
  const leakEnd = read('leak_end', 1);
  if (leakStart === undefined || leakEnd === undefined || !(leakStart >= 0 && leakStart < leakEnd && leakEnd <= 1)) {
    diags.push(error('invalid-conveyor', 'the leak zone must be numbers with 0 ≤ <leak_start> < <leak_end> ≤ 1', { ...locOf(doc, node), variable, hint: 'give fractions of the conveyor length, e.g. <leak_start>0</leak_start><leak_end>1</leak_end>' }));
    return undefined;
  }
  return { leakStart, leakEnd };
}

/** The run's clock settings, constant during a run (values stand in: only constancy is asked). */
const RUN_CONSTANTS: ReadonlyMap<string, number> = new Map([['dt', 1], ['starttime', 0], ['stoptime', 1], ['saveper', 1]]);

/** A conveyor's leakage flow: its name and the leak zone (fractions of the length). */
export interface PendingLeak { readonly flow: string; readonly start: number; readonly end: number }

/** A conveyor to be: what enters, its initial contents and transit time, its flows, where it is (for diagnostics). */
export interface PendingConveyor {
  readonly inflows: readonly string[];
  readonly initial: Expr;
  readonly len: Expr;
  readonly outflow: string;
  readonly leaks: readonly PendingLeak[];
  readonly stock: string;
  readonly where: Partial<Diagnostic>;
}

/**
 * Sets the equations of conveyor outflows and leakage flows, computed while their stocks
 * were emitted; `fractions` holds each leakage flow's own equation, its leak fraction. The
 * outflow is the inflows delayed by the transit time, less what leaked on the way:
 * `delay_fixed(inflows, len, initial / len) · (1 − Σ fractions)`; each leakage flow is
 * `conveyor_leak(inflows, len, fraction, start, end)` (builtins/conveyor-leak.ts). A transit
 * time that can change during the run is refused: XMILE keeps each batch on the conveyor for
 * the transit time it entered with (§4.2.1), which a fixed delay cannot do. So are leak
 * fractions that change or add up to more than 1, and leakage from initial contents.
 */
export function applyConveyors(vars: Variable[], conveyors: readonly PendingConveyor[], fractions: ReadonlyMap<string, Expr>, diags: Diagnostic[]): Variable[] {
  const byId = new Map(vars.map((v) => [v.id, v]));
  const equations = new Map<string, Expr>();
  for (const c of conveyors) {
    const refuse = (what: string, hint: string) => diags.push(error('unsupported-construct', `conveyor '${c.stock}': ${what}`, { ...c.where, variable: c.stock, hint }));
    if (foldConstant(c.len, byId, RUN_CONSTANTS) === undefined) refuse('its transit time can change during the run; stockflow runs conveyors with a constant transit time', 'make <len> a number or an expression of constants');
    const input = c.inflows.map((n) => ref(canonicalName(n), n)).reduce<Expr | undefined>((a, r) => (a ? bin('+', a, r) : r), undefined) ?? num(0);
    let outflow = call('delay_fixed', input, c.len, bin('/', c.initial, c.len));
    if (c.leaks.length) {
      if (foldConstant(c.initial, byId) !== 0) refuse('leakage from initial contents is not supported', 'start the conveyor empty (initial value 0)');
      let total = 0;
      let kept: Expr = num(1);
      for (const l of c.leaks) {
        const f = fractions.get(l.flow) ?? num(0);
        const value = foldConstant(f, byId);
        if (value === undefined) refuse(`the leak fraction of '${l.flow}' can change during the run; stockflow runs constant leak fractions`, 'make the leakage flow\'s equation a number or an expression of constants');
        total += value ?? 0;
        kept = bin('-', kept, f);
        equations.set(l.flow, call('conveyor_leak', input, c.len, f, num(l.start), num(l.end)));
      }
      if (total > 1 + 1e-12) refuse(`its leak fractions add up to ${+total.toPrecision(12)}, more than all that enters`, 'make the leak fractions add up to at most 1');
      outflow = bin('*', outflow, kept);
    }
    equations.set(c.outflow, outflow);
  }
  return vars.map((v) => {
    const e = equations.get(v.name);
    return e && v.kind === 'flow' ? { ...v, equation: printNative(e), gf: undefined, nonNegative: undefined } : v;
  });
}
