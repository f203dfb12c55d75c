/**
 * Structural checks and rewrites on the variable set: unique names (case- and
 * space-insensitive), stocks' inflows/outflows naming real flows, each stock's net rate,
 * and XMILE non-negative stocks and flows.
 */
import { error, type Diagnostic } from '../core/diagnostics.js';
import { canonicalName, didYouMean } from '../core/names.js';
import { bin, call, num, ref, type Expr } from '../expr/ast.js';
import type { LookupTable, Model, Variable } from '../model/types.js';
import type { ProgramNode } from './program.js';

/** Names that cannot be defined by a model because equations use them for the clock. */
const CLOCK = new Set(['time', 'dt']);

export function indexVariables(model: Model, diagnostics: Diagnostic[]) {
  const vars = new Map<string, Variable>();
  const where = (v: Variable, field?: string) => ({
    file: v.origin?.file ?? model.file, line: v.origin?.line, column: v.origin?.column, variable: v.name, field,
  });
  for (const v of model.variables) {
    const prior = vars.get(v.id);
    if (!v.id) diagnostics.push(error('bad-name', 'a variable has an empty name', where(v)));
    else if (prior) diagnostics.push(error('duplicate-name', `'${v.name}' is defined twice (also as ${prior.kind} '${prior.name}')`, { ...where(v), hint: 'names compare ignoring case, spaces and underscores; rename one' }));
    else if (CLOCK.has(v.id)) diagnostics.push(error('reserved-name', `'${v.name}' is reserved for the simulation clock`, { ...where(v), hint: 'rename the variable' }));
    else vars.set(v.id, v);
  }
  for (const v of vars.values()) {
    const table = v.kind === 'lookup' ? v.table : v.kind === 'flow' || v.kind === 'aux' ? v.gf : undefined;
    const problem = table && tableProblem(table);
    if (problem) diagnostics.push(error('bad-lookup', problem, { ...where(v, v.kind === 'lookup' ? 'points' : 'lookup'), hint: 'list the points in order of increasing x' }));
  }
  const rates = new Map<string, Expr>();
  const flowNames = [...vars.values()].filter((v) => v.kind === 'flow').map((v) => v.id);
  for (const v of vars.values()) {
    if (v.kind !== 'stock') continue;
    let rate: Expr | undefined;
    for (const [names, sign] of [[v.inflows, '+'], [v.outflows, '-']] as const) {
      for (const name of names) {
        const f = vars.get(canonicalName(name));
        if (!f || f.kind !== 'flow') {
          const guess = didYouMean(canonicalName(name), flowNames);
          diagnostics.push(error(f ? 'not-a-flow' : 'unknown-flow', f ? `'${name}' is a ${f.kind}, not a flow` : `unknown flow '${name}'`, {
            ...where(v, sign === '+' ? 'inflows' : 'outflows'),
            hint: guess ? `did you mean '${vars.get(guess)!.name}'?` : 'declare it under flows',
          }));
          continue;
        }
        const term = ref(f.id, f.name);
        rate = rate ? bin(sign, rate, term) : sign === '+' ? term : { kind: 'unary', op: '-', arg: term };
      }
    }
    rates.set(v.id, rate ?? num(0));
  }
  return { vars, rates };
}

/** What is wrong with a graphical function's points, if anything: x must never decrease. */
function tableProblem(t: LookupTable): string | undefined {
  if (!t.points.length) return 'the lookup has no points';
  for (let i = 0; i < t.points.length; i++) {
    const [x, y] = t.points[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) return `point ${i + 1} (${x}, ${y}) is not a pair of finite numbers`;
    if (i > 0 && x < t.points[i - 1][0]) return `the x values decrease at point ${i + 1} (${t.points[i - 1][0]} then ${x})`;
  }
  return undefined;
}

/**
 * XMILE 1.0 §3.1.1/§3.1.2 (as Stella implements them): a non-negative flow never goes below
 * zero; a non-negative stock never goes below zero because what drains it is cut, in the
 * order the flows are listed, to what it holds plus what flows in over one dt: a negative
 * inflow (a biflow running backwards) takes at most what is there, and each outflow at most
 * what is left. The cut flows are what the model reports, so material is conserved.
 * A flow with a graphical function is cut after the function (its raw value moves to a helper).
 */
export function applyNonNegative(nodes: ProgramNode[], vars: ReadonlyMap<string, Variable>): void {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const replace = (id: string, f: (e: Expr) => Expr) => {
    const i = index.get(id);
    if (i === undefined || !nodes[i].equation) return;
    const n = nodes[i];
    let equation = n.equation!;
    if (n.table) {
      const raw: ProgramNode = { id: `${n.id}#raw`, name: `${n.name} before limits`, kind: 'aux', helper: true, equation, table: n.table, variable: n.variable };
      index.set(raw.id, nodes.length);
      nodes.push(raw);
      equation = ref(raw.id, raw.name);
    }
    nodes[i] = { ...n, table: undefined, equation: f(equation) };
  };
  for (const v of vars.values()) if (v.kind === 'flow' && v.nonNegative) replace(v.id, (e) => call('max', num(0), e));
  for (const v of vars.values()) {
    if (v.kind !== 'stock' || !v.nonNegative) continue;
    let available: Expr = bin('/', ref(v.id, v.name), ref('dt'));
    for (const name of v.inflows) {
      const f = vars.get(canonicalName(name));
      if (f?.kind === 'flow' && !f.nonNegative) {
        const before = available;
        replace(f.id, (e) => call('max', e, { kind: 'unary', op: '-', arg: call('max', num(0), before) }));
      }
      available = bin('+', available, ref(canonicalName(name), name));
    }
    for (const name of v.outflows) {
      const id = canonicalName(name);
      const before = available;
      replace(id, (e) => call('min', e, call('max', num(0), before)));
      available = bin('-', available, ref(id, name));
    }
  }
}
