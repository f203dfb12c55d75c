/** Meadows levels from model structure (analysis-methods §4.3(b)) on small models built here. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyzeLoops } from '../../../src/analysis/loops/index.js';
import {
  conditionedLoops, constantLevel, loopGainRule, modelStructure, scenarioLevel, structuralRules, type LevelSuggestion,
} from '../../../src/analysis/leverage/index.js';
import type { Constant, Model } from '../../../src/model/types.js';
import { modelFrom } from '../../helpers.js';

/** Every constant's level as the ranking computes it (rules B, C, H; D from the loops). */
function levels(model: Model): Map<string, LevelSuggestion> {
  const s = modelStructure(model);
  const a = analyzeLoops(model).analysis!;
  const constants = model.variables.filter((v): v is Constant => v.kind === 'constant');
  const cond = conditionedLoops(s, a, constants.map((c) => c.id));
  const byId = new Map(a.loops.map((l) => [l.id, l]));
  return new Map(constants.map((c) => [c.name, constantLevel(c, structuralRules(s, c.id), loopGainRule(cond.get(c.id)!, byId, (l) => l.importance))]));
}

const TEACUP = `
sim: { start: 0, stop: 30, dt: 0.25, time_unit: minute }
stocks:
  Tea: { initial: 180, outflows: [Heat Loss], units: degF }
flows:
  Heat Loss: { equation: (Tea - Room) / Cooling_Time, units: degF/minute }
constants:
  Room: { value: 70, units: degF }
  Cooling Time: { value: 10, units: minute }
`;

test('teacup: the time constant of the adjustment is a delay (9); the goal it seeks stays a number (12)', () => {
  const l = levels(modelFrom(TEACUP));
  assert.is(l.get('Cooling Time')!.level, 9);
  assert.is(l.get('Cooling Time')!.rule, 'C');
  assert.match(l.get('Cooling Time')!.why, /time constant dividing the rate 'Heat Loss'/);
  // ∂HeatLoss/∂Tea = 1/τ does not involve the room: it conditions no loop, it is the loop's goal.
  assert.is(l.get('Room')!.level, 12);
  assert.equal(l.get('Room')!.rules.map((r) => r.rule), ['H', 'D']);
});

const SUPPLY = `
sim: { start: 0, stop: 20, dt: 0.25, time_unit: week }
stocks:
  Inventory: { initial: Initial_Inventory, inflows: [Production], outflows: [Shipments], units: widgets }
  Orders Backlog: { initial: 0, inflows: [Orders], outflows: [Shipments], units: widgets }
flows:
  Production: { equation: "min(Plant_Capacity, smooth(Orders, Perception_Time) + (Target_Inventory - Inventory) / Adjustment_Time)", units: widgets/week }
  Shipments: { equation: "min(Orders_Backlog / Delivery_Time, Inventory / Delivery_Time)", units: widgets/week }
  Orders: { equation: "100 + step(20, 5)", units: widgets/week }
auxiliaries:
  Storage Capacity: { equation: Warehouse_Size, units: widgets }
  Stock Pressure: { equation: Orders_Backlog / Storage_Capacity, units: dimensionless }
constants:
  Initial Inventory: { value: 400, units: widgets }
  Plant Capacity: { value: 150, units: widgets/week }
  Perception Time: { value: 2, units: week }
  Target Inventory: { value: 400, units: widgets }
  Adjustment Time: { value: 3, units: week }
  Delivery Time: { value: 1, units: week }
  Warehouse Size: { value: 1000, units: widgets }
`;

