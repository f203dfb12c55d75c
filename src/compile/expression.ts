/**
 * Compiles one whitelisted Expr into a closure over a slot-indexed value array, without
 * generating source text (so without `new Function`). Analyses that re-evaluate single
 * equations with values of their own choosing use it — Loops That Matter evaluates an
 * equation with one input at its current value and the others at their previous values.
 *
 * Semantics are those of emit.ts operator by operator (comparisons give 0/1, `mod` is
 * floored, `round` is half away from zero …); test/analysis/loops/expression.test.ts checks
 * that every function of the library has an implementation here and agrees with the
 * compiled model.
 */
import type { Expr } from '../expr/ast.js';
import { functionSpec, RESERVED, SHADOWED_CONSTANTS } from '../builtins/functions.js';
import { makeLookup, runtime, type LookupFn } from '../builtins/runtime.js';
import { VENSIM_RANDOM, vensimRandomMean } from '../builtins/vensim-random.js';
import type { LookupTable, SimSpec } from '../model/types.js';

/** Evaluates an expression at time `t` reading node values from `values` (by slot). */
export type Evaluator = (t: number, values: Float64Array) => number;

export interface ExpressionContext {
  /** Slot of a node in the value array, or undefined when the id names no value. */
  slotOf(id: string): number | undefined;
  /** Table of a lookup node, for `lookup(table, x)` calls. */
  tableOf(id: string): LookupTable | undefined;
  readonly sim: Pick<SimSpec, 'start' | 'stop' | 'dt' | 'saveper'>;
}

/** `table` is the closure of the table named by a table function's first argument (a[0] is then NaN). */
type Fn = (a: readonly number[], t: number, dt: number, table?: LookupFn) => number;

const unary = (f: (x: number) => number): Fn => (a) => f(a[0]);

