/**
 * history(x, time) (Stella HISTORY, builtins/history.ts): the value recorded at the last step
 * at or before the time asked; the current value for now or later; the start value before
 * the start. Expected values are computed by hand from s = Σ time·dt (Euler, dt 0.5).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyzeLoops } from '../../src/analysis/loops/analyze.js';
import { diagnosticsOf, modelFrom, runYaml } from '../helpers.js';

const MODEL = `
sim: { start: 0, stop: 6, dt: 0.5 }
stocks:
  s: { initial: 0, inflows: [f] }
flows:
  f: { equation: time }
auxiliaries:
  lag2: { equation: "history(s, time - 2)" }
  at1: { equation: "history(s, 1)" }
  between: { equation: "history(s, 1.2)" }
  now: { equation: "history(s, time)" }
  ahead: { equation: "history(s, time + 3)" }
  early: { equation: "history(s, -5)" }
`;

/** s at time k·0.5 under Euler: Σ_{i<k} (i·0.5)·0.5. */
const s = (t: number) => { let x = 0; for (let i = 0; i * 0.5 < t - 1e-9; i++) x += i * 0.5 * 0.5; return x; };

test('history() returns the value recorded at the time asked', () => {
  const r = runYaml(MODEL);
  r.time.forEach((t, k) => {
    assert.is(r.series('lag2')[k], s(Math.max(0, t - 2)), `lag2 at ${t}`);
    assert.is(r.series('now')[k], s(t), `now at ${t}`);
    assert.is(r.series('ahead')[k], s(t), `ahead at ${t}`);
    assert.is(r.series('early')[k], 0, `early at ${t}`);
    assert.is(r.series('at1')[k], s(Math.min(1, t)), `at1 at ${t}`);
    // No interpolation between steps: time 1.2 reads the step at 1.
    assert.is(r.series('between')[k], t >= 1.2 ? s(1) : s(t), `between at ${t}`);
  });
  assert.is(r.final('lag2'), 7); // s(4) = 0.25·(0+1+…+7) = 7
});

test('history() feeds back into the model, and works under rk4 with steps saved less often', () => {
  const r = runYaml(`
sim: { start: 0, stop: 10, dt: 0.25, saveper: 1, method: rk4 }
stocks:
  level: { initial: 1, inflows: [growth] }
flows:
  growth: { equation: "0.1 * history(level, time - 1)" }
`);
  // A delay differential equation y' = 0.1·y(t − 1), y = 1 before and at the start: it grows
  // more slowly than e^{0.1 t} and faster than 1 + 0.1 t.
  const y = r.final('level');
  assert.ok(y > 1 + 0.1 * 10 && y < Math.exp(1), `level(10) = ${y}`);
});

test('history_at() is internal and history() checks its arguments', () => {
  const messages = (eq: string) => diagnosticsOf(`sim: { start: 0, stop: 2, dt: 1 }\nauxiliaries:\n  x: { equation: "${eq}" }\n`).map((d) => `${d.code}: ${d.message}`);
  assert.ok(messages('history_at(0, 1, 2)').some((m) => m.startsWith('unknown-function')), messages('history_at(0, 1, 2)').join('\n'));
  assert.ok(messages('history(time)').some((m) => m.startsWith('wrong-arity')), messages('history(time)').join('\n'));
});

test("a call named after an Object property is an unknown function, not 'internal to function Object()'", () => {
  const messages = (eq: string) => diagnosticsOf(`sim: { start: 0, stop: 2, dt: 1 }\nauxiliaries:\n  x: { equation: "${eq}" }\n`).map((d) => `${d.code}: ${d.message}`);
  for (const fn of ['constructor', 'toString', 'hasOwnProperty']) {
    const found = messages(`${fn}(1)`);
    assert.ok(found.some((m) => m.startsWith(`unknown-function: unknown function '${fn.toLowerCase()}'`)), found.join('\n'));
    assert.not.ok(found.some((m) => /internal to/.test(m)), found.join('\n'));
  }
});

test('loop analysis of a loop through history() leaves it unscored instead of failing', () => {
  const r = analyzeLoops(modelFrom(`
sim: { start: 0, stop: 6, dt: 0.5 }
stocks:
  level: { initial: 1, inflows: [growth] }
flows:
  growth: { equation: "0.1 * history(level, time - 1)" }
`));
  assert.ok(r.analysis, JSON.stringify(r.diagnostics));
  assert.is(r.analysis!.loops.length, 1);
});

test.run();
