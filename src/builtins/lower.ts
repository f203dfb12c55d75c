/**
 * Lowers a Model into a Program: parses every equation, resolves names (with did-you-mean),
 * checks arities, turns lookup calls into explicit `lookup(table, x)` calls, and expands
 * stateful builtins into helper nodes. All problems come back as diagnostics at once.
 */
import { error, lazyPosition, type Diagnostic } from '../core/diagnostics.js';
import { didYouMean } from '../core/names.js';
import { mapExpr, type Expr } from '../expr/ast.js';
import { parseEquation } from '../expr/parse.js';
import type { Model, SimSpec, Variable } from '../model/types.js';
import { functionNames, functionSpec, RESERVED } from './functions.js';
import type { Program, ProgramNode } from './program.js';
import { statefulNames, statefulSpec, type TemplateContext } from './stateful.js';
import { applyNonNegative, indexVariables } from './structure.js';
import { foldConstant } from './fold.js';
import { checkVectorSites } from './vector-sites.js';
import { freshFor, sharedHelpers, type Shared } from './helper-ids.js';
import { checkClockEquation, checkVaryingDt, varyingFields, type ClockEquations, type ClockField } from './clock.js';
import { arityProblem, WRONG_ARITY } from './arity.js';

export interface LowerResult {
  readonly program?: Program;
  readonly diagnostics: Diagnostic[];
}

/** Lowers a model for a sim spec (default: the model's own); the spec's clock constants fold. */
export function lowerModel(model: Model, sim: SimSpec = model.sim): LowerResult {
  const clock = foldableClock(sim);
  const diagnostics: Diagnostic[] = [];
  const { vars, rates } = indexVariables(model, diagnostics);
  const nodes: ProgramNode[] = [];
  const helperCount = new Map<string, number>();
  const helpers = new Set<string>();
  const shared = sharedHelpers(vars, helperCount);

  for (const v of vars.values()) {
    const resolver = (field: string, text: string, inInitial: boolean): Expr | undefined => {
      const where = lazyPosition({ file: v.origin?.file ?? model.file, variable: v.name, field }, () => v.origin ?? {});
      const parsed = quickNumber(text) ?? parseEquation(text, where);
      if (!parsed.expr) { diagnostics.push(...parsed.diagnostics); return undefined; }
      const ctx = templateContext(v, helperCount, vars, clock, shared);
      return resolve(parsed.expr, { vars, ctx, nodes, diagnostics, where, inInitial, helpers });
    };
    switch (v.kind) {
      case 'constant':
        nodes.push({ id: v.id, name: v.name, kind: 'constant', helper: v.partOf !== undefined, value: v.value, units: v.units, variable: v });
        break;
      case 'lookup':
        nodes.push({ id: v.id, name: v.name, kind: 'lookup', helper: v.partOf !== undefined, table: v.table, units: v.units, variable: v });
        break;
      case 'stock': {
        const equation = resolver('initial', v.initial, true);
        nodes.push({ id: v.id, name: v.name, kind: 'stock', helper: v.partOf !== undefined, equation, rate: rates.get(v.id), units: v.units, variable: v });
        break;
      }
      default: {
        const equation = resolver('equation', v.equation, false);
        nodes.push({ id: v.id, name: v.name, kind: v.kind, helper: v.partOf !== undefined, equation, table: v.gf, units: v.units, variable: v });
      }
    }
  }
  const clockEquations = lowerClock(model, sim, vars, nodes, diagnostics);
  diagnostics.push(...checkVectorSites(nodes, model.file));
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  applyNonNegative(nodes, vars);
  return { program: { nodes, byId: new Map(nodes.map((n) => [n.id, n])), clock: clockEquations }, diagnostics };
}

/** The clock values that may fold into constants: all of them, less those that vary. */
function foldableClock(sim: SimSpec): Map<string, number> {
  const varying = new Set(varyingFields(sim));
  const entries: [string, number, ClockField | 'start'][] = [
    ['dt', sim.dt, 'dt'], ['time_step', sim.dt, 'dt'], ['starttime', sim.start, 'start'], ['initial_time', sim.start, 'start'],
    ['stoptime', sim.stop, 'stop'], ['final_time', sim.stop, 'stop'], ['saveper', sim.saveper, 'saveper'],
  ];
  return new Map(entries.filter(([, , f]) => f === 'start' || !varying.has(f)).map(([k, v]) => [k, v]));
}

