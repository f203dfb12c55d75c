/**
 * Linear conveyor leakage (XMILE 1.0 §4.2.1 conveyor options; Stella "Conveyor" help, leakage
 * flows): `conveyor_leak(input, len, fraction, start, end)` is the leakage flow of a conveyor
 * whose contents ride `len` time units and whose leak zone runs from `start` to `end` (fractions
 * of the length, 0 ≤ start < end ≤ 1). Linear leakage takes from every batch in the zone an
 * equal amount per time unit, so that a batch loses `fraction` of what entered by the time it
 * leaves the zone:
 *   leak = fraction · W / (len · (end − start))
 * where W is what entered between len·end and len·start ago (a stock filled by the input
 * delayed len·start and drained by the input delayed len·end). With a constant input I the
 * leak settles at fraction · I, and the conveyor's outflow at (1 − fraction) · I.
 */
import { bin, call, num, ref, type Expr } from '../expr/ast.js';
import type { Expansion, TemplateContext } from './stateful.js';

export function conveyorLeak(args: readonly Expr[], ctx: TemplateContext): Expansion {
  const [input, len, fraction, start, end] = args;
  const delayed = (at: Expr): Expr => (ctx.constantValue(at) === 0 ? input : call('delay_fixed', input, bin('*', len, at), num(0)));
  const w = ctx.fresh('conveyor leak zone');
  const rate = bin('-', delayed(start), delayed(end));
  return {
    nodes: [{ ...w, kind: 'stock', helper: true, equation: num(0), rate }],
    result: bin('/', bin('*', fraction, ref(w.id, w.name)), bin('*', len, bin('-', end, start))),
  };
}
