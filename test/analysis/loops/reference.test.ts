/**
 * The reference checks of analysis-methods.md §0: link-score tables L1–L3 (Schoenberg,
 * Davidsen & Eberlein 2020 Tables 1–2; Schoenberg, Hayward & Eberlein 2023 Tables 1–3),
 * the dt correction (§1.3: an isolated loop scores exactly ±1 at any dt) and the
 * three-party arms race (L6: 8 loops, one cycle partition).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { auxLinkScore, flowToStockLinkScore } from '../../../src/analysis/loops/index.js';
import { compileExpression } from '../../../src/compile/expression.js';
import { parseEquation } from '../../../src/expr/parse.js';
import { close } from '../../helpers.js';
import { analyse, at, fixture, loopOf } from './helpers.js';

const TOL = 1e-12;

/** Link score of x → z for z = f(...) from values before and after, by re-evaluation. */
function scoreOf(equation: string, before: Record<string, number>, after: Record<string, number>, x: string): number {
  const names = Object.keys(before);
  const f = compileExpression(parseEquation(equation).expr!, {
    slotOf: (id) => { const i = names.indexOf(id); return i < 0 ? undefined : i; },
    tableOf: () => undefined,
    sim: { start: 0, stop: 1, dt: 1, saveper: 1 },
  });
  const prev = Float64Array.from(names, (n) => before[n]);
  const cur = Float64Array.from(names, (n) => after[n]);
  const mixed = Float64Array.from(prev);
  mixed[names.indexOf(x)] = after[x];
  return auxLinkScore(f(1, cur) - f(0, prev), after[x] - before[x], f(0, mixed) - f(0, prev));
}

test('L1: z = 2x + y with x 5→7, y 4→5 gives |LS(x→z)| = 4/5 and |LS(y→z)| = 1/5', () => {
  close(scoreOf('2*x + y', { x: 5, y: 4 }, { x: 7, y: 5 }, 'x'), 0.8, TOL, 'LS(x→z)');
  close(scoreOf('2*x + y', { x: 5, y: 4 }, { x: 7, y: 5 }, 'y'), 0.2, TOL, 'LS(y→z)');
});

test('L2: z = (w + x)/y with w 7→10, x 2→4, y 3→5 gives +5, +3.33 and −6', () => {
  const [b, a] = [{ w: 7, x: 2, y: 3 }, { w: 10, x: 4, y: 5 }];
  close(scoreOf('(w + x) / y', b, a, 'w'), 5, 1e-9, 'LS(w→z)');
  close(scoreOf('(w + x) / y', b, a, 'x'), 10 / 3, 1e-9, 'LS(x→z)');
  close(scoreOf('(w + x) / y', b, a, 'y'), -6, 1e-9, 'LS(y→z)');
});

test('L3: the 2023 flow-to-stock formula gives +1.25 and −0.25 (the 2020 one gave 2 and 1)', () => {
  // S 100 → 101 → 106: ΔS = 1 then 5, so the net flow changed by 4; in 5 → 10, out 4 → 5.
  close(flowToStockLinkScore(1, 10 - 5, 10 - 5, 106 - 2 * 101 + 100), 1.25, TOL, 'LS(in→S)');
  close(flowToStockLinkScore(1, -(5 - 4), 5 - 4, 106 - 2 * 101 + 100), -0.25, TOL, 'LS(out→S)');
});

test('L3 through a model: inflow 5→10 and outflow 4→5 into S = 100 score +1.25 and −0.25', () => {
  const yaml = `
sim: { start: 0, stop: 3, dt: 1 }
stocks:
  S: { initial: 100, inflows: [In], outflows: [Out] }
flows:
  In: { equation: "5 + 5 * S_Moved" }
  Out: { equation: "4 + S_Moved" }
auxiliaries:
  S Moved: { equation: "if S > 100.5 then 1 else 0" }
`;
  const a = analyse(yaml);
  // Values: S 100, 101, 106; flows change over [0, 1]: the interval-end score at t = 1.
  const inLoop = loopOf(a, 'S', 'S Moved', 'In');
  const outLoop = loopOf(a, 'S', 'S Moved', 'Out');
  const k = at(a, 1);
  // S → S Moved and S Moved → In / Out are single-input links scoring +1, so each loop
  // score is the flow → stock link score.
  close(inLoop.scores[k], 1.25, 1e-9, 'loop through In');
  close(outLoop.scores[k], -0.25, 1e-9, 'loop through Out');
});

for (const dt of [1, 0.25, 0.1]) {
  test(`dt correction: an isolated loop scores exactly −1 at dt = ${dt}`, () => {
    const a = analyse(`
sim: { start: 0, stop: 5, dt: ${dt} }
stocks:
  Water: { initial: 100, outflows: [Drain] }
flows:
  Drain: { equation: Water / Time_Constant }
constants:
  Time Constant: { value: 2 }
`);
    assert.is(a.loops.length, 1);
    const l = a.loops[0];
    assert.is(l.polarity, 'balancing');
    assert.is(l.scores[0], 0, 'no history at the first time');
    for (let k = 1; k < a.time.length; k++) close(l.scores[k], -1, 1e-9, `score at ${a.time[k]}`);
  });
}

test('L6: the three-party arms race has 8 loops: 3 B, 3 pairwise R, 2 three-way R, one partition', () => {
  const a = analyse(fixture('arms-race.yaml'));
  assert.is(a.search, 'exhaustive');
  assert.is(a.loops.length, 8);
  assert.is(a.partitions.length, 1);
  const kind = (l: (typeof a.loops)[number]) => `${l.polarity[0]}${l.stocks.length}`;
  const counts: Record<string, number> = {};
  for (const l of a.loops) counts[kind(l)] = (counts[kind(l)] ?? 0) + 1;
  assert.equal(counts, { b1: 3, r2: 3, r3: 2 });
  for (const l of a.loops) assert.ok(l.polarityFromStructure, `${l.id} polarity from structure`);
  // The two three-way loops go round in opposite directions over the same stocks.
  const threeWay = a.loops.filter((l) => l.stocks.length === 3).map((l) => l.stocks.join());
  assert.is.not(threeWay[0], threeWay[1]);
  // Relative scores in one partition: absolute values add up to 1 once loops are active.
  for (let k = 1; k < a.time.length; k++) close(a.loops.reduce((s, l) => s + Math.abs(l.relative[k]), 0), 1, 1e-9, `sum at ${a.time[k]}`);
});

test.run();
