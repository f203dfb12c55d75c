/**
 * Conveyors (XMILE 1.0 §4.2.1 "Conveyor Options"; Stella "conveyor"): a stock whose contents
 * ride for a transit time `<len>` and leave through its one outflow when their transit is
 * over, less what its leakage flows (`<leak/>`, each flow's equation its leak fraction) take
 * on the way, linearly or, with `exponential_leak="true"`, exponentially, in the zone
 * `<leak_start>`..`<leak_end>`, in whole units with `<leak_integers/>`. Each flow becomes
 * `conveyor(k, inflows, len, initial, exponential, leaks…)`, a belt of batches kept by the
 * engine (builtins/conveyor.ts states each rule and the document it comes from): a batch keeps
 * the transit time it entered with, so the transit time and the leak fractions may change
 * during the run. `<sample>` says when the transit time is taken for entering batches,
 * `<arrest>` stops the belt, and `<capacity>`, `<in_limit>` and `<arrest>` limit the inflows
 * (limitInflows). Discrete conveyors and batch integrity are refused with a located
 * diagnostic, as are these options on a conveyor inside a macro.
 */
import { error, warning, type Diagnostic } from '../../core/diagnostics.js';
import { bin, call, num, ref, type Expr } from '../../expr/ast.js';
import type { Variable } from '../../model/types.js';
import { foldConstant } from '../../builtins/fold.js';
import { parseEquation } from '../../expr/parse.js';
import { canonicalName } from './names.js';
import { printNative } from './print-native.js';
import type { RawEqn, RawVar } from './vars.js';
import { attr, kid, locOf, textOf, type XmlDoc, type XNode } from './xml.js';

export interface ConveyorSpec {
  /** The transit time equation. */
  readonly len: RawEqn;
  /** Where leakage starts and ends along the belt, fractions of its length (default 0 and 1). */
  readonly leakStart: number;
  readonly leakEnd: number;
  /** `exponential_leak="true"`: leak fractions are per time unit, of what the zone holds. */
  readonly exponential: boolean;
  /** `<capacity>`, `<in_limit>`, `<sample>`, `<arrest>` equations, where given. */
  readonly options: Partial<Record<ConveyorOption, RawEqn>>;
}

/** The `<conveyor>` options that are equations besides `<len>` (§4.2.1). */
export const CONVEYOR_OPTIONS = ['capacity', 'in_limit', 'sample', 'arrest'] as const;
export type ConveyorOption = typeof CONVEYOR_OPTIONS[number];
/** The children of `<conveyor>` that are read; others are warned about as ignored. */
const CONVEYOR_CHILDREN: ReadonlySet<string> = new Set(['len', 'leak_start', 'leak_end', ...CONVEYOR_OPTIONS]);

/** Boolean attributes of `<conveyor>` that change the arithmetic when true. */
const REFUSED_FLAGS: Readonly<Record<string, string>> = {
  discrete: 'a discrete conveyor', batch_integrity: 'conveyor batch integrity',
};

