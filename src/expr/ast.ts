/**
 * The equation AST. mathjs parses equation text; `parse.ts` converts the mathjs tree into
 * this small kind-tagged tree after checking every node against a whitelist, so nothing
 * else ever reaches code generation. Readers of other formats may build it directly.
 */
export type BinaryOp =
  | '+' | '-' | '*' | '/' | '^' | 'mod'
  | '==' | '!=' | '<' | '<=' | '>' | '>='
  | 'and' | 'or' | 'xor';

export type UnaryOp = '-' | '+' | 'not';

export type Expr =
  | { readonly kind: 'num'; readonly value: number }
  /** A reference to a variable or a builtin constant (time, dt, pi …), by canonical id. */
  | { readonly kind: 'ref'; readonly id: string; readonly name: string }
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly Expr[] }
  | { readonly kind: 'unary'; readonly op: UnaryOp; readonly arg: Expr }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'if'; readonly cond: Expr; readonly then: Expr; readonly else: Expr };

export const num = (value: number): Expr => ({ kind: 'num', value });
export const ref = (id: string, name = id): Expr => ({ kind: 'ref', id, name });
export const call = (fn: string, ...args: Expr[]): Expr => ({ kind: 'call', fn, args });
export const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right });

/** Calls `visit` on every node, parents before children. */
export function walk(e: Expr, visit: (node: Expr) => void): void {
  visit(e);
  switch (e.kind) {
    case 'call': e.args.forEach((a) => walk(a, visit)); break;
    case 'unary': walk(e.arg, visit); break;
    case 'binary': walk(e.left, visit); walk(e.right, visit); break;
    case 'if': walk(e.cond, visit); walk(e.then, visit); walk(e.else, visit); break;
    default: break;
  }
}

/** Rebuilds a tree bottom-up; `f` may replace any node (children already mapped). */
export function mapExpr(e: Expr, f: (node: Expr) => Expr): Expr {
  switch (e.kind) {
    case 'call': return f({ ...e, args: e.args.map((a) => mapExpr(a, f)) });
    case 'unary': return f({ ...e, arg: mapExpr(e.arg, f) });
    case 'binary': return f({ ...e, left: mapExpr(e.left, f), right: mapExpr(e.right, f) });
    case 'if': return f({ ...e, cond: mapExpr(e.cond, f), then: mapExpr(e.then, f), else: mapExpr(e.else, f) });
    default: return f(e);
  }
}

/** Canonical ids of every `ref` in the tree (variables and builtin constants alike). */
export function references(e: Expr): Set<string> {
  const out = new Set<string>();
  walk(e, (n) => { if (n.kind === 'ref') out.add(n.id); });
  return out;
}
