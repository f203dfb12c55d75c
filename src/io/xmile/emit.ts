/**
 * Turns the flattened XMILE variables into the engine's variables, expanding arrays into
 * one scalar variable per element (`base[e1,e2]`, XMILE 1.0 §3.7.1). A stock's inflows and
 * outflows refer to the same element of arrayed flows (§4.1.1); an auxiliary whose
 * equation is a plain number becomes a Constant; graphical functions called by name
 * become Lookups; module inputs bound by `<connect>` refer to their source; a conveyor's
 * outflow is its inflows delayed by the transit time (conveyor.ts).
 */
import { error, type Diagnostic } from '../../core/diagnostics.js';
import { ref, type Expr } from '../../expr/ast.js';
import type { LookupTable, Variable } from '../../model/types.js';
import { elementName, tuples } from './dims.js';
import { applyConveyors, leakRule, type ConveyorOption, type LeakRule, type PendingConveyor } from './conveyor.js';
import { applyMultipliers, multipliedFlow } from './multiplier.js';
import type { Equations, Where } from './equations.js';
import { readGf } from './gf.js';
import type { Flattened, InstVar } from './instance.js';
import { canonicalName, unquote } from './names.js';
import { printNative } from './print-native.js';
import { resolveVar, type Ctx, type TranslateEnv, type VarInfo } from './scope.js';
import { elementRef, translate } from './translate.js';
import { initEquationOf, startValue } from './init.js';
import type { RawEqn, RawVar } from './vars.js';
import { locOf, type XmlDoc } from './xml.js';

export function emitVariables(doc: XmlDoc, flat: Flattened, eqns: Equations, diags: Diagnostic[], skip: ReadonlySet<InstVar>): Variable[] {
  const out: Variable[] = [];
  const state: EmitState = { ...conveyorFlows(doc, flat, diags), conveyors: [], leakFractions: new Map(), downstream: new Map() };
  for (const iv of flat.vars) {
    if (!skip.has(iv)) out.push(...emitOne(doc, iv, flat, eqns, diags, state));
  }
  const fractions = new Map([...state.leakFractions, ...eqns.leakFractions]);
  const all = applyConveyors([...out, ...eqns.defined], [...state.conveyors, ...eqns.conveyors], fractions, diags);
  return [...applyMultipliers(all.slice(0, out.length), state.downstream), ...all.slice(out.length)];
}

/** What the variables of one element need from others', settled after all are emitted. */
interface EmitState {
  /** Conveyor outflows: their equations come from their stock. */
  readonly conveyorFlows: ReadonlySet<VarInfo>;
  /** Leakage flows of conveyors (their own equation is the leak fraction): zone and whole units. */
  readonly leakFlows: ReadonlyMap<VarInfo, LeakRule>;
  /** Conveyor stock elements, whose flows' equations are set once all are emitted (conveyor.ts). */
  readonly conveyors: PendingConveyor[];
  /** Per leakage flow element, its leak fraction. */
  readonly leakFractions: Map<string, Expr>;
  /** Per flow element with a unit conversion multiplier, its downstream flow (multiplier.ts). */
  readonly downstream: Map<string, string>;
}

function conveyorFlows(doc: XmlDoc, flat: Flattened, diags: Diagnostic[]): { conveyorFlows: Set<VarInfo>; leakFlows: Map<VarInfo, LeakRule> } {
  const flows = new Set<VarInfo>();
  const leakFlows = new Map<VarInfo, LeakRule>();
  const rawOf = new Map(flat.vars.map((v) => [v.info, v.raw] as const));
  for (const { raw, scope } of flat.vars) {
    if (!raw.conveyor) continue;
    const resolved = raw.outflows.map((o) => resolveVar(scope, unquote(o.name)));
    const plain = resolved.filter((f) => !(f && rawOf.get(f)?.leak));
    if (plain.length !== 1) {
      diags.push(error('invalid-conveyor', `conveyor '${raw.name}' has ${plain.length} outflows besides its leakage flows; a conveyor has exactly one`, { ...locOf(doc, raw.node), variable: raw.name, hint: 'mark the other outflows as leakage with <leak/>' }));
      continue;
    }
    if (plain[0]) flows.add(plain[0]);
    for (const f of resolved) {
      const flow = f && rawOf.get(f);
      const rule = flow && flow.leak ? leakRule(doc, flow, raw.conveyor, diags) : undefined;
      if (rule) leakFlows.set(f!, rule);
    }
  }
  return { conveyorFlows: flows, leakFlows };
}

