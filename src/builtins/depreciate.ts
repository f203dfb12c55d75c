/**
 * Vensim DEPRECIATE STRAIGHTLINE(str, dtime, fisc, init) (Vensim reference, "DEPRECIATE
 * STRAIGHTLINE"): straight-line depreciation of an investment stream `str` (units/time) over
 * a lifetime `dtime`, with everything paid within one fiscal period of length `fisc` lumped
 * together. With m = dtime/fisc fiscal periods (rounded to a whole number, at least 1, as the
 * reference says Vensim adjusts dtime to a multiple of fisc), an investment is returned as
 * 1/m of it in its own fiscal period and in each of the m − 1 that follow; in its own period
 * the function "includes dtime/fisc of the current value of str" (the reference's words for
 * the 1/m share of the current rate), which keeps every outflow in its fiscal period. `init`
 * initialises the accumulations "as if the function had been called with a constant value
 * of init … over the previous dtime", so a stream that stays at init gives init throughout.
 *
 * As structure (every piece discrete, so it is exact under any integration method):
 *   paid     = previous(paid, 0) + str·dt          (all that was paid up to this step)
 *   atStart  = paid before the current fiscal period began (held through the period)
 *   result   = (atStart − atStart (m−1)·fisc ago)/(m·fisc) + str/m + init·max(0, m−1−k)/m
 * where k is the number of whole fiscal periods since the start. Fiscal periods are counted
 * from the initial time. Vensim's own run of SDEverywhere's `depreciate` model (TIME STEP 1,
 * fisc 1, dtime 20) gives the same numbers.
 */
import { bin, call, num, ref, type Expr } from '../expr/ast.js';
import type { ProgramNode } from './program.js';
import type { Expansion, TemplateContext } from './stateful.js';

const time = ref('time', 'time');
const start = ref('initial_time', 'initial_time');
const dt = ref('dt', 'dt');

export function depreciateStraightline(args: readonly Expr[], ctx: TemplateContext): Expansion {
  const [str, dtime, fisc] = args;
  const init = call('init', args[3] ?? num(0));
  const nodes: ProgramNode[] = [];
  const node = (label: string, make: (id: string, name: string) => ProgramNode): Expr => {
    const h = ctx.fresh(label);
    nodes.push(make(h.id, h.name));
    return ref(h.id, h.name);
  };
  const aux = (label: string, equation: Expr) => node(label, (id, name) => ({ id, name, kind: 'aux', helper: true, equation }));
  const previous = (label: string, source: () => Expr, initial: Expr) => node(label, (id, name) => ({ id, name, kind: 'previous', helper: true, source: source(), equation: initial }));

  const period = aux('depreciation fiscal period', call('init', fisc));
  const m = aux('depreciation periods', call('max', num(1), call('round', bin('/', call('init', dtime), period))));
  // k: whole fiscal periods since the start (the small slack keeps t0 + k·fisc in period k)
  const k = aux('depreciation period index', call('floor', bin('+', bin('/', bin('-', time, start), period), num(1e-9))));
  const paidNames = ctx.fresh('depreciation paid');
  const paidRef = ref(paidNames.id, paidNames.name);
  const paidBefore = previous('depreciation paid before', () => paidRef, num(0));
  nodes.push({ ...paidNames, kind: 'aux', helper: true, equation: bin('+', paidBefore, bin('*', str, dt)) });
  const kBefore = previous('depreciation previous period index', () => k, num(-1));
  const atStartNames = ctx.fresh('depreciation paid at period start');
  const atStartRef = ref(atStartNames.id, atStartNames.name);
  const atStartBefore = previous('depreciation paid at previous period start', () => atStartRef, num(0));
  nodes.push({ ...atStartNames, kind: 'aux', helper: true, equation: { kind: 'if', cond: bin('!=', k, kBefore), then: paidBefore, else: atStartBefore } });
  const window = bin('*', bin('-', m, num(1)), period);
  const old = node('depreciation paid at window start', (id, name) => ({ id, name, kind: 'pipeline', helper: true, source: atStartRef, delay: window, equation: num(0) }));
  const leaving: Expr = { kind: 'if', cond: bin('<=', m, num(1)), then: atStartRef, else: old };
  const completed = bin('/', bin('-', atStartRef, leaving), bin('*', m, period));
  const current = bin('/', str, m);
  const before = bin('/', bin('*', init, call('max', num(0), bin('-', bin('-', m, num(1)), k))), m);
  return { nodes, result: bin('+', bin('+', completed, current), before) };
}
