/**
 * Parses equation text into the whitelisted `Expr` tree. mathjs does the parsing; every
 * mathjs node is then checked against an explicit whitelist (numbers, names, the operators
 * of docs/equations.md, conditionals, calls of plain names). Everything else — assignment,
 * function definition, member/index access, matrices, objects, ranges, unit conversion,
 * transpose, factorial, implicit multiplication — is a `forbidden-syntax` diagnostic, so
 * nothing in a model file can reach code generation except what the compiler understands.
 */
import type { MathNode } from 'mathjs';
import { error, type Diagnostic } from '../core/diagnostics.js';
import { canonicalName } from '../core/names.js';
import type { BinaryOp, Expr } from './ast.js';
import { preprocess } from './preprocess.js';
import { mathParse } from './mathjs.js';

/** Deeper trees are refused with a diagnostic instead of overflowing the stack. */
export const MAX_DEPTH = 1500;
/** Deeper parenthesis nesting is refused before mathjs sees the text. */
export const MAX_NESTING = 200;
/** Longer equation texts are refused (a model equation is never this long). */
export const MAX_LENGTH = 200_000;

export interface ParseResult {
  readonly expr?: Expr;
  readonly diagnostics: Diagnostic[];
}

const BINARY: Readonly<Record<string, BinaryOp>> = {
  add: '+', subtract: '-', multiply: '*', divide: '/', pow: '^', mod: 'mod',
  equal: '==', unequal: '!=', smaller: '<', smallerEq: '<=', larger: '>', largerEq: '>=',
  and: 'and', or: 'or', xor: 'xor',
};

/** Parses one equation. `where` locates diagnostics (file, variable, field). */
export function parseEquation(text: string, where: Partial<Diagnostic> = {}): ParseResult {
  const fail = (code: string, message: string, hint?: string, column?: number): ParseResult => ({
    diagnostics: [error(code, message, { ...where, hint, ...(column !== undefined ? { column } : {}) })],
  });
  if (typeof text !== 'string' || text.trim() === '') return fail('empty-equation', 'the equation is empty', 'write a number or an expression');
  if (text.length > MAX_LENGTH) return fail('equation-too-long', `the equation is ${text.length} characters long`, `keep equations under ${MAX_LENGTH} characters`);
  if (nestingDepth(text) > MAX_NESTING) return fail('too-deep', `the equation nests parentheses more than ${MAX_NESTING} deep`, 'split it into auxiliary variables');
  const pre = preprocess(text);
  if (!pre.text) return fail('syntax-error', pre.problem!.message, "write 'if condition then a else b'", pre.problem!.offset + 1);
  let node: MathNode;
  try {
    node = mathParse(pre.text);
  } catch (e) {
    if (e instanceof RangeError) return fail('too-deep', 'the equation is nested too deeply to parse', 'split it into auxiliary variables');
    const msg = e instanceof Error ? e.message : String(e);
    const m = /char (\d+)/.exec(msg);
    return fail('syntax-error', `cannot parse '${clip(text)}': ${msg.replace(/\s*\(char \d+\)/, '')}`, undefined, m ? Number(m[1]) : undefined);
  }
  const diagnostics: Diagnostic[] = [];
  const expr = convert(node, 0, text, where, diagnostics);
  return diagnostics.length ? { diagnostics } : { expr: expr!, diagnostics };
}