function emitOne(doc: XmlDoc, iv: InstVar, flat: Flattened, eqns: Equations, diags: Diagnostic[], state: EmitState): Variable[] {
  const { raw, info } = iv;
  const all = tuples(raw.dims);
  const origin = { file: doc.file, ...locOf(doc, raw.node) };
  const base = { ...(raw.units ? { units: raw.units } : {}), ...(raw.doc ? { doc: raw.doc } : {}), ...(raw.partOf ? { partOf: `${iv.scope.prefix}${raw.partOf}` } : {}), origin };
  const out: Variable[] = [];
  const field: Where['field'] = raw.kind === 'stock' ? 'initial' : 'equation';
  for (let k = 0; k < all.length; k++) {
    const t = all[k];
    const name = elementName(info.name, raw.dims, t);
    const id = canonicalName(name);
    const el = raw.elements.find((e) => e.tuple.every((v, j) => v === t[j]));
    const gfNode = el?.gf ?? raw.gf;
    if (info.lookup) {
      // Called by name: a lookup; one with its own input is also the variable (prepare.ts).
      const lookupName = info.table ? elementName(info.table, raw.dims, t) : name;
      // Problems with the points are reported once, where the variable itself is read.
      const table = gfNode ? readGf(doc, gfNode, info.table ? [] : diags, name) : undefined;
      if (!gfNode) diags.push(error('not-a-function', `'${name}' is called as a function but has no graphical function`, { ...origin, variable: name }));
      if (table) out.push({ kind: 'lookup', name: lookupName, id: canonicalName(lookupName), table, ...base });
      if (!info.table) continue;
    }
    if (state.conveyorFlows.has(info)) {
      // Computed from its conveyor when the stock is emitted (conveyor.ts).
      out.push({ kind: 'flow', name, id, equation: '0', ...base });
      continue;
    }
    const bind = new Map(raw.dims.map((d, j) => [d.id, t[j]] as const));
    const where: Where = { variable: name, field };
    const source = flat.inputs.get(info);
    let expr: Expr | undefined;
    let ctx: Ctx | undefined;
    if (source) {
      expr = elementRef(source, undefined, { env: noEnv(diags, origin, name), scope: iv.scope, bind }, 0);
    } else {
      const eqn = el?.eqn ?? raw.eqn;
      if (!eqn || eqn.src.text.trim() === '') {
        diags.push(error('missing-equation', `'${name}' has no equation`, { ...origin, variable: name, field, hint: 'add an <eqn>' }));
        continue;
      }
      const useList = !el && raw.elements.length === 0 && all.length > 1;
      const parsed = eqns.parse(eqn, where, useList ? all.length : 1);
      if (!parsed) continue;
      const tree = parsed.length > 1 ? parsed[k]! : parsed[0]!;
      ctx = { env: eqns.env(eqn, where), scope: iv.scope, bind, self: ref(id, name), selfCount: all.length, selfDims: raw.dims, ...(field === 'initial' ? { initial: true } : {}) };
      expr = translate(tree, ctx);
      const initEqn = initEquationOf(iv, t);
      if (expr && initEqn) expr = startValue(expr, initEqn, eqns, ctx, where);
      if (expr && raw.multiplier) {
        const tree = eqns.parse(raw.multiplier, where)?.[0];
        const m = tree && translate(tree, { ...ctx, env: eqns.env(raw.multiplier, where) });
        if (m) {
          const downstream = multipliedFlow(name, m, base);
          out.push(downstream);
          state.downstream.set(name, downstream.name);
        }
      }
    }
    if (!expr) continue;
    const gf = gfNode ? readGf(doc, gfNode, diags, name) : undefined;
    if (gfNode && !gf) continue;
    // A connected module input (Stella also uses ghost stocks) is an alias of its source.
    const v = source ? { kind: 'aux' as const, name, id, equation: printNative(expr), ...base } : variable(doc, raw, name, id, expr, gf, t, iv, base, diags);
    if (v) out.push(v);
    if (state.leakFlows.has(info)) state.leakFractions.set(name, expr);
    if (v?.kind === 'stock' && raw.conveyor && ctx) pendConveyor(v, raw, iv, expr, eqns, ctx, where, origin, state);
  }
  return out;
}

