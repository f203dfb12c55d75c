/**
 * Two passes between flattening and emitting. (1) Which graphical functions are called
 * by name (`gf(x)`, `LOOKUP(gf, x)`, XMILE 1.0 §3.1.4) and so become Lookups. (2) Vensim
 * control variables that translated files (xmutil) keep as auxiliaries — INITIAL TIME,
 * FINAL TIME, TIME STEP, SAVEPER — are reserved names natively: they are folded into the
 * simulation specs (SAVEPER sets the save period) instead of becoming variables.
 */
import { warning, type Diagnostic } from '../../core/diagnostics.js';
import { call, ref, type Expr } from '../../expr/ast.js';
import type { SimSpec } from '../../model/types.js';
import { CONTROL_NAMES, stripVendor } from './builtins.js';
import { tuples } from './dims.js';
import { readGf } from './gf.js';
import { walkX, type XExpr } from './eqn-ast.js';
import type { Equations } from './equations.js';
import type { Flattened, InstVar } from './instance.js';
import { canonicalName, unquote, xid } from './names.js';
import { resolveVar, type VarInfo } from './scope.js';
import { translate } from './translate.js';
import type { RawEqn, RawVar } from './vars.js';
import { locOf, type XmlDoc } from './xml.js';

/** The equations of a variable with the item count each must be parsed with. */
export function equationsOf(raw: RawVar): { eqn: RawEqn; items: number }[] {
  const n = tuples(raw.dims).length;
  const out = raw.elements.filter((e) => e.eqn).map((e) => ({ eqn: e.eqn!, items: 1 }));
  if (raw.eqn) out.push({ eqn: raw.eqn, items: raw.elements.length === 0 && n > 1 ? n : 1 });
  return out;
}

export function markLookups(flat: Flattened, eqns: Equations): void {
  const hasGf = new Map<VarInfo, boolean>(flat.vars.map((iv) => [iv.info, !!iv.raw.gf || iv.raw.elements.some((e) => e.gf)]));
  const mark = (iv: InstVar, name: string) => {
    const v = resolveVar(iv.scope, name);
    if (v && hasGf.get(v)) v.lookup = true;
  };
  for (const iv of flat.vars) {
    if (flat.inputs.has(iv.info)) continue;
    for (const { eqn, items } of equationsOf(iv.raw)) {
      const where = { variable: iv.info.name, field: iv.raw.kind === 'stock' ? 'initial' as const : 'equation' as const };
      for (const tree of eqns.parse(eqn, where, items) ?? []) {
        walkX(tree!, (n: XExpr) => {
          if (n.kind !== 'call') return;
          mark(iv, n.fn);
          const first = n.args[0];
          if (xid(stripVendor(n.fn)) === 'lookup' && first?.kind === 'name') mark(iv, first.name);
        });
      }
    }
  }
}

/**
 * A graphical function with its own input that is also called by name is two things: the
 * variable, the function applied to its input, and a lookup named `<name> gf` for the calls.
 */
export function lookupTables(flat: Flattened): void {
  for (const { raw, info } of flat.vars) {
    if (info.lookup && raw.kind !== 'gf' && (raw.eqn || raw.elements.some((e) => e.eqn))) info.table = `${info.name} gf`;
  }
}

/** Scalar graphical functions called by name also serve as containers of their y-values. */
export function gfContainers(doc: XmlDoc, flat: Flattened): void {
  for (const { raw, info } of flat.vars) {
    const node = raw.gf;
    if (!info.lookup || info.table || raw.dims.length > 0 || !node) continue;
    // Problems with the points are reported once, where the lookup itself is read.
    info.yValues = () => readGf(doc, node, [], info.name)?.points.map((p) => p[1]);
  }
}

/**
 * Vensim's XMILE export writes flows as `<aux>` and lists them as a stock's inflow or
 * outflow; such an auxiliary is read as the flow it is (with a warning).
 */
export function promoteFlows(doc: XmlDoc, flat: Flattened, diags: Diagnostic[]): void {
  for (const iv of flat.vars) {
    if (iv.raw.kind !== 'stock') continue;
    for (const link of [...iv.raw.inflows, ...iv.raw.outflows]) {
      const v = resolveVar(iv.scope, unquote(link.name));
      if (v && v.kind === 'aux' && (!v.lookup || v.table)) {
        v.kind = 'flow';
        diags.push(warning('aux-as-flow', `'${v.name}' is an <aux> but stock '${iv.info.name}' lists it as a flow; it is read as a flow`, { ...locOf(doc, link.node), variable: v.name }));
      }
    }
  }
}

/** Control variables of the root model to leave out, and the save period they imply. */
export function foldControls(doc: XmlDoc, flat: Flattened, eqns: Equations, sim: SimSpec, diags: Diagnostic[]): { skip: Set<InstVar>; sim: SimSpec } {
  const skip = new Set<InstVar>();
  let out = sim;
  for (const iv of flat.vars) {
    if (iv.scope !== flat.root || !CONTROL_NAMES.has(iv.raw.id) || iv.raw.dims.length > 0 || iv.info.lookup) continue;
    skip.add(iv);
    const eqn = iv.raw.eqn;
    const where = { variable: iv.info.name, field: 'equation' as const };
    const tree = eqn ? eqns.parse(eqn, where)?.[0] : undefined;
    const expr = tree && eqn ? translate(tree, { env: eqns.env(eqn, where), scope: flat.root, bind: new Map() }) : undefined;
    const value = expr ? evaluate(expr, sim) : undefined;
    const expected = { initial_time: sim.start, starttime: sim.start, final_time: sim.stop, stoptime: sim.stop, time_step: sim.dt, dt: sim.dt } as Record<string, number>;
    if (iv.raw.id === 'saveper') {
      if (value !== undefined && value > 0) out = { ...out, saveper: value };
      else diags.push(warning('control-variable', 'SAVEPER is not a positive number known before the run; saving every time step', { ...locOf(doc, iv.raw.node), variable: iv.info.name }));
    } else if (iv.raw.id in expected && value !== expected[iv.raw.id]) {
      diags.push(warning('control-variable', `'${iv.info.name}' is ${value ?? 'not a constant'} but <sim_specs> says ${expected[iv.raw.id]}; <sim_specs> is used`,
        { ...locOf(doc, iv.raw.node), variable: iv.info.name }));
    }
  }
  return { skip, sim: out };
}

/** Numeric value of an expression over numbers and the simulation's control values. */
function evaluate(e: Expr, sim: SimSpec): number | undefined {
  switch (e.kind) {
    case 'num': return e.value;
    case 'ref': return ({ dt: sim.dt, time_step: sim.dt, starttime: sim.start, initial_time: sim.start, stoptime: sim.stop, final_time: sim.stop } as Record<string, number>)[e.id];
    case 'unary': { const a = evaluate(e.arg, sim); return a === undefined ? undefined : e.op === '-' ? -a : e.op === '+' ? a : undefined; }
    case 'binary': {
      const a = evaluate(e.left, sim);
      const b = evaluate(e.right, sim);
      if (a === undefined || b === undefined) return undefined;
      return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : e.op === '/' ? a / b : undefined;
    }
    default: return undefined;
  }
}
