/**
 * The syntax tree of an XMILE equation as written (XMILE 1.0 §3.3), before names are
 * resolved and arrays expanded. `pos` is the offset of the node's first character in the
 * equation text, for located diagnostics. The same tree is produced from native equation
 * text (docs/equations.md) by the writer, which shares the parser with a dialect flag.
 */
export type XBinOp =
  | '+' | '-' | '*' | '/' | '^' | 'mod'
  | '=' | '<>' | '<' | '<=' | '>' | '>='
  | 'and' | 'or' | 'xor';

export type XUnOp = '-' | '+' | 'not';

/**
 * One subscript: an index expression, `*` (all elements of that dimension, or with `*:SubA`
 * those of a subrange), or a range
 * `from:to` of elements (§3.7.1.2, inside array builtins).
 */
export type XSub =
  | XExpr
  /** `*`, or `*:SubA`: the elements of subrange SubA of that dimension. */
  | { readonly kind: 'star'; readonly pos: number; readonly sub?: string }
  | { readonly kind: 'range'; readonly from: XExpr; readonly to: XExpr; readonly pos: number };

export type XExpr =
  | { readonly kind: 'num'; readonly value: number; readonly pos: number }
  /** A (possibly module-qualified, possibly subscripted) name; `subs` absent when bare. */
  | { readonly kind: 'name'; readonly name: string; readonly quoted: boolean; readonly pos: number; readonly subs?: readonly XSub[] }
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly XExpr[]; readonly pos: number }
  | { readonly kind: 'unary'; readonly op: XUnOp; readonly arg: XExpr; readonly pos: number }
  | { readonly kind: 'binary'; readonly op: XBinOp; readonly left: XExpr; readonly right: XExpr; readonly pos: number }
  | { readonly kind: 'if'; readonly cond: XExpr; readonly then: XExpr; readonly else: XExpr; readonly pos: number };

/** Calls `visit` on every node (and subscript expressions), parents first. */
export function walkX(e: XExpr, visit: (node: XExpr) => void): void {
  visit(e);
  switch (e.kind) {
    case 'name': e.subs?.forEach((s) => {
      if (s.kind === 'range') { walkX(s.from, visit); walkX(s.to, visit); } else if (s.kind !== 'star') walkX(s, visit);
    }); break;
    case 'call': e.args.forEach((a) => walkX(a, visit)); break;
    case 'unary': walkX(e.arg, visit); break;
    case 'binary': walkX(e.left, visit); walkX(e.right, visit); break;
    case 'if': walkX(e.cond, visit); walkX(e.then, visit); walkX(e.else, visit); break;
    default: break;
  }
}

/** The subtrees of a node (for walks without recursion, io/tree-height.ts). */
export function subtrees(e: XExpr | XSub): readonly (XExpr | XSub)[] {
  switch (e.kind) {
    case 'name': return e.subs ?? [];
    case 'call': return e.args;
    case 'unary': return [e.arg];
    case 'binary': return [e.left, e.right];
    case 'if': return [e.cond, e.then, e.else];
    case 'range': return [e.from, e.to];
    default: return [];
  }
}
