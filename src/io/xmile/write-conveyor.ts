/**
 * Conveyors written as XMILE 1.0 conveyors (§4.2.1, §3.7.2), so that Stella opens them: a
 * stock whose outflows are all flows of one `conveyor(k, x, T, init, exp, s, h, f, a, b, i, …)`
 * (builtins/conveyor-node.ts), as readXmile makes them, is written as
 * `<stock>…<conveyor exponential_leak="…"><len>T</len><sample>s</sample><arrest>h</arrest></conveyor>`,
 * its outflow k = 0 with no equation (the conveyor drives it), and each leakage flow with its
 * leak fraction as `<eqn>`, `<leak/>`, `<leak_integers/>` for whole units and its zone as
 * `leak_start`/`leak_end` attributes. The header declares `<uses_conveyor/>` (§2.2.1).
 * Arrayed conveyors: write-conveyor-arrays.ts.
 * It must be the conveyor readXmile would build back: x the sum of the stock's inflows in
 * order, init its initial value, the leakage flows in the order of k. Any other use of
 * `conveyor()` is written as it is (`stockflow.conveyor(…)`, write-notes.ts).
 */
import type { Expr } from '../../expr/ast.js';
import { parseEquation } from '../../expr/parse.js';
import type { Model, Variable } from '../../model/types.js';
import { canonicalName } from './names.js';
import { formatNumber, printNative } from './print-native.js';

/** A conveyor stock's `<conveyor>`: native equation texts. */
export interface ConveyorStock { readonly len: string; readonly sample?: string; readonly arrest?: string; readonly exponential: boolean }
/** A leakage flow: its fraction (native text), zone and whole-unit flag. */
export interface LeakFlow { readonly fraction: string; readonly start: number; readonly end: number; readonly integers: boolean }

export interface ConveyorPlan {
  /** By stock name. */
  readonly stocks: ReadonlyMap<string, ConveyorStock>;
  /** Arrayed conveyors by the array's base name, as XMILE text (write-conveyor-arrays.ts). */
  readonly arrays: ReadonlyMap<string, ConveyorStock>;
  /** Outflows (k = 0), by name. */
  readonly outflows: ReadonlySet<string>;
  /** Leakage flows, by name. */
  readonly leaks: ReadonlyMap<string, LeakFlow>;
  /**
   * Inflows of arrested conveyors as requested: readXmile wrote `IF arrest THEN 0 ELSE request`
   * for them (conveyor.ts, limitInflows), which `<arrest>` says again when the file is read.
   */
  readonly requests: ReadonlyMap<string, string>;
}

const FIXED = 7;
const PER_LEAK = 4;

interface Call { readonly k: number; readonly args: readonly Expr[] }

/** The flow's equation as `conveyor(k, …)` with a constant k and well-formed arguments. */
function conveyorCall(f: Variable | undefined): Call | undefined {
  if (f?.kind !== 'flow' || f.gf) return undefined;
  const e = parseEquation(f.equation).expr;
  if (e?.kind !== 'call' || e.fn !== 'conveyor' || e.args.length < FIXED || (e.args.length - FIXED) % PER_LEAK !== 0) return undefined;
  const k = e.args[0];
  return k.kind === 'num' && Number.isInteger(k.value) ? { k: k.value, args: e.args } : undefined;
}

/** An expression's structure, without display names. */
const shape = (e: Expr | readonly (Expr | number)[]) => JSON.stringify(e, (key, value) => (key === 'name' ? undefined : value));

/** The terms of a left-associated sum, as the reader writes a conveyor's input. */
function terms(e: Expr): Expr[] {
  return e.kind === 'binary' && e.op === '+' ? [...terms(e.left), e.right] : [e];
}

/** Whether x is the sum of the inflows in order (0 with none). */
function isInflowSum(x: Expr, inflows: readonly string[]): boolean {
  if (!inflows.length) return x.kind === 'num' && x.value === 0;
  const t = terms(x);
  return t.length === inflows.length && t.every((r, i) => r.kind === 'ref' && r.id === canonicalName(inflows[i]));
}

const constant = (e: Expr) => (e.kind === 'num' ? e.value : undefined);

/** What one stock's conveyor writes: its `<conveyor>`, its outflow, its leakage flows and its inflows' requests. */
export interface StockConveyor {
  readonly stock: ConveyorStock;
  readonly outflow: string;
  readonly leaks: ReadonlyMap<string, LeakFlow>;
  readonly requests: ReadonlyMap<string, string>;
}

/** The conveyors of the model that XMILE can say; `arrayed` variables are left to write-conveyor-arrays.ts. */
export function planConveyors(model: Model, arrayed: (v: Variable) => boolean): ConveyorPlan {
  const flows = flowsByName(model);
  const stocks = new Map<string, ConveyorStock>();
  const outflows = new Set<string>();
  const leaks = new Map<string, LeakFlow>();
  const requests = new Map<string, string>();
  for (const s of model.variables) {
    if (s.kind !== 'stock' || arrayed(s)) continue;
    const c = stockConveyor(s, flows, arrayed);
    if (!c) continue;
    stocks.set(s.name, c.stock);
    outflows.add(c.outflow);
    for (const [n, l] of c.leaks) leaks.set(n, l);
    for (const [n, r] of c.requests) requests.set(n, r);
  }
  return { stocks, arrays: new Map(), outflows, leaks, requests };
}

export function flowsByName(model: Model): Map<string, Variable> {
  return new Map(model.variables.filter((v) => v.kind === 'flow').map((v) => [canonicalName(v.name), v]));
}

