import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseEquation } from '../../src/expr/parse.js';
import type { Expr } from '../../src/expr/ast.js';

const ok = (text: string): Expr => {
  const r = parseEquation(text);
  assert.ok(r.expr, `${text}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.expr!;
};
const codes = (text: string) => parseEquation(text).diagnostics.map((d) => d.code);

test('if-then-else becomes a conditional and else binds to the nearest if', () => {
  const e = ok('if a > b then 1 else if c then 2 else 3');
  assert.is(e.kind, 'if');
  assert.is((e as Extract<Expr, { kind: 'if' }>).else.kind, 'if');
});

test('if-then-else works inside function arguments and next to the ternary form', () => {
  const e = ok('max(if x then 1 else 2, 3) + (y ? 4 : 5)');
  assert.is(e.kind, 'binary');
});

test('quoted names and underscored names resolve to the same canonical id', () => {
  const a = ok('"Teacup Temperature"') as Extract<Expr, { kind: 'ref' }>;
  const b = ok('teacup_TEMPERATURE') as Extract<Expr, { kind: 'ref' }>;
  assert.is(a.id, b.id);
  assert.is(a.name, 'Teacup Temperature');
});

test('<> is inequality and mod, and, or, not, xor are operators', () => {
  for (const t of ['a <> b', 'a mod b', 'a % b', 'a and b', 'a or b', 'not a', 'a xor b']) ok(t);
});

test('assignment, function definition, member access and matrices are forbidden syntax', () => {
  for (const t of ['a = 1', 'f(x) = x', 'x.constructor', 'a[1]', '[1, 2]', '{a: 1}', '1:3', 'x to cm', "a'", 'x!', 'a < b < c']) {
    assert.equal(codes(t), ['forbidden-syntax'], t);
  }
});

test('hostile equations never become code: their calls are only names to resolve later', () => {
  // These parse as calls of unknown names; lowering rejects them as unknown functions.
  for (const t of ['import("fs")', 'evaluate("1+1")', 'createUnit("x")', 'constructor(1)']) {
    const e = ok(t);
    assert.is(e.kind, 'call', t);
  }
  for (const t of ['__proto__.polluted = 1', 'x["constructor"]["constructor"]("return process")()', 'eval("1")["x"]']) {
    assert.ok(codes(t).length > 0, t);
  }
});

test('implicit multiplication is refused with a hint', () => {
  const d = parseEquation('2x').diagnostics[0];
  assert.is(d.code, 'forbidden-syntax');
  assert.match(d.hint!, /\*/);
});

test('an equation nested thousands deep is a diagnostic, not a stack overflow', () => {
  assert.equal(codes('('.repeat(5000) + '1' + ')'.repeat(5000)), ['too-deep']);
  assert.equal(codes(Array(5000).fill('1').join(' + ')), ['too-deep']);
  assert.equal(codes('-'.repeat(20000) + '1'), ['too-deep']);
});

test('syntax errors report a column', () => {
  const d = parseEquation('1 + * 2').diagnostics[0];
  assert.is(d.code, 'syntax-error');
  assert.type(d.column, 'number');
});

test('if without then or else is a syntax error', () => {
  assert.equal(codes('if a then b'), ['syntax-error']);
  assert.equal(codes('a then b'), ['syntax-error']);
});

test('empty equations are refused', () => {
  assert.equal(codes('  '), ['empty-equation']);
});

test.run();
