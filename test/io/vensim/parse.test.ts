import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tokenize } from '../../../src/io/vensim/lexer.js';
import { TokenStream, parseExpr } from '../../../src/io/vensim/parse-expr.js';
import { splitEntries, equationsEnd, LineMap } from '../../../src/io/vensim/source.js';
import { eq, mdl } from './helpers.js';

test('the lexer joins words of a name and reads quoted names, keywords and numbers', () => {
  const text = 'Teacup  Temperature + "a|b ~c" :AND: x :NOT: .5e-1 - GET XLS DATA(\'f.xls\')';
  const { tokens, problem } = tokenize(text, 0, text.length);
  assert.is(problem, undefined);
  assert.equal(tokens.map((t) => `${t.kind}:${t.text}`), [
    'name:Teacup Temperature', 'op:+', 'name:a|b ~c', 'kw:AND', 'name:x', 'kw:NOT', 'num:.5e-1', 'op:-', 'name:GET XLS DATA', 'op:(', 'str:f.xls', 'op:)', 'eof:',
  ]);
});

test("an apostrophe right after a letter belongs to the name; a quote after a blank or '(' opens a string", () => {
  // Vensim names may contain apostrophes (Vensim reference, "Rules for Variable Names"), e.g.
  // a copy of a subscript range written DimC' (Vensim reference, "Subscript Equivalence").
  const text = "time's up + x[DimC, DimC'] + GET XLS DATA('f.xls', 'Sheet 1')";
  const { tokens, problem } = tokenize(text, 0, text.length);
  assert.is(problem, undefined);
  assert.equal(tokens.map((t) => `${t.kind}:${t.text}`), [
    "name:time's up", 'op:+', 'name:x', 'op:[', 'name:DimC', 'op:,', "name:DimC'", 'op:]', 'op:+',
    'name:GET XLS DATA', 'op:(', 'str:f.xls', 'op:,', 'str:Sheet 1', 'op:)', 'eof:',
  ]);
});

test('names with apostrophes read and run: an equivalent range DimT\' and a constant named time\'s up', () => {
  const m = mdl("DimT: T1, T2 ~~|\nDimT': DimT ~~|\nt[DimT] = 1, 2 ~~|\ntt[DimT, DimT'] = 10 * t[DimT] + t[DimT'] ~~|\ntime's up = 2 ~~|");
  assert.is(eq(m, 'tt[T1,T2]'), '10 * "t[T1]" + "t[T2]"');
  assert.is(eq(m, "time's up"), '2');
});

test('a backslash at the end of a line continues the name or expression', () => {
  const text = 'Long name\\\n\t\t= a +\\\n  b';
  assert.equal(tokenize(text, 0, text.length).tokens.map((t) => t.text).slice(0, 5), ['Long name', '=', 'a', '+', 'b']);
});

test('entries split at | and ~ but not inside quoted names; the sketch is ignored', () => {
  const text = '{UTF-8}\n"x|y" = 1 ~ m ~ doc |\nz = 2 ~~|\n\\\\\\---/// Sketch\nw = 3 ~~|';
  const entries = splitEntries(text, equationsEnd(text));
  assert.is(entries.length, 2);
  assert.is(entries[0].units, 'm');
  assert.is(entries[0].doc, 'doc');
  assert.equal(new LineMap(text).locate(entries[1].start + 1), { line: 3, column: 1 });
});

function parse(text: string) {
  const s = new TokenStream(tokenize(text, 0, text.length).tokens);
  return parseExpr(s);
}

test('minus binds looser than ^ and ^ is right-associative, as Vensim computes', () => {
  const e = parse('-2^2');
  assert.is(e.k === 'unary' && e.op === '-' && e.arg.k === 'binary' && e.arg.op === '^', true);
  const r = parse('a^b^c');
  assert.is(r.k === 'binary' && r.op === '^' && r.right.k === 'binary', true);
});

test(':NOT: binds looser than comparisons and tighter than :AND:, which binds tighter than :OR:', () => {
  const e = parse(':NOT: a = b :AND: c :OR: d');
  assert.is(e.k, 'binary');
  if (e.k !== 'binary') return;
  assert.is(e.op, 'or');
  assert.is(e.left.k === 'binary' && e.left.op === 'and', true);
  const left = e.left.k === 'binary' ? e.left.left : e.left;
  assert.is(left.k === 'unary' && left.op === 'not' && left.arg.k === 'binary' && left.arg.op === '=', true);
});

test('translated equations keep Vensim precedence in the native language', () => {
  const m = mdl('a = 1 ~~|\nb = 2 ~~|\nx = IF THEN ELSE(:NOT: a = b :AND: Time > 1, -2^2, a - (b - 1)) ~~|');
  assert.is(eq(m, 'x'), 'if not (a == b) and time > 1 then -2^2 else a - (b - 1)');
});

test.run();
