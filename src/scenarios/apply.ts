/**
 * Interventions: a scenario's changes applied to a model, giving a new model. Pure: the input
 * model is never modified, and every problem (an unknown variable, a change that does not fit
 * the variable's kind) becomes a diagnostic, all collected in one pass. Changes apply in
 * order, so a later change sees the elements an earlier `add` created.
 */
import { error, ModelError, type Diagnostic } from '../core/diagnostics.js';
import { canonicalName, didYouMean } from '../core/names.js';
import type { Change, Model, Scenario, Stock, Variable } from '../model/types.js';

export interface Applied {
  /** The changed model; absent when any change failed. */
  readonly model?: Model;
  readonly diagnostics: Diagnostic[];
}

/** Working state: variables by canonical id, in model order. */
type Vars = Map<string, Variable>;

/** Applies changes in order; never throws for bad changes. */
export function tryApplyChanges(model: Model, changes: readonly Change[], scenarioId?: string): Applied {
  const vars: Vars = new Map(model.variables.map((v) => [v.id, v]));
  const diagnostics: Diagnostic[] = [];
  const field = scenarioId === undefined ? undefined : `scenarios.${scenarioId}`;
  for (const change of changes) {
    const at = change.origin?.line !== undefined ? { line: change.origin.line, column: change.origin.column } : {};
    applyOne(vars, change, (code, message, variable, hint) => diagnostics.push(error(code, message, { file: model.file, variable, field, hint, ...at })));
  }
  if (diagnostics.length) return { diagnostics };
  return { model: { ...model, variables: [...vars.values()] }, diagnostics };
}

/** Applies a scenario; never throws for bad changes. */
export function tryApplyScenario(model: Model, scenario: Scenario): Applied {
  return tryApplyChanges(model, scenario.changes, scenario.id);
}

/** Applies a scenario; throws ModelError carrying every diagnostic when a change is bad. */
export function applyScenario(model: Model, scenario: Scenario): Model {
  const applied = tryApplyScenario(model, scenario);
  if (!applied.model) throw new ModelError(applied.diagnostics);
  return applied.model;
}

type Fail = (code: string, message: string, variable: string, hint?: string) => void;

function applyOne(vars: Vars, c: Change, fail: Fail): void {
  switch (c.kind) {
    case 'add': {
      if (vars.has(c.element.id)) fail('duplicate-variable', `cannot add '${c.element.name}': a variable of that name exists`, c.element.name, 'give the new element another name or replace the existing one');
      else vars.set(c.element.id, c.element);
      return;
    }
    case 'remove': {
      const v = lookup(vars, c.variable, fail);
      if (!v) return;
      vars.delete(v.id);
      // A removed flow also leaves the stocks it filled or drained.
      for (const s of vars.values()) if (s.kind === 'stock') vars.set(s.id, withoutFlow(s, v.id));
      return;
    }
    case 'connect': return connect(vars, c.stock, c.flow, c.direction, fail);
    case 'disconnect': {
      const s = lookup(vars, c.stock, fail);
      const f = lookup(vars, c.flow, fail);
      if (!s || !f) return;
      if (s.kind !== 'stock') return fail('not-a-stock', `'${s.name}' is a ${s.kind}, not a stock`, s.name);
      const next = withoutFlow(s, f.id);
      if (next.inflows.length === s.inflows.length && next.outflows.length === s.outflows.length) {
        return fail('not-connected', `'${f.name}' is not a flow of '${s.name}'`, f.name);
      }
      vars.set(s.id, next);
      return;
    }
    default: return replaceOne(vars, c, fail);
  }
}

/** set, equation and lookup: replace part of one existing variable. */
function replaceOne(vars: Vars, c: Extract<Change, { kind: 'set' | 'equation' | 'lookup' }>, fail: Fail): void {
  const v = lookup(vars, c.variable, fail);
  if (!v) return;
  if (c.kind === 'set') {
    // As `--set` does: constants take the value, stocks start at it, auxiliaries and flows become it.
    if (v.kind === 'constant') vars.set(v.id, { ...v, value: c.value });
    else if (v.kind === 'stock') vars.set(v.id, { ...v, initial: String(c.value) });
    else if (v.kind === 'lookup') fail('not-settable', `'${v.name}' is a lookup and cannot be set to a number`, v.name, 'use a lookup change');
    else vars.set(v.id, { ...v, equation: String(c.value), gf: undefined });
    return;
  }
  if (c.kind === 'equation') {
    if (v.kind === 'stock') vars.set(v.id, { ...v, initial: c.equation });
    else if (v.kind === 'lookup') fail('not-replaceable', `'${v.name}' is a lookup and has no equation`, v.name, 'use a lookup change');
    else if (v.kind === 'constant') vars.set(v.id, { kind: 'aux', name: v.name, id: v.id, doc: v.doc, units: v.units, origin: v.origin, equation: c.equation });
    else vars.set(v.id, { ...v, equation: c.equation });
    return;
  }
  if (v.kind === 'lookup') vars.set(v.id, { ...v, table: c.table });
  else if ((v.kind === 'aux' || v.kind === 'flow') && v.gf) vars.set(v.id, { ...v, gf: c.table });
  else fail('not-a-lookup', `'${v.name}' is a ${v.kind} without a lookup table`, v.name, 'lookup changes apply to lookups and to variables with a lookup');
}

function connect(vars: Vars, stockName: string, flowName: string, direction: 'in' | 'out', fail: Fail): void {
  const s = lookup(vars, stockName, fail);
  const f = lookup(vars, flowName, fail);
  if (!s || !f) return;
  if (s.kind !== 'stock') return fail('not-a-stock', `'${s.name}' is a ${s.kind}, not a stock`, s.name);
  if (f.kind !== 'flow') return fail('not-a-flow', `'${f.name}' is a ${f.kind}, not a flow`, f.name);
  const list = direction === 'in' ? s.inflows : s.outflows;
  if (list.some((n) => canonicalName(n) === f.id)) return;
  vars.set(s.id, direction === 'in' ? { ...s, inflows: [...s.inflows, f.name] } : { ...s, outflows: [...s.outflows, f.name] });
}

function withoutFlow(s: Stock, flowId: string): Stock {
  const keep = (n: string) => canonicalName(n) !== flowId;
  return { ...s, inflows: s.inflows.filter(keep), outflows: s.outflows.filter(keep) };
}

function lookup(vars: Vars, name: string, fail: Fail): Variable | undefined {
  const v = vars.get(canonicalName(name));
  if (v) return v;
  const guess = didYouMean(canonicalName(name), vars.keys());
  fail('unknown-variable', `the scenario changes unknown variable '${name}'`, name, guess ? `did you mean '${vars.get(guess)!.name}'?` : 'check the name against the model');
  return undefined;
}
