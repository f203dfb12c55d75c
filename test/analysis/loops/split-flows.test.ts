/**
 * Property (analysis-methods.md §1.3): netting a stock's inflows and outflows into one
 * flow must leave every loop score unchanged — the flaw of the 2020 flow-to-stock formula
 * that the 2023 formula fixes. Random logistic populations and predator–prey systems,
 * each written once with separate inflow/outflow flows and once with auxiliaries feeding a
 * single net flow; loops are matched by their variables without the net flow.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import type { LoopAnalysis } from '../../../src/analysis/loops/index.js';
import { analyse, fixture } from './helpers.js';

interface Stock { name: string; initial: number; in: [string, string][]; out: [string, string][] }

const ref = (name: string) => name.replace(/ /g, '_');

/** YAML for stocks whose flows are either separate (split) or netted through auxiliaries. */
function model(stocks: Stock[], constants: Record<string, number>, dt: number, netted: boolean): string {
  const lines = [`sim: { start: 0, stop: 30, dt: ${dt}, method: euler }`, 'stocks:'];
  const flows: string[] = ['flows:'];
  const auxes: string[] = ['auxiliaries:'];
  for (const s of stocks) {
    if (netted) {
      lines.push(`  ${s.name}: { initial: ${s.initial}, inflows: [${s.name} Net] }`);
      const net = [...s.in.map(([n]) => ref(n)), ...s.out.map(([n]) => `- ${ref(n)}`)].join(' + ').replace(/\+ -/g, '-');
      flows.push(`  ${s.name} Net: { equation: "${net}" }`);
      for (const [n, eq] of [...s.in, ...s.out]) auxes.push(`  ${n}: { equation: "${eq}" }`);
    } else {
      lines.push(`  ${s.name}: { initial: ${s.initial}, inflows: [${s.in.map(([n]) => n).join(', ')}], outflows: [${s.out.map(([n]) => n).join(', ')}] }`);
      for (const [n, eq] of [...s.in, ...s.out]) flows.push(`  ${n}: { equation: "${eq}" }`);
    }
  }
  const consts = ['constants:', ...Object.entries(constants).map(([k, v]) => `  ${k}: { value: ${v} }`)];
  return [...lines, ...flows, ...(auxes.length > 1 ? auxes : []), ...consts].join('\n');
}

function assertSameScores(split: LoopAnalysis, net: LoopAnalysis, netNames: RegExp) {
  assert.is(net.loops.length, split.loops.length, 'loop count');
  const key = (vars: readonly string[]) => vars.filter((v) => !netNames.test(v)).join(' → ');
  const byKey = new Map(net.loops.map((l) => [key(l.variables), l]));
  for (const l of split.loops) {
    const m = byKey.get(key(l.variables));
    assert.ok(m, `netted model lacks loop ${key(l.variables)}`);
    assert.is(m!.polarity, l.polarity, `${key(l.variables)} polarity`);
    for (let k = 0; k < l.scores.length; k++) {
      const [a, b] = [l.scores[k], m!.scores[k]];
      assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)), `${key(l.variables)} at ${split.time[k]}: split ${a}, netted ${b}`);
      assert.ok(Math.abs(l.relative[k] - m!.relative[k]) <= 1e-9, `relative ${key(l.variables)} at ${split.time[k]}`);
    }
  }
}

const DT = fc.constantFrom(1, 0.5, 0.25, 0.125);

test('the population fixtures (net flow vs births and deaths) have identical loop scores', () => {
  assertSameScores(analyse(fixture('population-split.yaml')), analyse(fixture('population-net.yaml')), /^Net Change$/);
});

test('property: splitting a net flow leaves logistic loop scores unchanged', () => {
  fc.assert(fc.property(
    fc.double({ min: 0.01, max: 0.5, noNaN: true }), fc.double({ min: 0.01, max: 0.5, noNaN: true }),
    fc.double({ min: 1, max: 900, noNaN: true }), DT,
    (b, d, p0, dt) => {
      const stocks: Stock[] = [{ name: 'Pop', initial: p0, in: [['Births', 'B * Pop']], out: [['Deaths', 'D * Pop * Pop / 1000']] }];
      const c = { B: b, D: d };
      assertSameScores(analyse(model(stocks, c, dt, false)), analyse(model(stocks, c, dt, true)), /Net$/);
    },
  ), { numRuns: 25, seed: 42 });
});

test('property: splitting net flows leaves predator–prey loop scores unchanged', () => {
  fc.assert(fc.property(
    fc.double({ min: 0.2, max: 1.5, noNaN: true }), fc.double({ min: 0.005, max: 0.05, noNaN: true }),
    fc.double({ min: 0.1, max: 1, noNaN: true }), fc.double({ min: 5, max: 60, noNaN: true }), DT,
    (growth, predation, death, prey0, dt) => {
      const stocks: Stock[] = [
        { name: 'Prey', initial: prey0, in: [['Prey Births', 'G * Prey * (1 - Prey / 200)']], out: [['Prey Eaten', 'P * Prey * Predators']] },
        { name: 'Predators', initial: 10, in: [['Predator Births', '0.2 * P * Prey * Predators']], out: [['Predator Deaths', 'M * Predators']] },
      ];
      const c = { G: growth, P: predation, M: death };
      assertSameScores(analyse(model(stocks, c, dt, false)), analyse(model(stocks, c, dt, true)), /Net$/);
    },
  ), { numRuns: 20, seed: 7 });
});

test.run();
