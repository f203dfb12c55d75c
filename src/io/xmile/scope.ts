/**
 * What an equation can see while it is translated: the variables of its (flattened)
 * model instance, the module instances below it (XMILE 1.0 §3.6: `module.variable`),
 * the file's dimensions and macros, and the element of each dimension that is being
 * expanded. Also the static evaluation used for numeric subscripts (`a[n + 1]`).
 */
import type { VectorSources } from '../vector-exprs.js';
import type { Expr } from '../../expr/ast.js';
import type { Variable } from '../../model/types.js';
import type { PendingConveyor } from './conveyor.js';
import type { XExpr } from './eqn-ast.js';
import type { DimTable, Dimension } from './dims.js';
import { xid } from './names.js';

export type VarKind = 'stock' | 'flow' | 'aux' | 'gf';

export interface VarInfo {
  /** Canonical local id. */
  readonly id: string;
  /** Full display name (module prefix + name as written). */
  readonly name: string;
  /** An `<aux>` a stock lists as its flow (Vensim's XMILE export) is promoted to 'flow'. */
  kind: VarKind;
  readonly dims: readonly Dimension[];
  /** Emitted as a named lookup and called as a function. */
  lookup: boolean;
  /**
   * For a graphical function of an input (`<eqn>` and `<gf>`) that is also called by name
   * (§3.1.4): the base name of its lookup, kept apart from the variable, whose value is the
   * graphical function applied to its equation.
   */
  table?: string;
  /**
   * For a variable whose value at the start time differs from its equation's, because it or
   * what it reads has an `<init_eqn>` (init.ts): that value of element `idx`, translated.
   */
  initial?: (idx: readonly number[]) => Expr | undefined;
  /** For a scalar graphical function: its y-values, read as a container (gf-container.ts). */
  yValues?: () => readonly number[] | undefined;
}

export interface Scope {
  /** `''` for the root model, `hares.` for a module instance named hares. */
  readonly prefix: string;
  readonly vars: Map<string, VarInfo>;
  readonly modules: Map<string, Scope>;
}

export interface Macro {
  readonly name: string;
  readonly params: readonly string[];
  /** Parsed body (the macro's value), or undefined when it cannot be used. */
  readonly body?: XExpr;
  /** The macro's own variables (stocks inside a macro), instantiated at every call. */
  readonly variables?: readonly MacroVar[];
  readonly why?: string;
}

/** A variable inside a macro (§4.8): scalar, its equation parsed. */
export interface MacroVar {
  readonly kind: 'stock' | 'flow' | 'aux';
  readonly name: string;
  readonly eqn: XExpr;
  readonly inflows: readonly string[];
  readonly outflows: readonly string[];
  readonly nonNegative: boolean;
  /** A conveyor stock's transit time and leak zone (conveyor.ts). */
  readonly conveyor?: { readonly len: XExpr; readonly leakStart: number; readonly leakEnd: number; readonly exponential: boolean };
  /** A conveyor's leakage flow (`<leak/>`), in whole units (`<leak_integers/>`). */
  readonly leak?: boolean;
  readonly leakIntegers?: boolean;
}

export interface TranslateEnv {
  readonly dims: DimTable;
  readonly macros: ReadonlyMap<string, Macro>;
  /** Reports a problem at an offset of the equation text being translated. */
  report(code: string, message: string, pos: number, hint?: string): void;
  /** Adds a variable made while translating (an instance of a macro's variables, a vector_of). */
  define(v: Variable): void;
  /** The arrays VECTOR functions read, found once per file, and their vector_of variables (../vector-exprs.ts); absent, none are made. */
  readonly vectors?: VectorSources;
  /** Adds a conveyor made while translating (in a macro instance), its flows set at the end (conveyor.ts). */
  conveyor(c: Omit<PendingConveyor, 'where'>, fractions: ReadonlyMap<string, Expr>, pos: number): void;
  /** A number not used before in this file, for naming macro instances. */
  instance(): number;
  /** Reserves `n` variables of the expansion budget for `what`; false (after reporting) when they do not fit. */
  reserve(n: number, what: string, pos: number): boolean;
}

export interface Ctx {
  readonly env: TranslateEnv;
  readonly scope: Scope;
  /** Dimension id → index of the element being expanded. */
  readonly bind: ReadonlyMap<string, number>;
  /** The variable (element) whose equation this is, for SELF (§3.5.6). */
  readonly self?: Expr;
  readonly selfCount?: number;
  /** The dimensions of that variable, for `SIZE(SELF[1, *])` (§3.7.1.3). */
  readonly selfDims?: readonly Dimension[];
  /** Macro parameters in scope (canonical name → translated argument). */
  readonly params?: ReadonlyMap<string, Expr>;
  readonly macroDepth?: number;
  /** Translating a value at the start time (a stock's initial value): `<init_eqn>`s apply (init.ts). */
  readonly initial?: boolean;
}

/** Finds a variable by name, looking into module instances for `module.variable`. */
export function resolveVar(scope: Scope, raw: string): VarInfo | undefined {
  const id = xid(raw);
  const direct = scope.vars.get(id);
  if (direct) return direct;
  const dot = id.indexOf('.');
  if (dot > 0) {
    const child = scope.modules.get(id.slice(0, dot));
    if (child) return resolveVar(child, id.slice(dot + 1));
  }
  return undefined;
}

/** Every name visible in a scope (for did-you-mean). */
export function visibleNames(scope: Scope): string[] {
  return [...scope.vars.values()].map((v) => v.name.slice(scope.prefix.length));
}

/**
 * Evaluates a subscript expression that must be known before the run: numbers,
 * arithmetic, and dimension names being expanded (their 1-based position, §3.7.1).
 */
export function staticValue(x: XExpr, ctx: Ctx): number | undefined {
  switch (x.kind) {
    case 'num': return x.value;
    case 'name': {
      const d = ctx.env.dims.get(xid(x.name));
      const i = d && !x.subs ? ctx.bind.get(d.id) : undefined;
      return i === undefined ? undefined : i + 1;
    }
    case 'unary': {
      const a = staticValue(x.arg, ctx);
      return a === undefined ? undefined : x.op === '-' ? -a : x.op === '+' ? a : Number(a === 0);
    }
    case 'binary': {
      const a = staticValue(x.left, ctx);
      const b = staticValue(x.right, ctx);
      if (a === undefined || b === undefined) return undefined;
      switch (x.op) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return a / b;
        case 'mod': return a - b * Math.floor(a / b);
        default: return undefined;
      }
    }
    default: return undefined;
  }
}
