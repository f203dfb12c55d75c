/**
 * The pieces loop analysis re-evaluates equations with: compile/expression.ts (closures
 * over slots, no generated code), expr/print.ts and expr/derivative.ts (mathjs).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { functionNames, functionSpec } from '../../../src/builtins/functions.js';
import { compileExpression, FUNCTION_IMPLEMENTATIONS } from '../../../src/compile/expression.js';
import { mapExpr, type Expr } from '../../../src/expr/ast.js';
import { partialDerivative } from '../../../src/expr/derivative.js';
import { parseEquation } from '../../../src/expr/parse.js';
import { printExpr } from '../../../src/expr/print.js';
import { runYaml } from '../../helpers.js';

const parse = (text: string) => {
  const r = parseEquation(text);
  if (!r.expr) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.expr;
};

test('every function of the library has an implementation for re-evaluation', () => {
  const missing = functionNames().filter((n) => !FUNCTION_IMPLEMENTATIONS[functionSpec(n)!.name]);
  assert.equal(missing, []);
});

const EQUATIONS = [
  'a + b * c - a / (b + 1)', 'a ^ 2 mod 7', 'if a > b then a else -b', 'not (a == b) or (a != c) xor c >= 1',
  'abs(-a) + exp(b / 10) + ln(c + 1) + log10(c + 1) + sqrt(c) + log(c + 2, 3)',
  'sin(a) + cos(b) + tan(c / 10) + arcsin(0.5) + arccos(0.5) + arctan(a) + sinh(0.1) + cosh(0.1) + tanh(b)',
  'floor(a / 3) + ceil(b / 3) + trunc(-c / 3) + sign(a - b) + round(-2.5) + int(c / 2) + quantum(c, 0.7)',
  'min(a, b, c) + max(a, b) + sum(a, b, c) + prod(a, b) + pow(a, 0.5) + mod(-a, 3)',
  'xidz(a, 0, 7) + zidz(b, 0) + safediv(a, b) + step(3, 2) + ramp(1, 1, 3) + pulse(1, 2) + pulse_train(1, 0.5, 2, 8)',
  'time * dt + pi + e',
  'rootn(-a * 8, 3) + factorial(3) + combinations(5, 2) + permutations(5, 2) + normalcdf(-a, b) + invnorm(0.3, a, 2)',
  'pmt(0.01, 36, 10000 * a) + pv(b / 100, 12, -a) + fv(0, c, -a, 5) + pmt(0, 4, a, b)',
  'vector_select(4, -1, a, 0, b, c, b, a) + vector_rank(2, 1, a, b, c) + vector_sort_order(1, 0, a, b, c) + vector_reorder(1, a, b) + vector_elm_map(1, 1, -1, a, b)',
  'allocate_by_priority(1, c, 2, a, b, 1, 0) + allocate_by_priority(2, c, 2, a, b, 1, 0)',
];

test('re-evaluated equations agree bit for bit with the compiled model', () => {
  const auxes = EQUATIONS.map((e, i) => `  out${i}: { equation: ${JSON.stringify(e)} }`).join('\n');
  const yaml = `sim: { start: 0, stop: 5, dt: 0.5 }\nstocks:\n  c: { initial: 3, inflows: [f] }\nflows:\n  f: { equation: "0.3 * a" }\nauxiliaries:\n  a: { equation: "1 + time" }\n  b: { equation: "c * 2 - 1" }\n${auxes}\n`;
  const result = runYaml(yaml);
  const names = ['a', 'b', 'c'];
  EQUATIONS.forEach((text, i) => {
    const f = compileExpression(parse(text), {
      slotOf: (id) => { const j = names.indexOf(id); return j < 0 ? undefined : j; },
      tableOf: () => undefined,
      sim: { start: 0, stop: 5, dt: 0.5, saveper: 0.5 },
    });
    const expected = result.series(`out${i}`);
    result.time.forEach((t, k) => {
      const v = Float64Array.from(names, (n) => result.series(n)[k]);
      assert.ok(Object.is(f(t, v), expected[k]), `${text} at ${t}: ${f(t, v)} vs ${expected[k]}`);
    });
  });
});

test('printed equations parse back to the same tree (names compare by id)', () => {
  const ids = (e: Expr) => mapExpr(e, (n) => (n.kind === 'ref' ? { ...n, name: n.id } : n));
  for (const text of [...EQUATIONS, '"Room Temperature" - Teacup_Temperature', '"Cost ($)" * 2', '-2 ^ -x', 'a - (b - c)', '1e-7 * x']) {
    const e = parse(text);
    assert.equal(ids(parse(printExpr(e))), ids(e), text);
  }
});

test('partial derivatives: constants are inlined, what mathjs cannot differentiate is undefined', () => {
  const constant = (id: string) => ({ k: 10, r: 0.1 } as Record<string, number>)[id];
  const d = (text: string, x: string) => partialDerivative(parse(text), x, { constant });
  const value = (text: string, x: string, vars: Record<string, number> = {}) => {
    const e = d(text, x)!;
    const names = Object.keys(vars);
    return compileExpression(e, { slotOf: (id) => (names.includes(id) ? names.indexOf(id) : undefined), tableOf: () => undefined, sim: { start: 0, stop: 1, dt: 1, saveper: 1 } })(0, Float64Array.from(names, (n) => vars[n]));
  };
  assert.is(value('(goal - s) / k', 's'), -0.1);
  assert.is(value('r * p * (1 - p / k)', 'p', { p: 5 }), 0.1 * (1 - 10 / 10));
  assert.is(value('ln(x) * y', 'x', { x: 4, y: 2 }), 0.5);
  assert.is(value('y', 'x', { y: 1 }), 0);
  for (const text of ['if x > 1 then x else 0', 'max(x, y)', 'x mod 3', 'step(x, 2)']) assert.is(d(text, 'x'), undefined, text);
});

test.run();
