/**
 * XMILE macros (§4.8): `<macro name="f"><parm>x</parm><eqn>…</eqn></macro>` next to the
 * models. A macro whose body is one expression is inlined at each call with its
 * parameters bound to the arguments. A macro with its own `<variables>` (stocks, flows and
 * auxiliaries inside a macro) gets a fresh copy of them at every call (translate-call.ts),
 * so each call keeps its own state, as a Vensim macro does.
 */
import { error, type Diagnostic } from '../../core/diagnostics.js';
import { parseXmileEquation } from './eqn-parse.js';
import { displayName, xid } from './names.js';
import type { XExpr } from './eqn-ast.js';
import type { Macro, MacroVar } from './scope.js';
import { attr, kid, kids, locOf, plainText, position, textOf, type XmlDoc, type XNode } from './xml.js';

export function readMacros(doc: XmlDoc, diags: Diagnostic[]): Map<string, Macro> {
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
    const variables = varsNode ? macroVariables(doc, varsNode, name, diags) : undefined;
    if (varsNode && !variables) { out.set(xid(name), { name, params, why: 'has variables that cannot be copied (see the error at the macro)' }); continue; }
    out.set(xid(name), { name, params, body, ...(variables ? { variables } : {}) });
  }
  return out;
}

/** A macro's own stocks, flows and auxiliaries; undefined (with diagnostics) if one is unusable. */
function macroVariables(doc: XmlDoc, node: XNode, macro: string, diags: Diagnostic[]): MacroVar[] | undefined {
  const out: MacroVar[] = [];
  let ok = true;
  for (const v of node.children) {
    if (v.prefix !== '' || !['stock', 'flow', 'aux'].includes(v.local)) continue;
    const name = displayName(attr(v, 'name') ?? '');
    const eqnNode = kid(v, 'eqn');
    if (!name || !eqnNode || kid(v, 'dimensions') || kid(v, 'gf') || kid(v, 'conveyor')) {
      diags.push(error('unsupported-construct', `in macro '${macro}': '${name || v.tag}' needs a name and one scalar <eqn> (no arrays, graphical functions or conveyors inside macros)`, locOf(doc, v)));
      ok = false;
      continue;
    }
    const eqn = parseIn(doc, eqnNode, macro, diags);
    if (!eqn) { ok = false; continue; }
    const links = (k: string) => kids(v, k).map((n) => plainText(doc, n));
    const nn = kid(v, 'non_negative');
    out.push({ kind: v.local as MacroVar['kind'], name, eqn, inflows: links('inflow'), outflows: links('outflow'), nonNegative: !!nn && plainText(doc, nn).toLowerCase() !== 'false' });
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