/** Parses, checks and resolves the varying sim spec's equations (builtins/clock.ts). */
function lowerClock(model: Model, sim: SimSpec, vars: ReadonlyMap<string, Variable>, nodes: readonly ProgramNode[], diagnostics: Diagnostic[]): ClockEquations | undefined {
  const fields = varyingFields(sim);
  if (!fields.length) return undefined;
  const out: Partial<Record<ClockField, Expr>> = {};
  for (const f of fields) {
    const where = { file: model.file, field: `sim.varying.${f}` };
    const parsed = quickNumber(sim.varying![f]!) ?? parseEquation(sim.varying![f]!, where);
    if (!parsed.expr) { diagnostics.push(...parsed.diagnostics); continue; }
    const problems = checkClockEquation(parsed.expr, f, vars, model.file);
    if (problems.length) { diagnostics.push(...problems); continue; }
    const ctx = templateContext({ id: `sim.${f}`, name: `sim ${f}` } as Variable, new Map(), vars, new Map(), sharedHelpers(new Map(), new Map()));
    const e = resolve(parsed.expr, { vars, ctx, nodes: [], diagnostics, where, inInitial: false, helpers: new Set() });
    if (e) out[f] = e;
  }
  if (out.dt) diagnostics.push(...checkVaryingDt(nodes, model.file));
  return out;
}

function quickNumber(text: string): { expr: Expr; diagnostics: Diagnostic[] } | undefined {
  const t = text.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return undefined;
  return { expr: { kind: 'num', value: Number(t) }, diagnostics: [] };
}

function templateContext(v: Variable, counts: Map<string, number>, vars: ReadonlyMap<string, Variable>, clock: ReadonlyMap<string, number>, shared: Shared): TemplateContext {
  return {
    fresh: (label) => freshFor(v, counts, label),
    constantValue: (e) => foldConstant(e, vars, clock),
    dt: clock.get('dt')!,
    shared: (key, label) => shared(v, key, label),
  };
}

interface ResolveState {
  readonly vars: ReadonlyMap<string, Variable>;
  readonly ctx: TemplateContext;
  readonly nodes: ProgramNode[];
  readonly diagnostics: Diagnostic[];
  readonly where: Partial<Diagnostic>;
  readonly inInitial: boolean;
  /** Ids of helper nodes created so far (valid reference targets). */
  readonly helpers: Set<string>;
}

/** Resolves names and calls bottom-up; stateful calls become references to helper nodes. */
function resolve(expr: Expr, s: ResolveState): Expr | undefined {
  let ok = true;
  const fail = (code: string, message: string, hint?: string) => {
    ok = false;
    s.diagnostics.push(error(code, message, { ...s.where, hint }));
  };
  const out = mapExpr(expr, (node) => {
    if (node.kind === 'ref') {
      const v = s.vars.get(node.id);
      if (!v && !RESERVED.has(node.id) && !s.helpers.has(node.id)) {
        const guess = didYouMean(node.id, [...s.vars.keys(), ...RESERVED.keys()]);
        fail('unknown-variable', `unknown variable '${node.name}'`, guess ? `did you mean '${s.vars.get(guess)?.name ?? guess}'?` : 'define it or check the spelling');
      }
      return node;
    }
    if (node.kind !== 'call') return node;
    return resolveCall(node, s, fail) ?? node;
  });
  if (ok) checkLookupUses(out, s.vars, fail);
  return ok ? out : undefined;
}

/** Whether `e` names a table: a lookup, or a flow or auxiliary with a graphical function. */
function namesTable(e: Expr, vars: ReadonlyMap<string, Variable>): boolean {
  const v = e.kind === 'ref' ? vars.get(e.id) : undefined;
  return v?.kind === 'lookup' || ((v?.kind === 'aux' || v?.kind === 'flow') && !!v.gf);
}

/** A lookup may only appear as the table of a lookup() call or of a table function. */
function checkLookupUses(e: Expr, vars: ReadonlyMap<string, Variable>, fail: (c: string, m: string, h?: string) => void): void {
  const visit = (n: Expr, asTable: boolean): void => {
    if (n.kind === 'ref') {
      const v = vars.get(n.id);
      if (v?.kind === 'lookup' && !asTable) fail('lookup-without-input', `the lookup '${v.name}' is used without an input`, `call it as ${n.id}(x)`);
    } else if (n.kind === 'call') n.args.forEach((a, i) => visit(a, i === 0 && (n.fn === 'lookup' || !!functionSpec(n.fn)?.table)));
    else if (n.kind === 'unary') visit(n.arg, false);
    else if (n.kind === 'binary') { visit(n.left, false); visit(n.right, false); }
    else if (n.kind === 'if') { visit(n.cond, false); visit(n.then, false); visit(n.else, false); }
  };
  visit(e, false);
}

