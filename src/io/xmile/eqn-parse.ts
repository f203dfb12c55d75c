/**
 * Recursive-descent parser for XMILE equations. Precedence follows XMILE 1.0 §3.3.1, from
 * lowest: `IF … THEN … ELSE`, OR, AND, `= <>`, `< <= > >=`, `+ -`, `* / MOD`,
 * unary `+ - NOT`, `^` (right-associative; so `-2^2` is −4), then `()` / `[]`.
 * Keywords are case-insensitive (§3.3). The native dialect adds `?:`, `xor`, `==`, `!=`
 * and `%`, and keeps `not`/unary minus at the same level (see docs/equations.md).
 * Subscripts may be `*`, `*:SubA` (the elements of a subrange) or a range `a:b` (§3.7.1.2).
 * Stella's safe division `a // b` is SAFEDIV(a, b): 0 where b is 0. A function name of several
 * words written with spaces, as Vensim's XMILE export (xmutil) leaves `VECTOR SELECT(…)`, is
 * one name: bare words directly followed by `(` (two names side by side are otherwise never
 * valid).
 */
import { subtrees, type XBinOp, type XExpr, type XSub } from './eqn-ast.js';
import { tokenize, type Dialect, type LexError, type Token } from './eqn-lex.js';
import { TOO_TALL, tooTall } from '../tree-height.js';

export interface ParseOutcome {
  readonly expr?: XExpr;
  readonly error?: LexError;
}

const MAX_DEPTH = 400;
const KEYWORDS = new Set(['if', 'then', 'else', 'and', 'or', 'not', 'mod']);

export function parseXmileEquation(text: string, dialect: Dialect = 'xmile'): ParseOutcome {
  const lexed = tokenize(text, dialect);
  if (!lexed.tokens) return { error: lexed.error };
  try {
    const p = new Parser(lexed.tokens, dialect);
    if (p.peek().t === 'eof') return { error: { message: 'the equation is empty', pos: 0 } };
    const expr = p.expression();
    const rest = p.peek();
    if (rest.t !== 'eof') return { error: { message: `unexpected '${rest.v}'`, pos: rest.pos } };
    if (tooTall<XExpr | XSub>(expr, subtrees)) return { error: { message: TOO_TALL, pos: 0 } };
    return { expr };
  } catch (e) {
    if (e instanceof SyntaxProblem) return { error: { message: e.message, pos: e.pos } };
    // The stack ran out before MAX_DEPTH (the parser was called from deep within a caller).
    if (e instanceof RangeError) return { error: { message: 'the equation is nested too deeply', pos: 0 } };
    throw e;
  }
}

