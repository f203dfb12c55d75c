/**
 * Parses one `equation ~ units ~ doc |` entry into what it declares: a subscript range, an
 * equation, a lookup, a macro boundary, or nothing (group headers `****… .Control`).
 * Forms follow the Vensim reference "Equation Format and Conventions", "Subscripts",
 * "Lookups" and "Macros".
 */
import type { DataMode, Definition, DimensionDef, MappingDef, RangeItem, Sub, VExpr } from './ast.js';
import { tokenize } from './lexer.js';
import type { RawEntry } from './source.js';
import { TOO_TALL, tooTall } from '../tree-height.js';
import { SyntaxFault, TokenStream, describe, parseExpr, parseSubs, parseTableBody, signedNumber } from './parse-expr.js';

export type EntryItem =
  | { readonly k: 'definition'; readonly def: Definition }
  | { readonly k: 'dimension'; readonly def: DimensionDef }
  | { readonly k: 'macroStart'; readonly name: string; readonly params: readonly string[]; readonly outputs: readonly string[]; readonly pos: number }
  | { readonly k: 'macroEnd'; readonly pos: number }
  /** A construct that is read but not simulated (e.g. reality checks). */
  | { readonly k: 'ignored'; readonly what: string; readonly pos: number }
  | { readonly k: 'group'; readonly title: string; readonly doc: string };

export interface EntryResult {
  readonly items: EntryItem[];
  readonly fault?: SyntaxFault;
}

const MODES = new Set(['INTERPOLATE', 'RAW', 'HOLD BACKWARD', 'LOOK FORWARD']);

export function parseEntry(text: string, entry: RawEntry): EntryResult {
  const raw = text.slice(entry.start, entry.end);
  const items: EntryItem[] = [];
  const group = /^\s*(:END OF MACRO:)?\s*\*{3,}/i.exec(raw);
  if (group) {
    const title = raw.slice(group[0].length).replace(/\*+/g, '').trim();
    if (group[1]) items.push({ k: 'macroEnd', pos: entry.start + raw.indexOf(':') });
    return { items: [...items, { k: 'group', title, doc: entry.doc }] };
  }
  const lexed = tokenize(text, entry.start, entry.end);
  if (lexed.problem) return { items, fault: new SyntaxFault(lexed.problem.message, lexed.problem.pos) };
  const s = new TokenStream(lexed.tokens);
  try {
    if (s.isKw('END OF MACRO')) items.push({ k: 'macroEnd', pos: s.next().pos });
    if (s.isKw('MACRO')) {
      const pos = s.next().pos;
      const name = s.name().text;
      const params: string[] = [];
      const outputs: string[] = [];
      s.expect('(');
      if (!s.isOp(')') && !s.isOp(':')) do params.push(s.name().text); while (s.accept(','));
      if (s.accept(':')) do outputs.push(s.name().text); while (s.accept(','));
      s.expect(')');
      items.push({ k: 'macroStart', name, params, outputs, pos });
    }
    if (s.peek().kind === 'eof') return { items };
    const body = parseBody(s, entry);
    if (body.k === 'definition' && (body.def.body.k === 'expr' || body.def.body.k === 'lookupCall') && tooTall(body.def.body.expr, subtrees)) {
      return { items, fault: new SyntaxFault(TOO_TALL, body.def.pos) };
    }
    items.push(body);
    return { items };
  } catch (e) {
    if (e instanceof SyntaxFault) return { items, fault: e };
    if (e instanceof RangeError) return { items, fault: new SyntaxFault('the equation is nested too deeply', entry.start) };
    throw e;
  }
}

function subtrees(e: VExpr): readonly VExpr[] {
  if (e.k === 'call') return e.args;
  if (e.k === 'unary') return [e.arg];
  return e.k === 'binary' ? [e.left, e.right] : [];
}