/** Functions only the expansion of a stateful builtin writes, by that builtin. */
const INTERNAL: Readonly<Record<string, string>> = { history_at: 'history', conveyor_flow: 'conveyor' };

function resolveCall(node: Expr & { kind: 'call' }, s: ResolveState, fail: (c: string, m: string, h?: string) => void): Expr | undefined {
  const arity = (min: number, max: number) => {
    const problem = arityProblem(`${node.fn}()`, min, max, node.args.length);
    if (problem) fail(WRONG_ARITY, problem);
    return !problem;
  };
  const table = s.vars.get(node.fn);
  if (table?.kind === 'lookup') return arity(1, 1) ? { kind: 'call', fn: 'lookup', args: [{ kind: 'ref', id: table.id, name: table.name }, node.args[0]] } : undefined;
  if (node.fn === 'lookup') {
    if (!arity(2, 2)) return undefined;
    const t = node.args[0];
    if (t.kind !== 'ref' || s.vars.get(t.id)?.kind !== 'lookup') fail('not-a-lookup', 'the first argument of lookup() must name a lookup');
    return undefined;
  }
  const owner = Object.hasOwn(INTERNAL, node.fn) ? INTERNAL[node.fn] : undefined;
  if (owner && !(node.args[0]?.kind === 'ref' && s.helpers.has(node.args[0].id))) {
    fail('unknown-function', `${node.fn}() is internal to ${owner}()`, `write ${owner}(…)`);
    return undefined;
  }
  const pure = functionSpec(node.fn);
  if (pure) {
    const problem = arity(pure.minArgs, pure.maxArgs) ? pure.checkArity?.(node.args.length) : undefined;
    if (problem) fail(WRONG_ARITY, `${node.fn}() ${problem}, not ${node.args.length} arguments`);
    const bad = problem ? undefined : pure.checkValues?.(node.args.map((a) => s.ctx.constantValue(a) ?? NaN));
    if (bad) fail('bad-argument', `${node.fn}(): ${bad}`, 'give it parameters it can draw from (docs/builtins.md, "Random draws with bad parameters")');
    if (pure.table && node.args.length && !namesTable(node.args[0], s.vars)) {
      fail('not-a-lookup', `the first argument of ${node.fn}() must name a lookup or a variable with a graphical function`, 'write the name of the table itself, not an expression');
    }
    return undefined;
  }
  const stateful = statefulSpec(node.fn);
  if (!stateful) {
    const guess = didYouMean(node.fn, [...functionNames(), ...statefulNames(), ...[...s.vars.values()].filter((v) => v.kind === 'lookup').map((v) => v.id)]);
    fail('unknown-function', `unknown function '${node.fn}'`, guess ? `did you mean '${guess}'?` : 'see docs/equations.md for the functions');
    return undefined;
  }
  if (!arity(stateful.minArgs, stateful.maxArgs)) return undefined;
  const bad = stateful.check?.(node.args, s.ctx);
  if (bad) {
    fail('bad-argument', `${node.fn}() ${bad}`, 'see docs/builtins.md for its arguments');
    return undefined;
  }
  if (s.inInitial && (stateful.name === 'init')) return node.args[0];
  let order = 1;
  if (stateful.orderArg !== undefined) {
    const n = s.ctx.constantValue(node.args[stateful.orderArg]);
    if (n === undefined || !(n >= 1) || n > 1000) {
      fail('bad-order', `the order of ${node.fn}() must be a constant between 1 and 1000`, 'use a number or a constant');
      return undefined;
    }
    order = Math.round(n);
  }
  const expansion = stateful.expand(node.args, s.ctx, order);
  for (const helper of expansion.nodes) s.helpers.add(helper.id);
  for (const helper of expansion.nodes) {
    const sub = { ...s, inInitial: false };
    const fix = (e: Expr | undefined, initial = false) => (e ? resolve(e, { ...sub, inInitial: initial }) : undefined);
    s.nodes.push({
      ...helper,
      equation: fix(helper.equation, helper.kind === 'stock' || helper.kind === 'init' || helper.kind === 'pipeline' || helper.kind === 'previous' || helper.kind === 'conveyor'),
      rate: fix(helper.rate), source: fix(helper.source), delay: fix(helper.delay, helper.kind !== 'conveyor'),
      args: helper.args?.map((a) => fix(a)!),
    });
  }
  return resolve(expansion.result, { ...s, inInitial: false });
}
