/**
 * XMILE macros (§4.8): `<macro name="f"><parm>x</parm><eqn>…</eqn></macro>` next to the
 * models. A macro whose body is one expression is inlined at each call with its
 * parameters bound to the arguments. A macro with its own `<variables>` (stocks, flows and
 * auxiliaries inside a macro) gets a fresh copy of them at every call (translate-call.ts),
 * so each call keeps its own state, as a Vensim macro does.
 */
import { error, type Diagnostic } from '../../core/diagnostics.js';
import { parseXmileEquation } from './eqn-parse.js';
import type { DimTable } from './dims.js';
import { displayName, unquote, xid } from './names.js';
import { readVariables, type Behavior, type RawVar } from './vars.js';
import type { XExpr } from './eqn-ast.js';
import type { Macro, MacroVar } from './scope.js';
import { attr, kid, kids, locOf, plainText, position, textOf, type XmlDoc, type XNode } from './xml.js';

export function readMacros(doc: XmlDoc, dims: DimTable, behavior: Behavior, diags: Diagnostic[]): Map<string, Macro> {
  const out = new Map<string, Macro>();
  for (const m of kids(doc.root, 'macro')) {
    const name = displayName(attr(m, 'name') ?? '');
    if (!name) { diags.push(error('missing-name', 'a <macro> has no name', locOf(doc, m))); continue; }
    const params = kids(m, 'parm').map((p) => plainText(doc, p));
    const eqnNode = kid(m, 'eqn');
    if (!eqnNode) { out.set(xid(name), { name, params, why: 'has no <eqn>' }); continue; }
    const body = parseIn(doc, eqnNode, name, diags);
    if (!body) continue;
    const varsNode = kid(m, 'variables');
    const variables = varsNode ? macroVariables(doc, readVariables(doc, m, dims, behavior, diags), name, diags) : undefined;
    if (varsNode && !variables) { out.set(xid(name), { name, params, why: 'has variables that cannot be copied (see the error at the macro)' }); continue; }
    out.set(xid(name), { name, params, body, ...(variables ? { variables } : {}) });
  }
  return out;
}

/**
 * A macro's own stocks, flows and auxiliaries, read as any model's variables are (vars.ts);
 * undefined (with diagnostics) when one cannot be copied per call: arrays, graphical
 * functions, modules, or a missing equation. Conveyors are copied with their transit time.
 */
function macroVariables(doc: XmlDoc, raws: readonly RawVar[], macro: string, diags: Diagnostic[]): MacroVar[] | undefined {
  const out: MacroVar[] = [];
  let ok = true;
  for (const v of raws) {
    if ((v.kind !== 'stock' && v.kind !== 'flow' && v.kind !== 'aux') || !v.eqn || kid(v.node, 'dimensions') || v.elements.length || v.gf || v.initEqn) {
      diags.push(error('unsupported-construct', `in macro '${macro}': '${v.name}' needs one scalar <eqn> (no arrays, graphical functions, initial equations or modules inside macros)`, locOf(doc, v.node)));
      ok = false;
      continue;
    }
    const eqn = parseIn(doc, v.eqn.node, macro, diags);
    if (!eqn) { ok = false; continue; }
    const links = (list: RawVar['inflows']) => list.map((l) => unquote(l.name));
    const len = v.conveyor && parseIn(doc, v.conveyor.len.node, macro, diags);
    if (v.conveyor && !len) { ok = false; continue; }
    const option = v.conveyor && Object.values(v.conveyor.options)[0];
    if (option) {
      diags.push(error('unsupported-construct', `in macro '${macro}': conveyor '${v.name}' has <capacity>, <in_limit>, <sample> or <arrest>, which conveyors inside macros do not take`, locOf(doc, option.node)));
      ok = false;
      continue;
    }
    out.push({
      kind: v.kind, name: v.name, eqn, inflows: links(v.inflows), outflows: links(v.outflows), nonNegative: v.nonNegative,
      ...(v.conveyor && len ? { conveyor: { len, leakStart: v.conveyor.leakStart, leakEnd: v.conveyor.leakEnd, exponential: v.conveyor.exponential } } : {}),
      ...(v.leak ? { leak: true } : {}), ...(v.leakIntegers ? { leakIntegers: true } : {}),
    });
  }
  return ok ? out : undefined;
}

function parseIn(doc: XmlDoc, eqnNode: XNode, macro: string, diags: Diagnostic[]): XExpr | undefined {
  const src = textOf(doc, eqnNode);
  const parsed = parseXmileEquation(src.text);
  if (parsed.expr) return parsed.expr;
  const at = position(doc, src.offsets[Math.min(parsed.error!.pos, src.offsets.length - 1)]);
  diags.push(error('syntax-error', `${parsed.error!.message} in macro '${macro}' ('${src.text.trim()}')`, { file: doc.file, ...at }));
  return undefined;
}
