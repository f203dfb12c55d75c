/**
 * The lowered model: every variable parsed and resolved, every stateful builtin expanded
 * into ordinary stocks and auxiliaries (or a pipeline / init / previous node), every
 * lookup call explicit. Graph ordering and code generation work on this.
 */
import type { Expr } from '../expr/ast.js';
import type { LookupTable, Variable } from '../model/types.js';
import type { ClockEquations } from './clock.js';
import type { BeltShape } from './conveyor.js';

export type NodeKind =
  | 'stock'     // integrated state: `equation` is the initial value, `rate` the net flow
  | 'flow'      // computed every evaluation from `equation`
  | 'aux'       // computed every evaluation from `equation`
  | 'constant'  // `value`, settable per run without recompiling
  | 'lookup'    // a graphical function `table`, only called
  | 'init'      // value of `equation` at the start time, then held
  | 'previous'  // value of `source` at the previous step; `equation` at the start
  | 'pipeline'  // a fixed (pipeline) delay of `source` by `delay`; `equation` before it fills
  | 'history'   // records `source` at every step for history(); its value is its record number
  | 'conveyor'; // a conveyor belt fed by `source`, transit time `delay`, initial contents `equation`, leak fractions `args`; its value is its belt number

export interface ProgramNode {
  readonly id: string;
  /** Display name: the variable's name as written, or a descriptive helper name. */
  readonly name: string;
  readonly kind: NodeKind;
  /** Internal nodes created by builtin expansion are not output by default. */
  readonly helper: boolean;
  readonly equation?: Expr;
  readonly rate?: Expr;
  readonly source?: Expr;
  readonly delay?: Expr;
  readonly table?: LookupTable;
  /** A conveyor's leak fractions, and the shape of its belt (conveyor.ts). */
  readonly args?: readonly Expr[];
  readonly belt?: BeltShape;
  readonly value?: number;
  readonly units?: string;
  /** The model variable this node is, or was expanded from. */
  readonly variable?: Variable;
}

export interface Program {
  readonly nodes: readonly ProgramNode[];
  readonly byId: ReadonlyMap<string, ProgramNode>;
  /** Equations of the sim spec fields that change during the run (builtins/clock.ts). */
  readonly clock?: ClockEquations;
}

/**
 * The id of the model variable a helper node was expanded from: helper ids are
 * `<variable id>#<k>` (lower.ts, templateContext); undefined for any other id.
 */
export function helperOwner(id: string): string | undefined {
  const m = /^(.*)#\d+$/.exec(id);
  return m ? m[1] : undefined;
}