/** Records a conveyor stock element, whose outflow and leakage flows are set at the end. */
function pendConveyor(v: { name: string; inflows: readonly string[]; outflows: readonly string[] }, raw: RawVar, iv: InstVar, initial: Expr,
  eqns: Equations, ctx: Ctx, where: Where, origin: Partial<Diagnostic>, state: EmitState): void {
  const spec = raw.conveyor!;
  if (v.outflows.length !== raw.outflows.length) return;
  const flowInfo = raw.outflows.map((o) => resolveVar(iv.scope, unquote(o.name)));
  const isLeak = flowInfo.map((f) => !!f && state.leakFlows.has(f));
  const outflow = v.outflows.find((_, k) => !isLeak[k]);
  const len = eqns.parse(spec.len, where)?.[0];
  const lenExpr = len && translate(len, { ...ctx, env: eqns.env(spec.len, where) });
  if (!lenExpr || outflow === undefined) return;
  const leaks = v.outflows.flatMap((flow, k) => (isLeak[k] ? [{ flow, ...state.leakFlows.get(flowInfo[k]!)! }] : []));
  const options: Partial<Record<ConveyorOption, Expr>> = {};
  for (const [o, raw] of Object.entries(spec.options) as [ConveyorOption, RawEqn][]) {
    const parsed = eqns.parse(raw, where)?.[0];
    const e = parsed && translate(parsed, { ...ctx, env: eqns.env(raw, where) });
    if (!e) return;
    options[o] = e;
  }
  state.conveyors.push({ inflows: v.inflows, initial, len: lenExpr, exponential: spec.exponential, options, outflow, leaks, stock: v.name, where: origin });
}

function variable(doc: XmlDoc, raw: RawVar, name: string, id: string, expr: Expr, gf: LookupTable | undefined, t: readonly number[],
  iv: InstVar, base: object, diags: Diagnostic[]): Variable | undefined {
  const equation = printNative(expr);
  switch (iv.info.kind) {
    case 'stock': {
      const links = (list: RawVar['inflows']) => list.map((l) => flowName(doc, l.name, l.node, raw, t, iv, diags)).filter((n): n is string => !!n);
      return {
        kind: 'stock', name, id, initial: equation, inflows: links(raw.inflows), outflows: links(raw.outflows),
        ...(raw.nonNegative ? { nonNegative: true } : {}), ...base,
      };
    }
    case 'flow':
      return { kind: 'flow', name, id, equation, ...(raw.nonNegative ? { nonNegative: true } : {}), ...(gf ? { gf } : {}), ...base };
    default: {
      const value = constantValue(expr);
      if (!gf && value !== undefined && raw.access !== 'input') {
        return { kind: 'constant', name, id, value, ...(raw.ext.uncertainty ? { uncertainty: raw.ext.uncertainty } : {}), ...(raw.ext.leverage ? { leverage: raw.ext.leverage } : {}), ...base };
      }
      return { kind: 'aux', name, id, equation, ...(gf ? { gf } : {}), ...base };
    }
  }
}

/** The element of flow `raw` that feeds element `t` of a stock (§4.1.1). */
function flowName(doc: XmlDoc, text: string, node: RawVar['node'], stock: RawVar, t: readonly number[], iv: InstVar, diags: Diagnostic[]): string | undefined {
  const unquoted = unquote(text);
  const flow = resolveVar(iv.scope, unquoted);
  const where = { ...locOf(doc, node), variable: stock.name };
  if (!flow || flow.kind !== 'flow') {
    diags.push(error(flow ? 'not-a-flow' : 'unknown-flow', `stock '${stock.name}' lists '${unquoted}' as a flow, but ${flow ? 'it is not a flow' : 'no such flow exists'}`, where));
    return undefined;
  }
  if (flow.dims.length === 0) return flow.name;
  const ids = stock.dims.map((d) => d.id);
  if (flow.dims.length !== ids.length || flow.dims.some((d, j) => d.id !== ids[j])) {
    diags.push(error('dimension-mismatch', `flow '${flow.name}' and stock '${stock.name}' have different dimensions`, where));
    return undefined;
  }
  return elementName(flow.name, flow.dims, t);
}

/** A number, or a negated number: the equation of a Constant. */
export function constantValue(e: Expr): number | undefined {
  if (e.kind === 'num') return e.value;
  if (e.kind === 'unary' && e.arg.kind === 'num') return e.op === '-' ? -e.arg.value : e.op === '+' ? e.arg.value : undefined;
  return undefined;
}

/** For a module input's alias, which is a plain reference: nothing in it calls a macro. */
function noEnv(diags: Diagnostic[], origin: object, variable: string): TranslateEnv {
  return {
    dims: new Map(), macros: new Map(),
    report: (code: string, message: string) => { diags.push(error(code, message, { ...origin, variable })); },
    define: () => undefined, conveyor: () => undefined, instance: () => 0, reserve: () => true,
  };
}
