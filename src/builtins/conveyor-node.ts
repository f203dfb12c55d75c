/**
 * `conveyor(k, x, T, init, exp, s, h, f1, a1, b1, i1, …)`: flow k of a conveyor (XMILE 1.0
 * §4.2.1, Stella's conveyor) fed by x, with transit time T and initial contents init; k = 0
 * is the outflow, k = j the j-th leakage flow, each leakage given by its leak fraction f, its
 * zone a..b (fractions of the length from the inflow end, 0 ≤ a < b ≤ 1) and i = 1 for whole
 * units; exp = 1 makes every leakage exponential. The transit time for entering batches is
 * taken from T at the steps where s ≠ 0 (XMILE `<sample>`, every step by default); while
 * h ≠ 0 the conveyor is arrested (XMILE `<arrest>`): nothing leaves and the belt stands. The call expands into one `conveyor` node,
 * a belt of batches kept by the engine (conveyor.ts, where each rule's source is given).
 * Every flow of one conveyor carries the same arguments but k: the calls that agree in them
 * share one node (TemplateContext.shared), so the outflow and the leakage flows read one belt.
 */
import { call, num, ref, type Expr } from '../expr/ast.js';
import type { LeakShape } from './conveyor.js';
import type { Expansion, TemplateContext } from './stateful.js';

const FIXED = 7;
const PER_LEAK = 4;

/** The leakage flows' numbers: zone and whole-unit flag must be constant. */
function leakShapes(args: readonly Expr[], ctx: TemplateContext): LeakShape[] | string {
  const out: LeakShape[] = [];
  for (let i = FIXED; i < args.length; i += PER_LEAK) {
    const [start, end, integers] = [1, 2, 3].map((d) => ctx.constantValue(args[i + d]));
    if (start === undefined || end === undefined || integers === undefined) return 'needs constant leak zones and whole-unit flags';
    if (!(start >= 0 && start < end && end <= 1)) return `has the leak zone ${start}..${end}; it must satisfy 0 ≤ start < end ≤ 1`;
    out.push({ start, end, integers: integers !== 0 });
  }
  return out;
}

export function conveyorCheck(args: readonly Expr[], ctx: TemplateContext): string | undefined {
  if ((args.length - FIXED) % PER_LEAK !== 0) return 'takes k, x, T, init, exp, s, h and then four arguments (f, a, b, i) per leakage flow';
  const k = ctx.constantValue(args[0]);
  const leaks = (args.length - FIXED) / PER_LEAK;
  if (k === undefined || !Number.isInteger(k) || k < 0 || k > leaks) return `needs a flow number k from 0 (the outflow) to ${leaks} (the leakage flows)`;
  const len = ctx.constantValue(args[2]);
  if (len !== undefined && !(len > 0)) return `has the transit time ${len}; a batch needs a positive transit time`;
  if (ctx.constantValue(args[4]) === undefined) return 'needs a constant exp (1 for exponential leakage, 0 for linear)';
  const shapes = leakShapes(args, ctx);
  return typeof shapes === 'string' ? shapes : undefined;
}

export function conveyorExpand(args: readonly Expr[], ctx: TemplateContext): Expansion {
  const [which, input, len, initial, exponential, sample, arrest] = args;
  const fractions = args.slice(FIXED).filter((_, i) => i % PER_LEAK === 0);
  const shapes = leakShapes(args, ctx);
  // the arguments' structure is the key: a reference's display name (its spelling) is not
  const key = JSON.stringify(args.slice(1), (field, value) => (field === 'name' ? undefined : value));
  const h = ctx.shared(`conveyor ${key}`, 'conveyor');
  return {
    nodes: !h.first ? [] : [{
      id: h.id, name: h.name, kind: 'conveyor', helper: true, source: input, delay: len, equation: initial, args: [sample, arrest, ...fractions],
      belt: { exponential: (ctx.constantValue(exponential) ?? 0) !== 0, leaks: typeof shapes === 'string' ? [] : shapes },
    }],
    result: call('conveyor_flow', ref(h.id, h.name), num(ctx.constantValue(which) ?? 0), arrest, ...fractions),
  };
}
