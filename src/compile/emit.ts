/**
 * Turns one whitelisted Expr into a JavaScript expression string. Only the node kinds of
 * expr/ast.ts exist here, every name becomes an array slot, and every function comes from
 * the builtins library, so generated code can contain nothing a model author wrote
 * verbatim except numbers.
 */
import type { Expr } from '../expr/ast.js';
import { functionSpec, RESERVED, SHADOWED_CONSTANTS } from '../builtins/functions.js';

export interface Slots {
  /** JS for reading the node with this id (`y[3]`, `v[17]`, `lk[2]`). */
  read(id: string): string;
  /** True when the program has a node with this id. */
  has(id: string): boolean;
  /** Index of a lookup node's closure in `lk`. */
  lookup(id: string): number;
  /** A new call-site number (for functions with per-site state, such as random draws). */
  site(): number;
  /** Slot of a node in the value array (vector sites keep their elements by it). */
  slot(id: string): number;
  /** Slot of the node whose equation is being emitted. */
  own(): number;
}

export function emitExpr(e: Expr, slots: Slots): string {
  switch (e.kind) {
    case 'num':
      return numberLiteral(e.value);
    case 'ref': {
      // A model's own `e` or `pi` shadows the constant; clock names cannot be defined.
      const reserved = SHADOWED_CONSTANTS.has(e.id) && slots.has(e.id) ? undefined : RESERVED.get(e.id);
      return reserved ?? slots.read(e.id);
    }
    case 'unary': {
      const a = emitExpr(e.arg, slots);
      if (e.op === 'not') return `(${emitCondition(e, slots)} ? 1 : 0)`;
      return e.op === '-' ? `(-${a})` : `(+${a})`;
    }
    case 'binary': {
      const a = emitExpr(e.left, slots);
      const b = emitExpr(e.right, slots);
      switch (e.op) {
        case '+': case '-': case '*': case '/': return `(${a} ${e.op} ${b})`;
        case '^': return `Math.pow(${a}, ${b})`;
        case 'mod': return `R.mod(${a}, ${b})`;
        case '==': return `(${a} === ${b} ? 1 : 0)`;
        case '!=': return `(${a} !== ${b} ? 1 : 0)`;
        case '<': case '<=': case '>': case '>=': return `(${a} ${e.op} ${b} ? 1 : 0)`;
        case 'and': case 'or': return `(${emitCondition(e, slots)} ? 1 : 0)`;
        case 'xor': return `((${a} !== 0) !== (${b} !== 0) ? 1 : 0)`;
        default: throw new Error(`unknown operator ${String((e as { op: string }).op)}`);
      }
    }
    case 'if':
      return `(${emitCondition(e.cond, slots)} ? ${emitExpr(e.then, slots)} : ${emitExpr(e.else, slots)})`;
    case 'call': {
      if (e.fn === 'lookup') {
        const table = e.args[0];
        if (table.kind !== 'ref') throw new Error('lookup() needs a table reference');
        return `L${slots.lookup(table.id)}(${emitExpr(e.args[1], slots)})`;
      }
      const spec = functionSpec(e.fn);
      if (!spec) throw new Error(`no code for function ${e.fn}: lowering should have expanded or rejected it`);
      // A table function's first argument is the table's closure (lowering checked it names one).
      const arg = (a: Expr, i: number) => {
        if (spec.table && i === 0 && a.kind === 'ref') return `L${slots.lookup(a.id)}`;
        // a vector site's elements are kept by its slot (lowering checked that it names one)
        if (i < (spec.vectorArgs ?? 0) && a.kind === 'ref') return String(slots.slot(a.id));
        return emitExpr(a, slots);
      };
      const args = e.args.map(arg);
      return spec.emit(spec.ownSlot ? [String(slots.own()), ...args] : args, slots.site());
    }
  }
}

/** A JS boolean for a condition: comparisons and logic directly, anything else as `!== 0`. */
function emitCondition(e: Expr, slots: Slots): string {
  if (e.kind === 'binary') {
    switch (e.op) {
      case '<': case '<=': case '>': case '>=':
        return `(${emitExpr(e.left, slots)} ${e.op} ${emitExpr(e.right, slots)})`;
      case '==': return `(${emitExpr(e.left, slots)} === ${emitExpr(e.right, slots)})`;
      case '!=': return `(${emitExpr(e.left, slots)} !== ${emitExpr(e.right, slots)})`;
      case 'and': return `(${emitCondition(e.left, slots)} && ${emitCondition(e.right, slots)})`;
      case 'or': return `(${emitCondition(e.left, slots)} || ${emitCondition(e.right, slots)})`;
      default: break;
    }
  }
  if (e.kind === 'unary' && e.op === 'not') return `!${emitCondition(e.arg, slots)}`;
  return `(${emitExpr(e, slots)} !== 0)`;
}

export function numberLiteral(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '(-Infinity)';
  const s = String(x);
  return x < 0 || Object.is(x, -0) ? `(${Object.is(x, -0) ? '-0' : s})` : s;
}