/** One implementation per function of builtins/functions.ts, by canonical name. */
export const FUNCTION_IMPLEMENTATIONS: Readonly<Record<string, Fn>> = {
  abs: unary(Math.abs), exp: unary(Math.exp), ln: unary(Math.log), log10: unary(Math.log10),
  sqrt: unary(Math.sqrt), sin: unary(Math.sin), cos: unary(Math.cos), tan: unary(Math.tan),
  arcsin: unary(Math.asin), arccos: unary(Math.acos), arctan: unary(Math.atan),
  sinh: unary(Math.sinh), cosh: unary(Math.cosh), tanh: unary(Math.tanh),
  floor: unary(Math.floor), ceil: unary(Math.ceil), trunc: unary(Math.trunc), sign: unary(Math.sign),
  round: unary(runtime.round),
  log: (a) => (a.length === 1 ? Math.log(a[0]) : Math.log(a[0]) / Math.log(a[1])),
  pow: (a) => Math.pow(a[0], a[1]),
  mod: (a) => runtime.mod(a[0], a[1]),
  min: (a) => (a.length === 1 ? a[0] : Math.min(...a)),
  max: (a) => (a.length === 1 ? a[0] : Math.max(...a)),
  sum: (a) => a.reduce((s, x) => s + x, 0),
  prod: (a) => a.reduce((s, x) => s * x, 1),
  gammaln: unary(runtime.gammaLn),
  rootn: (a) => runtime.rootN(a[0], a[1]),
  factorial: unary(runtime.factorial),
  combinations: (a) => runtime.combinations(a[0], a[1]),
  permutations: (a) => runtime.permutations(a[0], a[1]),
  normalcdf: (a) => runtime.normalCdf(a[0], a[1], a[2] ?? 0, a[3] ?? 1),
  invnorm: (a) => runtime.invNorm(a[0], a[1] ?? 0, a[2] ?? 1),
  fv: (a) => runtime.futureValue(a[0], a[1], a[2], a[3] ?? 0),
  pv: (a) => runtime.presentValue(a[0], a[1], a[2], a[3] ?? 0),
  pmt: (a) => runtime.payment(a[0], a[1], a[2], a[3] ?? 0),
  xidz: (a) => runtime.xidz(a[0], a[1], a[2]),
  zidz: (a) => runtime.zidz(a[0], a[1]),
  safediv: (a) => runtime.xidz(a[0], a[1], a[2] ?? 0),
  quantum: (a) => runtime.quantum(a[0], a[1]),
  step: (a, t) => runtime.step(t, a[0], a[1]),
  ramp: (a, t) => runtime.ramp(t, a[0], a[1], a[2] ?? Infinity),
  pulse: (a, t, dt) => runtime.pulse(t, dt, a[0], a[1], a[2] ?? 0),
  pulse_train: (a, t, dt) => runtime.pulseTrain(t, dt, a[0], a[1], a[2], a[3]),
  allocate_available: (a) => runtime.allocateAvailable(a[0], a[1], ...a.slice(2)),
  stella_allocate: (a) => runtime.allocateExact(a[0], a[1], ...a.slice(2)),
  allocate_by_priority: (a) => runtime.allocateByPriority(a[0], a[1], a[2], ...a.slice(3)),
  vector_lookup: (a) => runtime.vectorLookup(a[0], a[1], a[2], a[3], a[4], ...a.slice(5)),
  vector_select: (a) => runtime.vectorSelect(a[0], a[1], ...a.slice(2)),
  vector_rank: (a) => runtime.vectorRank(a[0], a[1], ...a.slice(2)),
  vector_sort_order: (a) => runtime.vectorSortOrder(a[0], a[1], ...a.slice(2)),
  vector_reorder: (a) => runtime.vectorReorder(a[0], ...a.slice(1)),
  vector_elm_map: (a) => runtime.vectorElmMap(a[0], a[1], a[2], ...a.slice(3)),
  // Vector sites (vector-sites.ts): loop analysis re-evaluates a reader as the per-element
  // call it stands for (inlineVectorReads); the reader itself is not re-evaluated here.
  vector_of: (a) => a.length,
  vector_rank_at: () => NaN,
  vector_sort_order_at: () => NaN,
  vector_reorder_at: () => NaN,
  vector_elm_map_at: () => NaN,
  allocate_by_priority_at: () => NaN,
  allocate_available_at: () => NaN,
  find_market_price: (a) => runtime.findMarketPrice(a[0], a[1], ...a.slice(2)),
  demand_at_price: (a) => runtime.demandAtPrice(a[0], a[1], a[2], a[3], a[4], a[5]),
  supply_at_price: (a) => runtime.supplyAtPrice(a[0], a[1], a[2], a[3], a[4], a[5]),
  rank_index: (a) => runtime.rankIndex(a[0], a.slice(1)),
  rank_index_by: (a) => { const n = (a.length - 1) / 2; return runtime.rankIndex(a[0], a.slice(1, 1 + n), a.slice(1 + n)); },
  // Re-evaluating an equation must not draw again: random inputs are exogenous to loop
  // analysis, so re-evaluation uses the distribution's mean (a documented approximation).
  random: (a) => (a[0] + a[1]) / 2,
  normal: (a) => a[0],
  lognormal: (a) => a[0],
  exprnd: (a) => a[0],
  poisson: (a) => a[0],
  beta: (a) => a[0] / (a[0] + a[1]),
  binomial: (a) => a[0] * (a[1] >= 0 && a[1] <= 1 ? a[1] : 1),
  gamma: (a) => a[0] * a[1],
  weibull: (a) => a[1] * Math.exp(runtime.gammaLn(1 + 1 / a[0])),
  logistic: (a) => a[0],
  triangular: (a) => (a[0] + a[1] + a[2]) / 3,
  montecarlo: (a, _t, dt) => Math.min(1, Math.max(0, a[0] * dt / 100)),
  // Vensim's truncated RANDOM … functions: the mean of the untruncated draw, clipped to [min, max].
  ...Object.fromEntries(Object.keys(VENSIM_RANDOM).map((name) => [name, (a: readonly number[]) => vensimRandomMean(name, a)])),
  // history() answers from the run's records, which re-evaluation does not have: an
  // equation using it does not compile here (see NOT_REEVALUATED), so its links are left
  // unscored rather than guessed.
  history_at: () => NaN,
  conveyor_flow: () => NaN,
  // Table functions (tables.ts): the table comes in as the closure of the named lookup.
  lookup_extrapolate: (a, _t, _dt, L) => runtime.lookupExtrapolate(L!, a[1]),
  lookup_forward: (a, _t, _dt, L) => runtime.lookupForward(L!, a[1]),
  lookup_backward: (a, _t, _dt, L) => runtime.lookupBackward(L!, a[1]),
  lookup_area: (a, _t, _dt, L) => runtime.lookupArea(L!, a[1], a[2]),
  lookup_invert: (a, _t, _dt, L) => runtime.lookupInvert(L!, a[1], a[2] ?? NaN),
  data_between: (a, _t, _dt, L) => runtime.dataBetween(L!, a[1], a[2], a[3] ?? NaN),
  data_at: (a, _t, _dt, L) => runtime.dataAt(L!, a[1], a[2] ?? NaN),
  data_first_time: (_a, _t, _dt, L) => runtime.dataFirstTime(L!),
  data_last_time: (_a, _t, _dt, L) => runtime.dataLastTime(L!),
  data_points: (_a, _t, _dt, L) => runtime.dataPoints(L!),
  data_min: (a, _t, _dt, L) => runtime.dataMin(L!, a[1], a[2], a[3] ?? NaN),
  data_max: (a, _t, _dt, L) => runtime.dataMax(L!, a[1], a[2], a[3] ?? NaN),
  data_mean: (a, _t, _dt, L) => runtime.dataMean(L!, a[1], a[2], a[3] ?? NaN),
};