function parseBody(s: TokenStream, entry: RawEntry): EntryItem {
  const head = s.name();
  if (s.isOp(':') ) return { k: 'dimension', def: parseDimension(s, head.text, head.pos) };
  if (s.isOp('<->')) {
    s.next();
    const other = s.name().text;
    end(s);
    return { k: 'dimension', def: { name: head.text, items: [], mapsTo: [], equivalentOf: other, pos: head.pos } };
  }
  const subs = s.isOp('[') ? parseSubs(s) : [];
  const meta = { name: head.text, subs, pos: head.pos, units: entry.units || undefined, doc: entry.doc || undefined };
  if (s.isOp('(')) {
    s.next();
    const body: Definition['body'] = s.isOp('(') || s.isOp('[') || s.peek().kind === 'num' || s.isOp('-')
      ? { k: 'lookup', points: parseTableBody(s) }
      : { k: 'lookupCall', expr: parseExpr(s) };
    s.expect(')');
    end(s);
    return { k: 'definition', def: { ...meta, except: [], body } };
  }
  let mode: DataMode | undefined;
  const except: Sub[][] = [];
  for (;;) {
    const t = s.peek();
    if (t.kind === 'kw' && MODES.has(t.text)) {
      mode = t.text as DataMode;
      s.next();
    } else if (t.kind === 'kw' && t.text === 'EXCEPT') {
      s.next();
      do except.push(parseSubs(s)); while (s.accept(','));
    } else if (t.kind === 'kw' && (t.text === 'THE CONDITION' || t.text === 'TEST INPUT')) {
      return { k: 'ignored', what: `reality check :${t.text}:`, pos: t.pos };
    } else break;
  }
  const opTok = s.peek();
  if (opTok.kind === 'eof') return { k: 'definition', def: { ...meta, except, body: { k: 'data', mode } } };
  if (opTok.kind !== 'op' || !['=', '==', ':='].includes(opTok.text)) {
    throw new SyntaxFault(`expected '=' after '${head.text}' but found ${describe(opTok)}`, opTok.pos);
  }
  s.next();
  const op = opTok.text as '=' | '==' | ':=';
  return { k: 'definition', def: { ...meta, except, body: parseRhs(s, op, mode) } };
}

function parseRhs(s: TokenStream, op: '=' | '==' | ':=', mode: DataMode | undefined): Definition['body'] {
  const start = s.i;
  if (s.peek().kind === 'num' || s.isOp('-') || s.isOp('+')) {
    // a list of numbers `1, 2; 3, 4;` (Vensim reference, "Subscripts: constant arrays")
    try {
      const values = [signedNumber(s)];
      if (s.isOp(',') || s.isOp(';')) {
        while (s.accept(',') || s.accept(';')) if (s.peek().kind !== 'eof') values.push(signedNumber(s));
        end(s);
        return { k: 'list', values };
      }
    } catch (e) {
      if (!(e instanceof SyntaxFault)) throw e;
    }
    s.i = start;
  }
  const expr = parseExpr(s);
  end(s);
  if (expr.k === 'call' && /^tabbed[ _]array$/i.test(expr.fn)) {
    return { k: 'list', values: expr.args.map((a) => (a as Extract<VExpr, { k: 'num' }>).value) };
  }
  return { k: 'expr', expr, op, mode };
}

function parseDimension(s: TokenStream, name: string, pos: number): DimensionDef {
  s.expect(':');
  const items: RangeItem[] = [];
  do {
    const t = s.peek();
    if (s.isOp('(')) {
      s.next();
      const from = s.name().text;
      s.expect('-');
      const to = s.name().text;
      s.expect(')');
      items.push({ k: 'seq', from, to, pos: t.pos });
    } else {
      const n = s.name();
      if (s.isOp('(')) {
        s.i--;
        items.push({ k: 'call', expr: parseExpr(s), pos: n.pos });
      } else items.push({ k: 'name', name: n.text, pos: n.pos });
    }
  } while (s.accept(','));
  const mapsTo: MappingDef[] = [];
  if (s.accept('->')) {
    do {
      if (s.accept('(')) {
        const dim = s.name().text;
        s.expect(':');
        const targets: string[] = [];
        do targets.push(s.name().text); while (s.accept(','));
        s.expect(')');
        mapsTo.push({ dim, targets });
      } else mapsTo.push({ dim: s.name().text });
    } while (s.accept(','));
  }
  end(s);
  return { name, items, mapsTo, pos };
}

function end(s: TokenStream): void {
  const t = s.peek();
  if (t.kind !== 'eof') throw new SyntaxFault(`unexpected ${describe(t)} after the end of the equation`, t.pos);
}
