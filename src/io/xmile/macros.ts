/**
 * XMILE macros (§4.8): `<macro name="f"><parm>x</parm><eqn>…</eqn></macro>` next to the
 * models. A macro whose body is one expression is inlined at each call with its
 * parameters bound to the arguments; a macro with its own `<variables>` (stocks inside a
 * macro) is recorded with the reason it cannot be inlined and reported where it is called.
 */
import { error, type Diagnostic } from '../../core/diagnostics.js';
import { parseXmileEquation } from './eqn-parse.js';
import { displayName, xid } from './names.js';
import type { Macro } from './scope.js';
import { attr, kid, kids, locOf, plainText, position, textOf, type XmlDoc } from './xml.js';

export function readMacros(doc: XmlDoc, diags: Diagnostic[]): Map<string, Macro> {
  const out = new Map<string, Macro>();
  for (const m of kids(doc.root, 'macro')) {
    const name = displayName(attr(m, 'name') ?? '');
    if (!name) { diags.push(error('missing-name', 'a <macro> has no name', locOf(doc, m))); continue; }
    const params = kids(m, 'parm').map((p) => plainText(doc, p));
    const eqnNode = kid(m, 'eqn');
    if (kid(m, 'variables')) {
      out.set(xid(name), { name, params, why: 'has its own variables (stocks inside a macro), which stockflow cannot inline' });
      continue;
    }
    if (!eqnNode) { out.set(xid(name), { name, params, why: 'has no <eqn>' }); continue; }
    const src = textOf(doc, eqnNode);
    const parsed = parseXmileEquation(src.text);
    if (!parsed.expr) {
      const at = position(doc, src.offsets[Math.min(parsed.error!.pos, src.offsets.length - 1)]);
      diags.push(error('syntax-error', `${parsed.error!.message} in macro '${name}' ('${src.text.trim()}')`, { file: doc.file, ...at }));
      continue;
    }
    out.set(xid(name), { name, params, body: parsed.expr });
  }
  return out;
}
