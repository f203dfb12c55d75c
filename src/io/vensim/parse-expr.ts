/**
 * Recursive-descent parser for Vensim expressions.
 *
 * Precedence, lowest first, as Vensim evaluates (checked against the SDXorg test-models
 * outputs `logicals`, `subscript_logicals`, `exponentiation`, `arithmetics`):
 *   :OR:  <  :AND:  <  :NOT:  <  = <> < <= > >=  <  + -  <  * /  <  unary + -  <  ^
 * `^` is right-associative and binds tighter than a leading minus (`-2^2` is -4, `2^-2`
 * is 0.25). Vensim's "Operators" page lists unary operators above `^`, but Vensim's own
 * outputs (test-models `exponentiation`: associativity = -4) show otherwise.
 */
import type { LookupPoints, Sub, VBinary, VExpr } from './ast.js';
import type { Token } from './lexer.js';
import { canonicalName } from '../../core/names.js';

/** A syntax error at an offset; caught at the entry boundary and turned into a diagnostic. */
export class SyntaxFault extends Error {
  constructor(message: string, readonly pos: number) {
    super(message);
  }
}

const COMPARE: Readonly<Record<string, VBinary>> = { '=': '=', '<>': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

export class TokenStream {
  i = 0;
  constructor(readonly tokens: readonly Token[]) {}
  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.i + ahead, this.tokens.length - 1)];
  }
  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.i++;
    return t;
  }
  isOp(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'op' && t.text === text;
  }
  isKw(text: string): boolean {
    const t = this.peek();
    return t.kind === 'kw' && t.text === text;
  }
  accept(text: string): boolean {
    if (!this.isOp(text)) return false;
    this.i++;
    return true;
  }
  expect(text: string): Token {
    const t = this.peek();
    if (t.kind !== 'op' || t.text !== text) throw new SyntaxFault(`expected '${text}' but found ${describe(t)}`, t.pos);
    return this.next();
  }
  name(): Token {
    const t = this.peek();
    if (t.kind !== 'name') throw new SyntaxFault(`expected a name but found ${describe(t)}`, t.pos);
    return this.next();
  }
}

export function describe(t: Token): string {
  if (t.kind === 'eof') return 'the end of the equation';
  if (t.kind === 'str') return `'${t.text}'`;
  if (t.kind === 'kw') return `:${t.text}:`;
  return `'${t.quoted ? `"${t.text}"` : t.text}'`;
}

export function parseExpr(s: TokenStream): VExpr {
  let left = parseAnd(s);
  while (s.isKw('OR')) {
    const pos = s.next().pos;
    left = { k: 'binary', op: 'or', left, right: parseAnd(s), pos };
  }
  return left;
}

function parseAnd(s: TokenStream): VExpr {
  let left = parseNot(s);
  while (s.isKw('AND')) {
    const pos = s.next().pos;
    left = { k: 'binary', op: 'and', left, right: parseNot(s), pos };
  }
  return left;
}

function parseNot(s: TokenStream): VExpr {
  if (s.isKw('NOT')) {
    const pos = s.next().pos;
    return { k: 'unary', op: 'not', arg: parseNot(s), pos };
  }
  return parseCompare(s);
}

function parseCompare(s: TokenStream): VExpr {
  let left = parseAdd(s);
  for (;;) {
    const t = s.peek();
    const op = t.kind === 'op' ? COMPARE[t.text] : undefined;
    if (!op) return left;
    s.next();
    left = { k: 'binary', op, left, right: parseAdd(s), pos: t.pos };
  }
}

function parseAdd(s: TokenStream): VExpr {
  let left = parseMul(s);
  while (s.isOp('+') || s.isOp('-')) {
    const t = s.next();
    left = { k: 'binary', op: t.text as VBinary, left, right: parseMul(s), pos: t.pos };
  }
  return left;
}

function parseMul(s: TokenStream): VExpr {
  let left = parseUnary(s);
  while (s.isOp('*') || s.isOp('/')) {
    const t = s.next();
    left = { k: 'binary', op: t.text as VBinary, left, right: parseUnary(s), pos: t.pos };
  }
  return left;
}

function parseUnary(s: TokenStream): VExpr {
  if (s.isOp('-') || s.isOp('+')) {
    const t = s.next();
    return { k: 'unary', op: t.text as '-' | '+', arg: parseUnary(s), pos: t.pos };
  }
  if (s.isKw('NOT')) return parseNot(s);
  return parsePower(s);
}

