/**
 * Stateful builtins as small stock-and-flow templates (DESIGN: "SMOOTH3 *is* three
 * stocks"). Each template returns the helper nodes it adds and the expression that replaces
 * the call. Semantics, including what happens when a time argument changes mid-run, are
 * written out in docs/builtins.md.
 */
import { bin, call, num, ref, type Expr } from '../expr/ast.js';
import { conveyorCheck, conveyorExpand } from './conveyor-node.js';
import { depreciateStraightline } from './depreciate.js';
import type { ProgramNode } from './program.js';

export interface Expansion {
  readonly nodes: ProgramNode[];
  readonly result: Expr;
}

/** Context a template needs: fresh helper ids, and constant folding for orders (n). */
export interface TemplateContext {
  /** A new helper node id and display name, unique in the model. */
  fresh(label: string): { id: string; name: string };
  /** The value of an expression made only of numbers and constants, if it is one. */
  constantValue(e: Expr): number | undefined;
  /** The time step of the run being built. */
  readonly dt: number;
  /**
   * One helper node for every call that gives the same `key` with the same owner: the id and
   * name made for the first such call, which adds the node (`first` true); later calls only
   * refer to it. The owner is the stock the variable being lowered drains, if it drains
   * exactly one, else the variable (a conveyor's belt is its stock's, read by its outflow and
   * every leakage flow; another stock's conveyor with the same arguments has its own).
   */
  shared(key: string, label: string): { id: string; name: string; first: boolean };
}

export interface StatefulSpec {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly doc: string;
  /** Index of an argument that must be a constant positive integer (the order n). */
  readonly orderArg?: number;
  /** What is wrong with these arguments beyond their count, if anything (a sentence). */
  check?(args: readonly Expr[], ctx: TemplateContext): string | undefined;
  expand(args: readonly Expr[], ctx: TemplateContext, order: number): Expansion;
}

const stock = (h: { id: string; name: string }, initial: Expr, rate: Expr): ProgramNode => ({
  ...h, kind: 'stock', helper: true, equation: initial, rate,
});
const aux = (h: { id: string; name: string }, equation: Expr): ProgramNode => ({ ...h, kind: 'aux', helper: true, equation });
const r = (h: { id: string; name: string }): Expr => ref(h.id, h.name);
const div = (a: Expr, b: Expr) => bin('/', a, b);

/** n first-order exponential smooths in series, each with time T/n (information delay). */
function smoothChain(input: Expr, time: Expr, n: number, init: Expr, ctx: TemplateContext, label: string): Expansion {
  const stageTime = n === 1 ? time : div(time, num(n));
  const nodes: ProgramNode[] = [];
  let upstream = input;
  for (let k = 1; k <= n; k++) {
    const h = ctx.fresh(n === 1 ? label : `${label} stage ${k}`);
    nodes.push(stock(h, init, div(bin('-', upstream, r(h)), stageTime)));
    upstream = r(h);
  }
  return { nodes, result: upstream };
}

/** n stocks of material in transit, each drained at stock/(T/n) (material delay). */
function delayChain(input: Expr, time: Expr, n: number, init: Expr, ctx: TemplateContext, label: string): Expansion {
  const stageTime = n === 1 ? time : div(time, num(n));
  const nodes: ProgramNode[] = [];
  let inflow = input;
  for (let k = 1; k <= n; k++) {
    const s = ctx.fresh(n === 1 ? label : `${label} stage ${k}`);
    const o = ctx.fresh(n === 1 ? `${label} outflow` : `${label} outflow ${k}`);
    nodes.push(stock(s, bin('*', init, stageTime), bin('-', inflow, r(o))));
    nodes.push(aux(o, div(r(s), stageTime)));
    inflow = r(o);
  }
  return { nodes, result: inflow };
}

/**
 * Vensim DELAY N, whose behaviour Vensim documents only by example; this follows the
 * suite's reference outputs (SDXorg test-models `delays`, `delay_pipeline`,
 * `subscripted_delays`, Vensim DSS 6.3–7.3) as PySD reconstructed them (pysd#391):
 * the order is fixed at the start and lowered until n·dt ≤ T; each stage k holds
 * L_k (initially init·T) with dL_k/dt = n·(in_k − L_k/τ_k), where τ_1 is the current delay
 * time and τ_k the delay time k−1 steps ago (the delay time travels with the material);
 * the output is L_n divided by the delay time one step ago.
 */