class SyntaxProblem extends Error {
  constructor(message: string, readonly pos: number) { super(message); }
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: readonly Token[], private readonly dialect: Dialect) {}

  peek(): Token { return this.tokens[this.i]; }

  private next(): Token { return this.tokens[this.i++]; }

  private isKw(word: string, tok = this.peek()): boolean {
    return tok.t === 'id' && tok.v.toLowerCase() === word;
  }

  private isOp(...ops: string[]): boolean {
    const tok = this.peek();
    return tok.t === 'op' && ops.includes(tok.v);
  }

  private expect(op: string, what: string): Token {
    const tok = this.peek();
    if (tok.t === 'op' && tok.v === op) return this.next();
    throw new SyntaxProblem(`expected ${what} but found ${describe(tok)}`, tok.pos);
  }

  private expectKw(word: string): void {
    const tok = this.peek();
    if (!this.isKw(word)) throw new SyntaxProblem(`expected '${word.toUpperCase()}' but found ${describe(tok)}`, tok.pos);
    this.next();
  }

  expression(): XExpr {
    if (++this.depth > MAX_DEPTH) throw new SyntaxProblem('the equation is nested too deeply', this.peek().pos);
    const e = this.ternary();
    this.depth--;
    return e;
  }

  private ternary(): XExpr {
    const cond = this.or();
    if (this.dialect !== 'native' || !this.isOp('?')) return cond;
    this.next();
    const a = this.expression();
    this.expect(':', "':'");
    const b = this.expression();
    return { kind: 'if', cond, then: a, else: b, pos: cond.pos };
  }

  private binaryLevel(next: () => XExpr, match: () => XBinOp | undefined): XExpr {
    let left = next();
    for (let op = match(); op; op = match()) {
      this.next();
      const right = next();
      left = { kind: 'binary', op, left, right, pos: left.pos };
    }
    return left;
  }

  private or(): XExpr {
    return this.binaryLevel(() => this.xor(), () => (this.isKw('or') || this.isOp('or') ? 'or' : undefined));
  }

  private xor(): XExpr {
    return this.binaryLevel(() => this.and(), () => (this.dialect === 'native' && this.isKw('xor') ? 'xor' : undefined));
  }

  private and(): XExpr {
    return this.binaryLevel(() => this.equality(), () => (this.isKw('and') || this.isOp('and') ? 'and' : undefined));
  }

  private equality(): XExpr {
    return this.binaryLevel(() => this.relational(), () => {
      if (this.isOp('=', '==')) return '=';
      return this.isOp('<>', '!=') ? '<>' : undefined;
    });
  }

  private relational(): XExpr {
    return this.binaryLevel(() => this.additive(), () => (this.isOp('<', '<=', '>', '>=') ? (this.peek().v as XBinOp) : undefined));
  }

  private additive(): XExpr {
    return this.binaryLevel(() => this.multiplicative(), () => (this.isOp('+', '-') ? (this.peek().v as XBinOp) : undefined));
  }

  private multiplicative(): XExpr {
    let left = this.unary();
    for (;;) {
      const op = this.isOp('*', '/') ? this.peek().v : this.isKw('mod') || this.isOp('%') ? 'mod' : this.dialect === 'xmile' && this.isOp('//') ? '//' : undefined;
      if (!op) return left;
      this.next();
      const right = this.unary();
      left = op === '//' ? { kind: 'call', fn: 'SAFEDIV', args: [left, right], pos: left.pos } : { kind: 'binary', op: op as XBinOp, left, right, pos: left.pos };
    }
  }

  private unary(): XExpr {
    const tok = this.peek();
    if (this.isOp('-', '+') || this.isKw('not')) {
      this.next();
      if (++this.depth > MAX_DEPTH) throw new SyntaxProblem('the equation is nested too deeply', tok.pos);
      const arg = this.unary();
      this.depth--;
      const op = tok.v === '-' ? '-' : tok.v === '+' ? '+' : 'not';
      return { kind: 'unary', op, arg, pos: tok.pos };
    }
    return this.power();
  }

  private power(): XExpr {
    const base = this.primary();
    if (!this.isOp('^')) return base;
    this.next();
    return { kind: 'binary', op: '^', left: base, right: this.unary(), pos: base.pos };
  }

  private primary(): XExpr {
    const tok = this.peek();
    if (tok.t === 'num') {
      this.next();
      return { kind: 'num', value: Number(tok.v), pos: tok.pos };
    }
    if (this.isOp('(')) {
      this.next();
      const e = this.expression();
      this.expect(')', "')'");
      return e;
    }
    if (this.isKw('if')) {
      this.next();
      const cond = this.expression();
      this.expectKw('then');
      const a = this.expression();
      this.expectKw('else');
      return { kind: 'if', cond, then: a, else: this.expression(), pos: tok.pos };
    }
    if (tok.t === 'id' || tok.t === 'str') {
      const after = this.tokens[this.i + 1];
      const called = after.t === 'op' && after.v === '(';
      // MOD(a, b) is also a function in Stella; other keywords never name anything.
      if (tok.t === 'id' && KEYWORDS.has(tok.v.toLowerCase()) && !(called && tok.v.toLowerCase() === 'mod')) throw new SyntaxProblem(`unexpected '${tok.v}'`, tok.pos);
      const words = tok.t === 'id' && this.dialect === 'xmile' ? this.wordsOfCall() : [];
      this.i += words.length;
      this.next();
      if (this.isOp('(')) return { kind: 'call', fn: [tok.v, ...words].join(' '), args: this.list(')', () => this.expression()), pos: tok.pos };
      if (this.isOp('[') && this.dialect === 'xmile') {
        return { kind: 'name', name: tok.v, quoted: tok.t === 'str', pos: tok.pos, subs: this.list(']', () => this.subscript()) };
      }
      return { kind: 'name', name: tok.v, quoted: tok.t === 'str', pos: tok.pos };
    }
    throw new SyntaxProblem(tok.t === 'eof' ? 'the equation ends too early' : `unexpected ${describe(tok)}`, tok.pos);
  }

  /** The further bare words of a function name written with spaces (`VECTOR ELM MAP(`), or none. */
  private wordsOfCall(): string[] {
    const words: string[] = [];
    for (let j = this.i + 1; ; j++) {
      const t = this.tokens[j];
      if (t.t === 'op' && t.v === '(') return words;
      if (t.t !== 'id' || KEYWORDS.has(t.v.toLowerCase())) return [];
      words.push(t.v);
    }
  }

  private subscript(): XSub {
    const tok = this.peek();
    if (this.isOp('*')) {
      const after = this.tokens[this.i + 1];
      if (after.t === 'op' && (after.v === ',' || after.v === ']')) {
        this.next();
        return { kind: 'star', pos: tok.pos };
      }
      const sub = this.tokens[this.i + 2];
      if (after.t === 'op' && after.v === ':' && (sub.t === 'id' || sub.t === 'str')) {
        this.i += 3;
        return { kind: 'star', pos: tok.pos, sub: sub.v };
      }
    }
    const from = this.expression();
    if (!this.isOp(':')) return from;
    this.next();
    return { kind: 'range', from, to: this.expression(), pos: from.pos };
  }

  /** After an opening bracket: items separated by commas up to `close`. */
  private list<T>(close: string, item: () => T): T[] {
    this.next();
    const items: T[] = [];
    if (this.isOp(close)) { this.next(); return items; }
    for (;;) {
      items.push(item());
      if (this.isOp(',')) { this.next(); continue; }
      this.expect(close, `',' or '${close}'`);
      return items;
    }
  }
}

function describe(tok: Token): string {
  if (tok.t === 'eof') return 'the end of the equation';
  return `'${tok.v}'`;
}