/**
 * A stock's conveyor, when every outflow is a flow of one `conveyor()` that readXmile would
 * build back from `<conveyor>`; `arrayed` tells which flows belong to arrays (only an arrayed
 * stock may have them).
 */
export function stockConveyor(s: Extract<Variable, { kind: 'stock' }>, flows: ReadonlyMap<string, Variable>, arrayed: (v: Variable) => boolean): StockConveyor | undefined {
  if (!s.outflows.length) return undefined;
  const owned = s.outflows.map((n) => flows.get(canonicalName(n)));
  const calls = owned.map((f) => (f && arrayed(f) === arrayed(s) ? conveyorCall(f) : undefined));
  if (calls.some((c) => !c)) return undefined;
  const [first, ...rest] = calls as Call[];
  const args = first.args;
  const n = (args.length - FIXED) / PER_LEAK;
  const ks = calls.map((c) => c!.k);
  if (rest.some((c) => shape(c.args.slice(1)) !== shape(args.slice(1)))) return undefined;
  if (ks.filter((k) => k === 0).length !== 1 || shape(ks.filter((k) => k !== 0)) !== shape(Array.from({ length: n }, (_, i) => i + 1))) return undefined;
  const initial = parseEquation(s.initial).expr;
  const [, x, len, init, exp, sample, arrest] = args;
  const zones = Array.from({ length: n }, (_, j) => args.slice(FIXED + PER_LEAK * j + 1, FIXED + PER_LEAK * (j + 1)).map(constant));
  if (!initial || shape(initial) !== shape(init) || !isInflowSum(x, s.inflows) || constant(exp) === undefined) return undefined;
  if (zones.some((z) => z.some((v) => v === undefined))) return undefined;
  const stock: ConveyorStock = {
    len: printNative(len), exponential: constant(exp) !== 0,
    ...(constant(sample) === 1 ? {} : { sample: printNative(sample) }),
    ...(constant(arrest) === 0 ? {} : { arrest: printNative(arrest) }),
  };
  const requests = new Map<string, string>();
  if (constant(arrest) !== 0) for (const name of s.inflows) unwrapArrest(flows.get(canonicalName(name)), arrest, requests);
  const leaks = new Map<string, LeakFlow>();
  let outflow = '';
  owned.forEach((f, i) => {
    const k = ks[i];
    if (k === 0) { outflow = f!.name; return; }
    const [start, end, integers] = zones[k - 1] as number[];
    leaks.set(f!.name, { fraction: printNative(args[FIXED + PER_LEAK * (k - 1)]), start, end, integers: integers !== 0 });
  });
  return { stock, outflow, leaks, requests };
}

/** An inflow `IF arrest THEN 0 ELSE request`, as its request. */
function unwrapArrest(f: Variable | undefined, arrest: Expr, requests: Map<string, string>): void {
  const e = f?.kind === 'flow' && !f.gf ? parseEquation(f.equation).expr : undefined;
  if (e?.kind === 'if' && shape(e.cond) === shape(arrest) && e.then.kind === 'num' && e.then.value === 0) requests.set(f!.name, printNative(e.else));
}

/** `<uses_conveyor/>` for the header options, when the model has conveyors. */
export function usesConveyor(plan: ConveyorPlan, pad: string): string[] {
  const all = [...plan.stocks.values(), ...plan.arrays.values()];
  if (!all.length) return [];
  const arrest = all.some((c) => c.arrest !== undefined);
  return [`${pad}<uses_conveyor${arrest ? ' arrest="true"' : ''}${plan.leaks.size ? ' leak="true"' : ''}/>`];
}

/** A stock's `<conveyor>` lines; `element(tag, native)` writes one equation element. */
export function conveyorElement(c: ConveyorStock | undefined, pad: string, element: (tag: string, native: string) => string): string[] {
  if (!c) return [];
  return [
    `${pad}<conveyor${c.exponential ? ' exponential_leak="true"' : ''}>`,
    element('len', c.len),
    ...(c.sample !== undefined ? [element('sample', c.sample)] : []),
    ...(c.arrest !== undefined ? [element('arrest', c.arrest)] : []),
    `${pad}</conveyor>`,
  ];
}

/**
 * A conveyor's outflow (no equation: the conveyor drives it) or leakage flow (its fraction as
 * `<eqn>`, its markers, its zone as attributes, defaults 0 and 1 left out); undefined for
 * other flows. `xmlName` is the name escaped for an attribute, `tail` the units and doc lines,
 * `eqn(native)` writes the `<eqn>` line.
 */
export function conveyorFlow(plan: ConveyorPlan, name: string, xmlName: string, pad: string, tail: readonly string[], eqn: (native: string) => string): string[] | undefined {
  const open = `${pad}<flow name="${xmlName}"`;
  if (plan.outflows.has(name)) return tail.length ? [`${open}>`, ...tail, `${pad}</flow>`] : [`${open}/>`];
  const l = plan.leaks.get(name);
  if (!l) return undefined;
  return [`${open}${zoneAttrs(l)}>`, eqn(l.fraction), ...leakMarks(l, pad), ...tail, `${pad}</flow>`];
}

/** A leakage flow's zone as `<flow>` attributes, defaults 0 and 1 left out. */
export function zoneAttrs(l: LeakFlow): string {
  return `${l.start !== 0 ? ` leak_start="${formatNumber(l.start)}"` : ''}${l.end !== 1 ? ` leak_end="${formatNumber(l.end)}"` : ''}`;
}

/** `<leak/>`, and `<leak_integers/>` for whole units. */
export function leakMarks(l: LeakFlow, pad: string): string[] {
  return [`${pad}  <leak/>`, ...(l.integers ? [`${pad}  <leak_integers/>`] : [])];
}