function convert(node: MathNode, depth: number, text: string, where: Partial<Diagnostic>, out: Diagnostic[]): Expr | undefined {
  if (depth > MAX_DEPTH) {
    if (!out.some((d) => d.code === 'too-deep')) out.push(error('too-deep', `the equation nests more than ${MAX_DEPTH} operations deep`, { ...where, hint: 'split it into auxiliary variables' }));
    return undefined;
  }
  const rec = (n: MathNode) => convert(n, depth + 1, text, where, out);
  const forbid = (what: string, hint?: string): undefined => {
    out.push(error('forbidden-syntax', `${what} is not allowed in equations`, { ...where, hint: hint ?? 'see docs/equations.md for the equation language' }));
    return undefined;
  };
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'ConstantNode': {
      const v = n.value;
      if (typeof v === 'number') return { kind: 'num', value: v };
      if (typeof v === 'boolean') return { kind: 'num', value: v ? 1 : 0 };
      if (typeof v === 'string') return nameRef(v, out, where);
      return forbid(`the constant ${String(v)}`);
    }
    case 'SymbolNode':
      return nameRef(String(n.name), out, where);
    case 'ParenthesisNode':
      return rec(n.content as MathNode);
    case 'ConditionalNode': {
      const [c, a, b] = [rec(n.condition as MathNode), rec(n.trueExpr as MathNode), rec(n.falseExpr as MathNode)];
      return c && a && b ? { kind: 'if', cond: c, then: a, else: b } : undefined;
    }
    case 'OperatorNode': {
      const fn = String(n.fn);
      const args = (n.args as MathNode[]).map(rec);
      if (n.implicit) {
        const spaced = spacedName(node);
        if (spaced) {
          out.push(error('name-with-spaces', `'${spaced}' is a name with spaces, which an equation reads as a product`, { ...where, hint: `write ${spaced.replace(/ /g, '_')} or "${spaced}"` }));
          return undefined;
        }
        return forbid('implicit multiplication', `write an explicit '*' in '${clip(text)}'`);
      }
      if (args.some((a) => !a)) return undefined;
      if (args.length === 1) {
        if (fn === 'unaryMinus') return { kind: 'unary', op: '-', arg: args[0]! };
        if (fn === 'unaryPlus') return { kind: 'unary', op: '+', arg: args[0]! };
        if (fn === 'not') return { kind: 'unary', op: 'not', arg: args[0]! };
      } else if (args.length === 2 && BINARY[fn]) {
        return { kind: 'binary', op: BINARY[fn], left: args[0]!, right: args[1]! };
      }
      return forbid(`the operator '${String(n.op)}'`);
    }
    case 'FunctionNode': {
      const fnNode = n.fn as MathNode & { name?: string };
      if (fnNode.type !== 'SymbolNode' || !fnNode.name) return forbid('calling a computed function');
      const args = (n.args as MathNode[]).map(rec);
      if (args.some((a) => !a)) return undefined;
      return { kind: 'call', fn: canonicalName(fnNode.name), args: args as Expr[] };
    }
    case 'AssignmentNode':
      return forbid('assignment', "compare with '==' ; a variable's value is its equation");
    case 'FunctionAssignmentNode':
      return forbid('defining a function');
    case 'AccessorNode':
      return forbid('member or index access', 'write names with brackets or dots in double quotes, e.g. "pop[a1]"');
    case 'RelationalNode':
      return forbid('a chained comparison', "write 'a < b and b < c'");
    default:
      return forbid(`'${node.type.replace(/Node$/, '').toLowerCase()}' syntax`);
  }
}

function nameRef(name: string, out: Diagnostic[], where: Partial<Diagnostic>): Expr | undefined {
  const id = canonicalName(name);
  if (!id) {
    out.push(error('syntax-error', 'an empty quoted name', { ...where, hint: 'quote a variable name, e.g. "Room Temperature"' }));
    return undefined;
  }
  return { kind: 'ref', id, name };
}

function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{') max = Math.max(max, ++depth);
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  return max;
}

function clip(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

/** "Base Load" parses as the implicit product Base·Load: the words, when every factor is a bare name. */
function spacedName(node: MathNode): string | undefined {
  const n = node as MathNode & Record<string, unknown>;
  if (node.type === 'SymbolNode') return String(n.name);
  if (node.type !== 'OperatorNode' || !n.implicit || n.fn !== 'multiply') return undefined;
  const parts = (n.args as MathNode[]).map(spacedName);
  return parts.every((p) => p !== undefined) ? parts.join(' ') : undefined;
}
