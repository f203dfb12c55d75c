/**
 * One evaluator per causal-graph node over slot-indexed values (compile/expression.ts):
 * the equation (with its graphical function applied), the net rate of a stock, or the
 * delayed expression of a previous()/fixed-delay value.
 */
import { makeLookup } from '../../builtins/runtime.js';
import { tryCompileExpression, type Evaluator, type ExpressionContext } from '../../compile/expression.js';
import type { Expr } from '../../expr/ast.js';
import type { CausalGraph } from './graph.js';
import type { History } from './history.js';

export function expressionContext(h: History): ExpressionContext {
  return {
    slotOf: (id) => h.layout.slotOf.get(id),
    tableOf: (id) => h.program.byId.get(id)?.table,
    sim: h.sim,
  };
}

/** Evaluators by node index; undefined for a node whose equation cannot be re-evaluated. */
export function nodeEvaluators(g: CausalGraph, h: History): (Evaluator | undefined)[] {
  const ctx = expressionContext(h);
  return g.nodes.map((n) => {
    const f = tryCompileExpression(n.fn, ctx);
    if (!f || !n.table) return f;
    const lk = makeLookup(n.table);
    return (t, v) => lk(f(t, v));
  });
}

/** An evaluator for any expression over the history's slots (e.g. a derivative). */
export function expressionEvaluator(e: Expr, h: History): Evaluator | undefined {
  return tryCompileExpression(e, expressionContext(h));
}