const BINARY: Readonly<Record<string, (a: number, b: number) => number>> = {
  '+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b, '/': (a, b) => a / b,
  '^': (a, b) => Math.pow(a, b), mod: (a, b) => runtime.mod(a, b),
  '==': (a, b) => (a === b ? 1 : 0), '!=': (a, b) => (a !== b ? 1 : 0),
  '<': (a, b) => (a < b ? 1 : 0), '<=': (a, b) => (a <= b ? 1 : 0),
  '>': (a, b) => (a > b ? 1 : 0), '>=': (a, b) => (a >= b ? 1 : 0),
  and: (a, b) => (a !== 0 && b !== 0 ? 1 : 0), or: (a, b) => (a !== 0 || b !== 0 ? 1 : 0),
  xor: (a, b) => ((a !== 0) !== (b !== 0) ? 1 : 0),
};

/** Functions whose value depends on the run's records, which re-evaluation does not have. */
const NOT_REEVALUATED: ReadonlySet<string> = new Set([
  'history_at', 'conveyor_flow', 'vector_rank_at', 'vector_sort_order_at', 'vector_reorder_at', 'vector_elm_map_at', 'allocate_by_priority_at',
  'allocate_available_at',
]);

/** Thrown (and caught by `tryCompileExpression`) for a construct this compiler lacks. */
class Unsupported extends Error {}

/**
 * Compiles `e`; throws for unknown names or functions (lowering rejects those first, so
 * for a lowered equation this only fails on a broken invariant).
 */
export function compileExpression(e: Expr, ctx: ExpressionContext): Evaluator {
  const lookups = new Map<string, LookupFn>();
  const reserved = (id: string): Evaluator | undefined => {
    const { start, stop, dt, saveper } = ctx.sim;
    const fixed: Record<string, number> = {
      dt, time_step: dt, starttime: start, initial_time: start, stoptime: stop, final_time: stop,
      saveper, pi: Math.PI, e: Math.E, inf: Infinity, nan: NaN,
    };
    if (id === 'time') return (t) => t;
    if (id in fixed) { const x = fixed[id]; return () => x; }
    return undefined;
  };
  const build = (n: Expr): Evaluator => {
    switch (n.kind) {
      case 'num': { const x = n.value; return () => x; }
      case 'ref': {
        // Reserved names win over slots, as in emit.ts.
        const slot = ctx.slotOf(n.id);
        if (RESERVED.has(n.id) && !(SHADOWED_CONSTANTS.has(n.id) && slot !== undefined)) { const r = reserved(n.id); if (r) return r; }
        if (slot !== undefined) return (_t, v) => v[slot];
        throw new Unsupported(`no value for '${n.name}'`);
      }
      case 'unary': {
        const a = build(n.arg);
        if (n.op === 'not') return (t, v) => (a(t, v) === 0 ? 1 : 0);
        return n.op === '-' ? (t, v) => -a(t, v) : (t, v) => +a(t, v);
      }
      case 'binary': {
        const [a, b, f] = [build(n.left), build(n.right), BINARY[n.op]];
        if (!f) throw new Unsupported(`operator ${n.op}`);
        return (t, v) => f(a(t, v), b(t, v));
      }
      case 'if': {
        const [c, a, b] = [build(n.cond), build(n.then), build(n.else)];
        return (t, v) => (c(t, v) !== 0 ? a(t, v) : b(t, v));
      }
      case 'call': return buildCall(n);
    }
  };
  const closureOf = (table: Expr): LookupFn => {
    const tbl = table.kind === 'ref' ? ctx.tableOf(table.id) : undefined;
    if (!tbl || table.kind !== 'ref') throw new Unsupported('a lookup function needs a table');
    if (!lookups.has(table.id)) lookups.set(table.id, makeLookup(tbl));
    return lookups.get(table.id)!;
  };
  const buildCall = (n: Expr & { kind: 'call' }): Evaluator => {
    if (n.fn === 'lookup') {
      const lk = closureOf(n.args[0]);
      const x = build(n.args[1]);
      return (t, v) => lk(x(t, v));
    }
    const spec = functionSpec(n.fn);
    const impl = spec && !NOT_REEVALUATED.has(spec.name) ? FUNCTION_IMPLEMENTATIONS[spec.name] : undefined;
    if (!impl) throw new Unsupported(`function ${n.fn}`);
    const dt = ctx.sim.dt;
    if (spec!.table) {
      const table = closureOf(n.args[0]);
      const rest = n.args.slice(1).map(build);
      return (t, v) => impl([NaN, ...rest.map((a) => a(t, v))], t, dt, table);
    }
    const args = n.args.map(build);
    if (args.length === 1) { const a0 = args[0]; const buf = [0]; return (t, v) => { buf[0] = a0(t, v); return impl(buf, t, dt); }; }
    return (t, v) => impl(args.map((a) => a(t, v)), t, dt);
  };
  return build(e);
}

/** Like compileExpression, but undefined instead of throwing for what it cannot compile. */
export function tryCompileExpression(e: Expr, ctx: ExpressionContext): Evaluator | undefined {
  try {
    return compileExpression(e, ctx);
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}