function vensimDelayN(args: readonly Expr[], ctx: TemplateContext, order: number): Expansion {
  const [input, time, , init] = args;
  const t0 = ctx.constantValue(time);
  let n = order;
  if (t0 !== undefined) while (n > 1 && n * ctx.dt > t0 * (1 + 1e-12)) n--;
  const nodes: ProgramNode[] = [];
  const delayed = (source: Expr): Expr => {
    const h = ctx.fresh('delay time');
    nodes.push({ ...h, kind: 'previous', helper: true, source, equation: call('init', time) });
    return r(h);
  };
  let tau = time;
  let inflow = input;
  let last: Expr = num(0);
  for (let k = 1; k <= n; k++) {
    if (k > 1) tau = delayed(tau);
    const s = ctx.fresh(`stage ${k}`);
    const out = div(r(s), tau);
    nodes.push(stock(s, bin('*', init, call('init', time)), bin('*', num(n), bin('-', inflow, out))));
    inflow = out;
    last = r(s);
  }
  return { nodes, result: div(last, delayed(time)) };
}

function initArg(args: readonly Expr[], index: number): Expr {
  return args[index] ?? call('init', args[0]);
}

/** Average for TREND/FORECAST, initialised so the initial trend is `initTrend`. */
function trendParts(args: readonly Expr[], ctx: TemplateContext, label: string) {
  const [input, time] = args;
  const initTrend = args[2] ?? num(0);
  const avgInit = div(call('init', input), bin('+', num(1), bin('*', call('init', initTrend), call('init', time))));
  const avg = smoothChain(input, time, 1, avgInit, ctx, `${label} average`);
  const trend = call('zidz', bin('-', input, avg.result), bin('*', time, call('abs', avg.result)));
  return { nodes: avg.nodes, trend };
}

/**
 * Vensim NPV(stream, discount rate, initial value, factor), by the equations the Vensim
 * reference ("NPV") gives for it:
 *   df = INTEG(−df · rate / (1 + rate · TIME STEP), 1)
 *   accumulated = INTEG(stream · df, initial value)
 *   NPV = (accumulated + stream · TIME STEP · df) · factor
 * so that with Euler steps df falls by 1/(1 + rate·dt) a step and the current period's
 * stream is included, discounted like the next one (SDEverywhere expands NPV the same way).
 */
function npv(args: readonly Expr[], ctx: TemplateContext): Expansion {
  const [stream, rate] = args;
  const init = args[2] ?? num(0);
  const factor = args[3] ?? num(1);
  const dt = ref('dt', 'dt');
  const df = ctx.fresh('npv discount factor');
  const acc = ctx.fresh('npv accumulated');
  return {
    nodes: [
      stock(df, num(1), div(bin('*', { kind: 'unary', op: '-', arg: r(df) }, rate), bin('+', num(1), bin('*', rate, dt)))),
      stock(acc, init, bin('*', stream, r(df))),
    ],
    result: bin('*', bin('+', r(acc), bin('*', bin('*', stream, dt), r(df))), factor),
  };
}

/**
 * A constant time argument (at `at`) that is not positive: a smooth or delay divides its
 * stocks by it, so 0 gives infinite rates and a negative time makes a smooth run away from
 * its input, where neither vendor's reference says what such a time means.
 */
const positiveTime = (at: number) => (args: readonly Expr[], ctx: TemplateContext): string | undefined => {
  const T = ctx.constantValue(args[at]);
  return T !== undefined && !(T > 0) ? `has the time ${T}; it must be positive (the stocks it keeps are divided by it)` : undefined;
};

