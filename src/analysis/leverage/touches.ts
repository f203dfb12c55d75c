/**
 * Which baseline variables an intervention changes: the variable whose equation, lookup or
 * value it replaces; for a constant it sets, every variable whose equation or initial value
 * uses that constant (directly or through auxiliaries computed from constants); for a flow it
 * connects or disconnects, the stock. An intervention acts on a loop when it changes a
 * variable on that loop (issue 4: "which interventions act on the dominant loops").
 */
import { canonicalName } from '../../core/names.js';
import { walk, type Expr } from '../../expr/ast.js';
import { functionSpec } from '../../builtins/functions.js';
import type { Loop } from '../loops/index.js';
import type { Scenario } from '../../model/types.js';
import { carriers, mentions, type Structure } from './structure.js';

export function touchedVariables(s: Structure, scenario: Scenario): Set<string> {
  const out = new Set<string>();
  const own = (name: string) => { const id = canonicalName(name); if (s.byId.has(id)) out.add(id); };
  for (const c of scenario.changes) {
    switch (c.kind) {
      case 'set': {
        const v = s.byId.get(canonicalName(c.variable));
        if (v?.kind === 'constant') for (const id of users(s, carriers(s, v.id))) out.add(id);
        else own(c.variable);
        break;
      }
      case 'equation': own(c.variable); break;
      case 'lookup': {
        own(c.variable);
        const id = canonicalName(c.variable);
        // called as `id(x)`, or named as the table of lookup() or a table function (lookup_area …)
        const reads = (n: Expr) => n.kind === 'call' && (n.fn === id
          || ((n.fn === 'lookup' || !!functionSpec(n.fn)?.table) && n.args[0]?.kind === 'ref' && n.args[0].id === id));
        for (const [v, e] of s.equation) walk(e, (n) => { if (reads(n)) out.add(v); });
        break;
      }
      case 'connect': case 'disconnect': own(c.stock); own(c.flow); break;
      case 'remove': {
        own(c.variable);
        const id = canonicalName(c.variable);
        for (const v of s.model.variables) if (v.kind === 'stock' && [...v.inflows, ...v.outflows].some((f) => canonicalName(f) === id)) out.add(v.id);
        for (const id2 of users(s, new Set([id]))) out.add(id2);
        break;
      }
      case 'add': break;
    }
  }
  return out;
}

/** Dynamic variables whose equation or initial value mentions any of `ids`. */
function users(s: Structure, ids: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [v, e] of s.equation) if (!s.statics.has(v) && mentions(e, ids)) out.push(v);
  for (const [v, e] of s.initial) if (mentions(e, ids)) out.push(v);
  return out;
}

/** True when the loop passes through a touched variable. */
export function actsOnLoop(touched: ReadonlySet<string>, loop: Pick<Loop, 'variables'>): boolean {
  return loop.variables.some((n) => touched.has(canonicalName(n)));
}