/** Reads a stock's `<conveyor>`; undefined (with diagnostics) when it cannot be run faithfully. */
export function readConveyor(doc: XmlDoc, node: XNode, variable: string, diags: Diagnostic[]): ConveyorSpec | undefined {
  let ok = true;
  const options: Partial<Record<ConveyorOption, RawEqn>> = {};
  for (const o of CONVEYOR_OPTIONS) {
    const n = kid(node, o);
    if (n) options[o] = { src: textOf(doc, n), node: n };
  }
  for (const [flag, what] of Object.entries(REFUSED_FLAGS)) {
    if (attr(node, flag)?.trim().toLowerCase() === 'true') {
      diags.push(error('unsupported-construct', `${what} is not supported; stockflow runs continuous conveyors`, { ...locOf(doc, node), variable, hint: 'remove the attribute to run the conveyor as a continuous stream' }));
      ok = false;
    }
  }
  for (const c of node.children) {
    if (c.prefix === '' && !CONVEYOR_CHILDREN.has(c.local)) {
      diags.push(warning('ignored-element', `<${c.tag}> in the conveyor of '${variable}' is not understood and is ignored`, { ...locOf(doc, c), variable, hint: 'whole-unit leakage is <leak_integers/> on the leakage flow; the conveyor reads <len>, <leak_start>, <leak_end>, <capacity>, <in_limit>, <sample> and <arrest>' }));
    }
  }
  const len = kid(node, 'len');
  if (!len) {
    diags.push(error('invalid-conveyor', 'the conveyor has no <len> (transit time)', { ...locOf(doc, node), variable, hint: 'add <len>transit time</len>' }));
    return undefined;
  }
  const zone = leakZone(doc, node, variable, diags);
  const exponential = attr(node, 'exponential_leak')?.trim().toLowerCase() === 'true';
  return ok && zone ? { len: { src: textOf(doc, len), node: len }, ...zone, exponential, options } : undefined;
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

/** A leakage flow's zone (fractions of the length) and whether it leaks whole units. */
export interface LeakRule { readonly start: number; readonly end: number; readonly integers: boolean }

/**
 * A leakage flow's rule: its zone from its own `leak_start`/`leak_end` attributes (XMILE 1.0
 * §4.2.1 puts them on the flow), else the conveyor's `<leak_start>`/`<leak_end>`; undefined
 * (with a located error) for a zone that is not 0 ≤ start < end ≤ 1.
 */
export function leakRule(doc: XmlDoc, flow: RawVar, conveyor: ConveyorSpec, diags: Diagnostic[]): LeakRule | undefined {
  const read = (text: string | undefined, dflt: number) => (text === undefined ? dflt : Number(text.trim()));
  const start = read(flow.leakZone?.start, conveyor.leakStart);
  const end = read(flow.leakZone?.end, conveyor.leakEnd);
  if (!(start >= 0 && start < end && end <= 1)) {
    diags.push(error('invalid-conveyor', `the leak zone of '${flow.name}' is ${start}..${end}; it must satisfy 0 ≤ leak_start < leak_end ≤ 1`, { ...locOf(doc, flow.node), variable: flow.name, hint: 'give leak_start and leak_end as fractions of the conveyor length, e.g. leak_start="0" leak_end="0.5"' }));
    return undefined;
  }
  return { start, end, integers: !!flow.leakIntegers };
}

/** A conveyor's leakage flow: its name, the leak zone (fractions of the length), whole units or not. */
export interface PendingLeak { readonly flow: string; readonly start: number; readonly end: number; readonly integers: boolean }

/** A conveyor to be: what enters, its initial contents and transit time, its flows, where it is (for diagnostics). */
export interface PendingConveyor {
  readonly inflows: readonly string[];
  readonly initial: Expr;
  readonly len: Expr;
  readonly exponential: boolean;
  /** The translated `<capacity>`, `<in_limit>`, `<sample>`, `<arrest>`, where given. */
  readonly options?: Partial<Record<ConveyorOption, Expr>>;
  readonly outflow: string;
  readonly leaks: readonly PendingLeak[];
  readonly stock: string;
  readonly where: Partial<Diagnostic>;
}

/**
 * Sets the equations of conveyor outflows and leakage flows, computed while their stocks
 * were emitted; `fractions` holds each leakage flow's own equation, its leak fraction. Flow k
 * of a conveyor (0 its outflow, k its k-th leakage flow) is
 * `conveyor(k, inflows, len, initial, exponential, sample, arrest, f1, start1, end1, integers1, …)`.
 * Inflows are limited where the conveyor says so (limitInflows). Constant linear leak
 * fractions that add up to more than 1 (more leaking than enters) and a constant transit time
 * that is not positive are errors (one that varies is checked as the run takes it).
 */
export function applyConveyors(vars: Variable[], conveyors: readonly PendingConveyor[], fractions: ReadonlyMap<string, Expr>, diags: Diagnostic[]): Variable[] {
  const byId = new Map(vars.map((v) => [v.id, v]));
  const equations = new Map<string, Expr>();
  for (const c of conveyors) {
    const input = sum(c.inflows.map((n) => ref(canonicalName(n), n)));
    const leakArgs = c.leaks.flatMap((l) => [fractions.get(l.flow) ?? num(0), num(l.start), num(l.end), num(l.integers ? 1 : 0)]);
    const { sample = num(1), arrest = num(0) } = c.options ?? {};
    const flow = (k: number) => call('conveyor', num(k), input, c.len, c.initial, num(c.exponential ? 1 : 0), sample, arrest, ...leakArgs);
    equations.set(c.outflow, flow(0));
    c.leaks.forEach((l, k) => equations.set(l.flow, flow(k + 1)));
    const len = foldConstant(c.len, byId);
    if (len !== undefined && !(len > 0)) {
      diags.push(error('invalid-conveyor', `conveyor '${c.stock}': its transit time <len> is ${len}; a batch needs a positive transit time`, { ...c.where, variable: c.stock, hint: 'give <len> a positive value; a transit time shorter than DT is one DT' }));
    }
    const total = c.leaks.reduce((acc, l) => acc + (foldConstant(fractions.get(l.flow) ?? num(0), byId) ?? 0), 0);
    if (!c.exponential && total > 1 + 1e-12) {
      diags.push(error('invalid-conveyor', `conveyor '${c.stock}': its leak fractions add up to ${+total.toPrecision(12)}, more than all that enters`, { ...c.where, variable: c.stock, hint: 'make the leak fractions add up to at most 1' }));
    }
  }
  const limited = new Map<string, Expr>();
  for (const c of conveyors) limitInflows(c, byId, equations, limited, diags);
  return vars.map((v) => {
    const e = equations.get(v.name);
    if (e && v.kind === 'flow') return { ...v, equation: printNative(e), gf: undefined, nonNegative: undefined };
    const admitted = limited.get(v.name);
    return admitted && v.kind === 'flow' ? { ...v, equation: printNative(admitted) } : v;
  });
}

const sum = (terms: readonly Expr[]): Expr => terms.reduce<Expr | undefined>((a, r) => (a ? bin('+', a, r) : r), undefined) ?? num(0);
const max0 = (e: Expr) => call('max', num(0), e);

/**
 * A conveyor's capacity, inflow limit and arrest act on its inflows (XMILE 1.0 §4.2.1; isee,
 * Conveyor help): with a capacity C the inflow is at most (C − conveyor)/DT + outflow, with an
 * inflow limit L at most L a time unit, and none while the conveyor is arrested. Inflows that
 * other conveyors release cannot be held back (isee: "the conveyor itself determines the value
 * of the outflow"), so they are counted first; the others are served in the order written,
 * each `min(max(0, request), max(0, what is left))`, and what is not taken stays upstream.
 */
function limitInflows(c: PendingConveyor, byId: ReadonlyMap<string, Variable>, equations: ReadonlyMap<string, Expr>, limited: Map<string, Expr>, diags: Diagnostic[]): void {
  const { capacity, in_limit: limit, arrest } = c.options ?? {};
  if (!capacity && !limit && !arrest) return;
  const stock = ref(canonicalName(c.stock), c.stock);
  const bounds = [
    ...(capacity ? [bin('+', bin('/', bin('-', capacity, stock), ref('dt', 'dt')), ref(canonicalName(c.outflow), c.outflow))] : []),
    ...(limit ? [limit] : []),
  ];
  const driven = c.inflows.filter((n) => equations.has(n));
  let room: Expr | undefined = bounds.length ? bin('-', bounds.length > 1 ? call('min', ...bounds) : bounds[0], sum(driven.map((n) => ref(canonicalName(n), n)))) : undefined;
  for (const name of c.inflows.filter((n) => !equations.has(n))) {
    const v = byId.get(canonicalName(name));
    const parsed = v?.kind === 'flow' && !v.gf ? parseEquation(v.equation).expr : undefined;
    if (!parsed) {
      diags.push(error('unsupported-construct', `conveyor '${c.stock}': its inflow '${name}' cannot be limited (it has a graphical function or no equation)`, { ...c.where, variable: c.stock, hint: 'give the inflow a plain equation, or remove <capacity>, <in_limit> and <arrest>' }));
      continue;
    }
    let admitted: Expr = room ? call('min', max0(parsed), max0(room)) : parsed;
    if (arrest) admitted = { kind: 'if', cond: arrest, then: num(0), else: admitted };
    limited.set(name, admitted);
    if (room) room = bin('-', room, ref(canonicalName(name), name));
  }
}