test('buffers (11) and delays (9) from where a constant sits in the equations', () => {
  const s = modelStructure(modelFrom(SUPPLY));
  const rules = (name: string) => structuralRules(s, name.toLowerCase().replace(/ /g, '_')).map((h) => `${h.rule}${h.level}`);
  assert.equal(rules('Initial Inventory'), ['B11'], 'the initial size of a stock');
  assert.equal(rules('Plant Capacity'), ['B11'], 'a cap in MIN against a stock-driven rate');
  assert.equal(rules('Perception Time'), ['C9'], 'the time of a smooth');
  assert.equal(rules('Adjustment Time'), ['C9'], 'the denominator of (goal - S) / tau');
  assert.equal(rules('Delivery Time'), ['C9'], 'S / tau in a flow');
  assert.equal(rules('Warehouse Size'), ['B11'], 'a fill ratio S / capacity in the stock\'s units');
  assert.ok(rules('Target Inventory').includes('H12'), 'the goal of a gap');
});

const LOGISTIC = `
sim: { start: 0, stop: 40, dt: 0.125, time_unit: year }
stocks:
  Population: { initial: 10, inflows: [Births], outflows: [Deaths] }
flows:
  Births: { equation: Birth_Fraction * Population }
  Deaths: { equation: Population * Crowding }
auxiliaries:
  Crowding: { equation: Death_Fraction * Population / Crowding_Scale }
constants:
  Birth Fraction: { value: 0.3 }
  Death Fraction: { value: 0.3 }
  Crowding Scale: { value: 1000 }
  Unused: { value: 5, leverage: { level: 5, reason: "a rule, says the modeller" } }
`;

test('loop gains (D): the polarity of the most active loop a constant conditions; none → 12; the model file overrides', () => {
  const l = levels(modelFrom(LOGISTIC));
  const births = l.get('Birth Fraction')!;
  assert.is(births.rule, 'D');
  assert.is(births.level, 7, births.why);
  assert.match(births.why, /reinforcing loop R\d/);
  const deaths = l.get('Death Fraction')!;
  assert.is(deaths.rule, 'D');
  assert.is(deaths.level, 8, deaths.why);
  const unused = l.get('Unused')!;
  assert.is(unused.level, 5);
  assert.is(unused.source, 'user');
  assert.is(unused.why, 'a rule, says the modeller');
  assert.equal(unused.rules.map((r) => `${r.rule}${r.level}`), ['D12'], 'the rules are still reported');
});

test('without a loop analysis rule D is reported as not evaluated', () => {
  const m = modelFrom(LOGISTIC);
  const s = modelStructure(m);
  const c = m.variables.find((v) => v.name === 'Birth Fraction') as Constant;
  const l = constantLevel(c, structuralRules(s, c.id));
  assert.is(l.level, 12);
  assert.match(l.why, /not evaluated/);
});

const SCENARIOS = `${SUPPLY}
scenarios:
  - id: slower-perception
    title: t
    changes: [{ set: { Perception Time: 4 } }]
  - id: second-warehouse
    title: t
    changes:
      - add: { kind: stock, name: Reserve, initial: 0 }
      - add: { kind: flow, name: To Reserve, equation: "0.1 * Production" }
      - connect: { stock: Reserve, inflow: To Reserve }
  - id: watch-backlog
    title: t
    changes: [{ replace: { variable: Orders, equation: "100 + step(20, 5) - 0.01 * Orders_Backlog" } }]
  - id: cap-orders
    title: t
    changes: [{ replace: { variable: Orders, equation: "min(110, 100 + step(20, 5))" } }]
  - id: double-storage
    title: t
    changes: [{ replace: { variable: Storage Capacity, equation: "2 * Warehouse_Size" } }]
`;

test('scenarios: levels from the diff (A structure, C via the constant set, E new signal, F new rule, B numbers of a capacity)', () => {
  const m = modelFrom(SCENARIOS);
  const s = modelStructure(m);
  const own = (id: string) => constantLevel(m.variables.find((v) => v.id === id) as Constant, structuralRules(s, id));
  const level = (id: string) => {
    const l = scenarioLevel(s, m.scenarios!.find((x) => x.id === id)!, own);
    return `${l.level}${l.rule}`;
  };
  assert.is(level('slower-perception'), '9C');
  assert.is(level('second-warehouse'), '10A');
  assert.is(level('watch-backlog'), '6E');
  assert.is(level('cap-orders'), '5F');
  assert.is(level('double-storage'), '11B');
});

test.run();