export const STATEFUL: readonly StatefulSpec[] = [
  { name: 'smooth', aliases: ['smth1', 'smooth1', 'smoothi'], minArgs: 2, maxArgs: 3, check: positiveTime(1), doc: 'first-order exponential smooth',
    expand: (a, ctx) => smoothChain(a[0], a[1], 1, initArg(a, 2), ctx, 'smooth') },
  { name: 'smooth3', aliases: ['smth3', 'smooth3i'], minArgs: 2, maxArgs: 3, check: positiveTime(1), doc: 'third-order exponential smooth',
    expand: (a, ctx) => smoothChain(a[0], a[1], 3, initArg(a, 2), ctx, 'smooth3') },
  { name: 'smoothn', aliases: ['smthn', 'smooth_n'], minArgs: 3, maxArgs: 4, orderArg: 2, check: positiveTime(1), doc: 'n-th order exponential smooth',
    expand: (a, ctx, n) => smoothChain(a[0], a[1], n, initArg(a, 3), ctx, `smooth${n}`) },
  { name: 'delay1', aliases: ['delay1i'], minArgs: 2, maxArgs: 3, check: positiveTime(1), doc: 'first-order material delay',
    expand: (a, ctx) => delayChain(a[0], a[1], 1, initArg(a, 2), ctx, 'delay1') },
  { name: 'delay3', aliases: ['delay3i'], minArgs: 2, maxArgs: 3, check: positiveTime(1), doc: 'third-order material delay',
    expand: (a, ctx) => delayChain(a[0], a[1], 3, initArg(a, 2), ctx, 'delay3') },
  { name: 'delayn', aliases: ['delay_n'], minArgs: 3, maxArgs: 4, orderArg: 2, check: positiveTime(1), doc: 'n-th order material delay',
    expand: (a, ctx, n) => delayChain(a[0], a[1], n, initArg(a, 3), ctx, `delay${n}`) },
  { name: 'vensim_delayn', minArgs: 4, maxArgs: 4, orderArg: 2, check: positiveTime(1), doc: 'Vensim DELAY N as vensim_delayn(input, time, n, init): order capped so n·dt ≤ time, delay time travelling with the material',
    expand: (a, ctx, n) => vensimDelayN(a, ctx, n) },
  { name: 'trend', minArgs: 2, maxArgs: 3, check: positiveTime(1), doc: 'fractional rate of change of the input per time unit',
    expand: (a, ctx) => { const p = trendParts(a, ctx, 'trend'); return { nodes: p.nodes, result: p.trend }; } },
  { name: 'forecast', aliases: ['forcst'], minArgs: 3, maxArgs: 4, check: positiveTime(1), doc: 'input extrapolated `horizon` ahead along its trend',
    expand: (a, ctx) => {
      const p = trendParts([a[0], a[1], a[3] ?? num(0)], ctx, 'forecast');
      return { nodes: p.nodes, result: bin('*', a[0], bin('+', num(1), bin('*', p.trend, a[2]))) };
    } },
  { name: 'delay_fixed', aliases: ['delay', 'delayfixed'], minArgs: 2, maxArgs: 3, doc: 'pipeline delay: the input exactly `time` ago',
    expand: (a, ctx) => {
      const h = ctx.fresh('delay fixed');
      return { nodes: [{ ...h, kind: 'pipeline', helper: true, source: a[0], delay: a[1], equation: initArg(a, 2) }], result: r(h) };
    } },
  { name: 'conveyor', minArgs: 5, maxArgs: Infinity, doc: 'conveyor(k, x, T, init, exp, f1, a1, b1, i1, …): flow k of an XMILE/Stella conveyor fed by x with transit time T (0 the outflow, j the j-th leakage flow, each given by its fraction f, zone a..b and whole-unit flag i; exp 1 for exponential leakage) (conveyor.ts)',
    check: conveyorCheck, expand: conveyorExpand },
  { name: 'npv', minArgs: 2, maxArgs: 4, doc: 'npv(stream, rate[, initial[, factor]]): Vensim NPV, the net present value of stream discounted at rate per time unit, plus initial (default 0), times factor (default 1)',
    expand: (a, ctx) => npv(a, ctx) },
  { name: 'depreciate_straightline', minArgs: 3, maxArgs: 4, doc: 'depreciate_straightline(str, dtime, fisc[, init]): Vensim DEPRECIATE STRAIGHTLINE, the investment stream str depreciated in equal parts over dtime, by fiscal periods of fisc (depreciate.ts)',
    expand: (a, ctx) => depreciateStraightline(a, ctx) },
  { name: 'init', aliases: ['initial'], minArgs: 1, maxArgs: 1, doc: 'value at the start time',
    expand: (a, ctx) => {
      if (a[0].kind === 'num') return { nodes: [], result: a[0] };
      const h = ctx.fresh('init');
      return { nodes: [{ ...h, kind: 'init', helper: true, equation: a[0] }], result: r(h) };
    } },
  { name: 'history', minArgs: 2, maxArgs: 2, doc: 'history(x, time): the value x had at an earlier time of the run (Stella HISTORY; history.ts)',
    expand: (a, ctx) => {
      const h = ctx.fresh('history');
      return { nodes: [{ ...h, kind: 'history', helper: true, source: a[0], equation: num(0) }], result: call('history_at', r(h), a[1], a[0]) };
    } },
  { name: 'previous', minArgs: 1, maxArgs: 2, doc: 'value at the previous time step',
    expand: (a, ctx) => {
      const h = ctx.fresh('previous');
      return { nodes: [{ ...h, kind: 'previous', helper: true, source: a[0], equation: a[1] ?? num(0) }], result: r(h) };
    } },
];

const byName: ReadonlyMap<string, StatefulSpec> = new Map(
  STATEFUL.flatMap((s) => [[s.name, s] as const, ...(s.aliases ?? []).map((a) => [a, s] as const)]),
);

export function statefulSpec(name: string): StatefulSpec | undefined {
  return byName.get(name);
}

export function statefulNames(): string[] {
  return [...byName.keys()];
}