function parsePower(s: TokenStream): VExpr {
  const base = parsePrimary(s);
  if (!s.isOp('^')) return base;
  const pos = s.next().pos;
  return { k: 'binary', op: '^', left: base, right: parseUnary(s), pos };
}

function parsePrimary(s: TokenStream): VExpr {
  const t = s.peek();
  if (t.kind === 'num') {
    s.next();
    return { k: 'num', value: t.value!, pos: t.pos };
  }
  if (t.kind === 'str') {
    s.next();
    return { k: 'str', value: t.text, pos: t.pos };
  }
  if (t.kind === 'kw' && t.text === 'NA') {
    s.next();
    return { k: 'na', pos: t.pos };
  }
  if (s.isOp('(')) {
    s.next();
    const inner = parseExpr(s);
    s.expect(')');
    return inner;
  }
  if (t.kind === 'name') {
    s.next();
    const subs = s.isOp('[') ? parseSubs(s) : [];
    if (!s.isOp('(')) return { k: 'ref', name: t.text, subs, pos: t.pos };
    s.next();
    const fn = canonicalName(t.text);
    const args: VExpr[] = [];
    if (fn === 'tabbed_array') {
      // numbers separated by blanks, tabs and line breaks (Vensim reference, TABBED ARRAY)
      while (!s.isOp(')')) {
        const p = s.peek().pos;
        args.push({ k: 'num', value: signedNumber(s), pos: p });
      }
    } else if (!s.isOp(')')) {
      do {
        args.push(fn === 'with_lookup' && args.length === 1 ? parseTableArg(s) : parseExpr(s));
      } while (s.accept(','));
    }
    // A macro with further outputs: `M(a, b : out1, out2)` names the caller's variables for them.
    const outputs: { name: string; pos: number }[] = [];
    if (s.accept(':')) do { const n = s.name(); outputs.push({ name: n.text, pos: n.pos }); } while (s.accept(','));
    s.expect(')');
    return { k: 'call', fn: t.text, subs, args, pos: t.pos, ...(outputs.length ? { outputs } : {}) };
  }
  throw new SyntaxFault(t.kind === 'eof' ? 'the equation ends where a value was expected' : `unexpected ${describe(t)}`, t.pos);
}

/** `[a, b!, c]` */
export function parseSubs(s: TokenStream): Sub[] {
  s.expect('[');
  const subs: Sub[] = [];
  do {
    const n = s.name();
    subs.push({ name: n.text, bang: s.accept('!'), pos: n.pos });
  } while (s.accept(','));
  s.expect(']');
  return subs;
}

function parseTableArg(s: TokenStream): VExpr {
  const pos = s.expect('(').pos;
  const points = parseTableBody(s);
  s.expect(')');
  return { k: 'table', points, pos };
}

/** A signed number as written in tables and lists: `- 1`, `+ 19.7`. */
export function signedNumber(s: TokenStream): number {
  let sign = 1;
  while (s.isOp('-') || s.isOp('+')) if (s.next().text === '-') sign = -sign;
  const t = s.peek();
  if (t.kind !== 'num') throw new SyntaxFault(`expected a number but found ${describe(t)}`, t.pos);
  s.next();
  return sign * t.value!;
}

/**
 * The inside of a lookup table: an optional range `[(x0,y0)-(x1,y1), extra points…]`, then
 * points `(x,y), …`. Vensim also accepts the flat form `x1, x2, …, xn, y1, …, yn`.
 */
export function parseTableBody(s: TokenStream): LookupPoints {
  if (s.isOp('[')) {
    s.next();
    let depth = 1;
    while (depth > 0) {
      const t = s.next();
      if (t.kind === 'eof') throw new SyntaxFault('the lookup range is not closed', t.pos);
      if (t.kind === 'op' && t.text === '[') depth++;
      if (t.kind === 'op' && t.text === ']') depth--;
    }
    s.accept(',');
  }
  const points: [number, number][] = [];
  if (!s.isOp('(')) {
    const flat: number[] = [];
    do flat.push(signedNumber(s)); while (s.accept(','));
    if (flat.length % 2 !== 0) throw new SyntaxFault('a lookup given as x and y lists needs as many x as y values', s.peek().pos);
    const n = flat.length / 2;
    for (let i = 0; i < n; i++) points.push([flat[i], flat[n + i]]);
    return points;
  }
  do {
    s.expect('(');
    const x = signedNumber(s);
    s.expect(',');
    const y = signedNumber(s);
    s.expect(')');
    points.push([x, y]);
  } while (s.accept(','));
  return points;
}
