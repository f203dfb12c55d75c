/**
 * Read-time evaluation of values at the initial time. Vensim fixes some quantities when a
 * run starts: the control parameters, and the order of DELAY N and SMOOTH N ("the order is
 * computed once, at initialization", Vensim reference, DELAY N). Native delayn/smoothn
 * need a constant order, so the reader evaluates the order here.
 */
import { canonicalName } from '../../core/names.js';
import { mapExpr, num, type Expr } from '../../expr/ast.js';
import { fold } from './fold.js';
import type { Instance, ModelIndex } from './scope.js';
import { translate } from './translate.js';
import { externalConstant, isExternal } from './external.js';

const CONTROL_REFS = new Set(['initial_time', 'final_time', 'dt', 'saveper']);

/**
 * Returns `valueOf(expr)`: the expression's value at the initial time, or undefined when
 * it cannot be known before simulating. `control(id)` gives control values by native id.
 * Given `atStart` (an evaluator of values at the start), the value only of expressions that
 * cannot change during the run: time, stocks and everything time-dependent, stateful or
 * random are then unknown, and INITIAL(x), fixed for the whole run, is `atStart(x)`.
 */
export function initialEvaluator(index: ModelIndex, control: (id: string) => number | undefined, atStart?: (e: Expr) => number | undefined): (e: Expr) => number | undefined {
  const constant = atStart !== undefined;
  const freeze = (e: Expr): Expr => (!atStart ? e : mapExpr(e, (n) => {
    const v = n.kind === 'call' && n.fn === 'init' ? atStart(n.args[0]) : undefined;
    return v === undefined ? n : num(v);
  }));
  const byScalar = new Map<string, Instance>();
  for (const v of index.vars.values()) for (const inst of v.instances.values()) byScalar.set(canonicalName(inst.name), inst);
  const memo = new Map<string, number | undefined>();
  const busy = new Set<string>();
  const env = (id: string): number | undefined => {
    if (id === 'time') return constant ? undefined : control('initial_time');
    if (CONTROL_REFS.has(id)) return control(id);
    if (memo.has(id)) return memo.get(id);
    const inst = byScalar.get(id);
    if (!inst || busy.has(id)) return undefined;
    busy.add(id);
    const value = instanceValue(inst);
    busy.delete(id);
    memo.set(id, value);
    return value;
  };
  const instanceValue = (inst: Instance): number | undefined => {
    const body = inst.def.body;
    if (body.k === 'list') return body.values[inst.index];
    if (body.k !== 'expr') return undefined;
    let e = body.expr;
    if (e.k === 'call' && canonicalName(e.fn) === 'integ' && e.args.length === 2) {
      if (constant) return undefined;
      e = e.args[1];
    }
    const mark = index.diags.length;
    const sc = { index, bindings: inst.bindings, variable: inst.name, lhs: inst.tuple, top: e, probe: true };
    // GET XLS/DIRECT CONSTANTS are read with the model, so their values are known (INVERT
    // MATRIX of a matrix read from a file, SDEverywhere's invertmatrixio).
    const fn = e.k === 'call' ? canonicalName(e.fn) : '';
    if (e.k === 'call' && isExternal(fn) && fn.endsWith('_constants')) {
      const value = externalConstant(e, inst, sc);
      index.diags.length = mark;
      return value;
    }
    const t = translate(e, sc);
    index.diags.length = mark;
    return t && fold(freeze(t), env);
  };
  return (e) => fold(freeze(e), env);
}
