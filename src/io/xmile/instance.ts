/**
 * Module flattening (XMILE 1.0 §3.6, §4.7). The root model (the `<model>` without a name)
 * and every `<module>` instance below it become one flat list of variables; a variable
 * of instance `hares` is named `hares.<name>`. `<connect to="hares.lynxes" from=".x"/>`
 * (a leading `.` or no module part: the enclosing model; `m.v`: the output of sibling
 * instance m; parts may be quoted, names.ts connectName) makes the input variable `lynxes`
 * of `hares` an alias of the source.
 */
import { error, type Diagnostic } from '../../core/diagnostics.js';
import { BUDGET_HINT, elementBudget, reserve, type ElementBudget } from '../../core/budget.js';
import { connectName, xid } from './names.js';
import { resolveVar, type Scope, type VarInfo } from './scope.js';
import type { Connect, RawVar } from './vars.js';
import { locOf, type XmlDoc } from './xml.js';

export interface ModelDef {
  readonly name: string;
  readonly vars: readonly RawVar[];
}

export interface InstVar {
  readonly raw: RawVar;
  readonly info: VarInfo;
  readonly scope: Scope;
}

export interface Flattened {
  readonly root: Scope;
  readonly vars: readonly InstVar[];
  /** Input variables bound by `<connect>`: the input's info → the source's info. */
  readonly inputs: ReadonlyMap<VarInfo, VarInfo>;
}

const MAX_DEPTH = 32;

export function flatten(doc: XmlDoc, models: ReadonlyMap<string, ModelDef>, rootId: string, diags: Diagnostic[], budget: ElementBudget = elementBudget()): Flattened {
  const vars: InstVar[] = [];
  const inputs = new Map<VarInfo, VarInfo>();
  const pending: { scope: Scope; connects: readonly Connect[] }[] = [];

  const build = (def: ModelDef, prefix: string, stack: readonly string[]): Scope => {
    const scope: Scope = { prefix, vars: new Map(), modules: new Map() };
    for (const raw of def.vars) {
      if (budget.exceeded) break;
      const count = raw.kind === 'module' ? 1 : raw.dims.reduce((n, d) => n * d.elements.length, 1);
      const over = reserve(budget, count, raw.kind === 'module' ? `module '${prefix}${raw.name}'` : raw.dims.length ? `'${prefix}${raw.name}[${raw.dims.map((d) => d.name).join(',')}]'` : `'${prefix}${raw.name}'`);
      if (over) {
        diags.push(error('expansion-budget', over, { ...locOf(doc, raw.node), variable: `${prefix}${raw.name}`, hint: BUDGET_HINT }));
        break;
      }
      if (raw.kind === 'module') {
        const target = xid(raw.modelName ?? raw.name);
        const sub = models.get(target);
        if (!sub) {
          diags.push(error('unknown-model', `module '${raw.name}' refers to model '${raw.modelName ?? raw.name}', which the file does not define`, locOf(doc, raw.node)));
          continue;
        }
        if (stack.includes(target) || stack.length > MAX_DEPTH) {
          diags.push(error('recursive-module', `module '${raw.name}' contains itself (${[...stack, target].join(' → ')})`, locOf(doc, raw.node)));
          continue;
        }
        scope.modules.set(raw.id, build(sub, `${prefix}${raw.name}.`, [...stack, target]));
        if (raw.connects.length) pending.push({ scope, connects: raw.connects });
        continue;
      }
      if (scope.vars.has(raw.id)) {
        diags.push(error('duplicate-variable', `'${raw.name}' is defined twice`, { ...locOf(doc, raw.node), variable: raw.name }));
        continue;
      }
      const info: VarInfo = { id: raw.id, name: `${prefix}${raw.name}`, kind: raw.kind as VarInfo['kind'], dims: raw.dims, lookup: raw.kind === 'gf' };
      scope.vars.set(raw.id, info);
      vars.push({ raw, info, scope });
    }
    return scope;
  };

  const rootDef = models.get(rootId);
  const root = rootDef ? build(rootDef, '', [rootId]) : { prefix: '', vars: new Map(), modules: new Map() };
  for (const { scope, connects } of pending) {
    for (const c of connects) {
      const to = resolveVar(scope, connectName(c.to));
      const from = resolveVar(scope, connectName(c.from));
      if (!to || !from) {
        diags.push(error('invalid-connect', `cannot connect '${c.from}' to '${c.to}': ${!to ? `'${c.to}' is not a variable of a module here` : `'${c.from}' is not defined`}`, locOf(doc, c.node)));
        continue;
      }
      if (to.dims.map((d) => d.id).join() !== from.dims.map((d) => d.id).join()) {
        diags.push(error('invalid-connect', `'${c.from}' and '${c.to}' have different dimensions`, locOf(doc, c.node)));
        continue;
      }
      inputs.set(to, from);
    }
  }
  return { root, vars, inputs };
}
