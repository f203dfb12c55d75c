/**
 * What translation needs to know: the model's variables and dimensions, the element each
 * dimension is bound to for the scalar being translated, and where to report problems.
 */
import type { DataAccess } from '../confine.js';
import type { ElementBudget } from '../../core/budget.js';
import type { Diagnostic } from '../../core/diagnostics.js';
import type { Expr } from '../../expr/ast.js';
import type { LookupTable, Variable } from '../../model/types.js';
import type { Definition, MacroDef } from './ast.js';
import type { Dimensions } from './subscripts.js';
import type { ReadOptions } from '../read-options.js';
import type { VectorSources } from '../vector-exprs.js';

/** One scalar produced by expanding a (possibly subscripted) definition. */
export interface Instance {
  /** Element ids, one per subscript position. */
  readonly tuple: readonly string[];
  readonly def: Definition;
  /** Dimension id → element id, from the dimensions written on the left-hand side. */
  readonly bindings: ReadonlyMap<string, string>;
  /** Position among the definition's expanded tuples (for number lists). */
  readonly index: number;
  /** Output name: `base` or `base[e1,e2]`. */
  readonly name: string;
}

export interface VarInfo {
  readonly id: string;
  readonly name: string;
  readonly defs: Definition[];
  readonly subscripted: boolean;
  /** Tuple key (element ids joined by ',') → instance. */
  readonly instances: Map<string, Instance>;
  /** Defined as a lookup table (called as `name(x)`). */
  readonly lookup: boolean;
}

export interface ModelIndex {
  readonly dims: Dimensions;
  readonly vars: ReadonlyMap<string, VarInfo>;
  readonly macros: ReadonlyMap<string, MacroDef>;
  readonly file?: string;
  /** Data files and `?tag` aliases the caller gives with the model, and its read limits. */
  readonly options: ReadOptions;
  /** The model's own `?tag` → file aliases (its settings block); the caller's override them. */
  readonly fileAliases: ReadonlyMap<string, string>;
  /**
   * Variables that macro calls define for the caller (`M(a : out)`), by id: subscripted like
   * the equation that makes the call, one element per element of its left-hand side.
   */
  readonly macroOutputs: ReadonlyMap<string, VarInfo>;
  /** The model's data files (GET XLS …, data variables), confined to its folder. */
  readonly data: DataAccess;
  /** Variables the model may still expand to (arrays, macro copies). */
  readonly budget: ElementBudget;
  readonly diags: Diagnostic[];
  locate(pos: number): { line: number; column: number };
  /** The arrays VECTOR functions read, found once per read, and their vector_of variables (../vector-exprs.ts). */
  readonly vectors: VectorSources;
  /** Element tuples of variables in storage order and their positions, by variable id (VECTOR ELM MAP). */
  readonly storageOrders: Map<string, { readonly tuples: readonly (readonly string[])[]; readonly positions: ReadonlyMap<string, number> }>;
  /** Adds a synthetic variable (macro internals, inline lookups). */
  addSynthetic(b: Built): void;
  /** A fresh name based on `base` that no variable uses. */
  freshName(base: string): string;
  /** Value of an expression at the initial time, when known before simulating. */
  initialValue(e: Expr): number | undefined;
  /** Value of an expression that cannot change during the run (constants only), else undefined. */
  constantValue(e: Expr): number | undefined;
}

/** What a definition builds: a stock (flows are found later) or any other variable. */
export type Built =
  | {
      readonly k: 'stock';
      readonly name: string;
      readonly rate: Expr;
      readonly initial: Expr;
      readonly units?: string;
      readonly doc?: string;
      readonly origin?: Variable['origin'];
      readonly partOf?: string;
    }
  | { readonly k: 'var'; readonly v: Variable };

export type { LookupTable };

export interface Scope {
  readonly index: ModelIndex;
  readonly bindings: ReadonlyMap<string, string>;
  /** The scalar being translated (for diagnostics and self references). */
  readonly variable: string;
  /** Its elements on the left-hand side, one per subscript (INVERT MATRIX places its result by them). */
  readonly lhs?: readonly string[];
  /** Macro parameters → their translated arguments. */
  readonly params?: ReadonlyMap<string, Expr>;
  /** Macro-internal variable ids → the names of their expanded copies. */
  readonly rename?: ReadonlyMap<string, string>;
  /** The whole right-hand side being translated (SAMPLE IF TRUE must be it). */
  readonly top?: unknown;
  /** A trial translation (read-time evaluation): no synthetic variables may be added. */
  readonly probe?: boolean;
  /** Translating a value needed at initialisation (stock initial values, INITIAL()). */
  readonly initial?: boolean;
  /** Inside a macro expansion: the model variable whose call it is (Variable.partOf of what it adds). */
  readonly partOf?: string;
}

/** A built variable marked as internal to `owner`'s macro call (Variable.partOf). */
export function partOf(b: Built, owner: string): Built {
  return b.k === 'stock' ? { ...b, partOf: owner } : { k: 'var', v: { ...b.v, partOf: owner } };
}

export function withBindings(sc: Scope, extra: ReadonlyMap<string, string>): Scope {
  return { ...sc, bindings: new Map([...sc.bindings, ...extra]) };
}

/** Scalar output name of a variable at an element tuple. */
export function scalarName(v: VarInfo, tuple: readonly string[], dims: Dimensions): string {
  return v.subscripted ? `${v.name}[${tuple.map((e) => dims.written.get(e) ?? e).join(',')}]` : v.name;
}

export function where(sc: Scope, pos: number, extra: Partial<Diagnostic> = {}): Partial<Diagnostic> {
  return { file: sc.index.file, ...sc.index.locate(pos), variable: sc.variable, ...extra };
}
