import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ModelError } from '../../src/core/diagnostics.js';
import { simulate } from '../../src/sim/simulate.js';
import type { Change, Variable } from '../../src/model/types.js';
import { applyScenario, applyScenarioById, selectScenarios, tryApplyChanges } from '../../src/scenarios/index.js';
import { bathtub } from './fixture.js';

const find = (vars: readonly Variable[], id: string) => vars.find((v) => v.id === id)!;

test('set changes a constant and leaves the original model untouched', () => {
  const model = bathtub();
  const before = JSON.stringify(model);
  const changed = applyScenarioById(model, 'slow-tap');
  assert.is(JSON.stringify(model), before);
  const tap = find(changed.variables, 'tap_rate');
  assert.ok(tap.kind === 'constant' && tap.value === 5);
  assert.ok(simulate(changed).final('Water') < simulate(model).final('Water'));
});

test('set on a stock sets its initial value; on an auxiliary it becomes that number', () => {
  const { model } = tryApplyChanges(bathtub(), [
    { kind: 'set', variable: 'Water', value: 7 },
    { kind: 'set', variable: 'Drain', value: 0 },
  ]);
  const water = find(model!.variables, 'water');
  assert.ok(water.kind === 'stock' && water.initial === '7');
  assert.is(simulate(model!).final('Water'), 7 + 10 * 10);
});

test('equation changes replace flows and auxiliaries; a constant becomes an auxiliary', () => {
  const { model } = tryApplyChanges(bathtub(), [
    { kind: 'equation', variable: 'inflow', equation: '2 * Tap_Rate' },
    { kind: 'equation', variable: 'Unused', equation: 'time' },
  ]);
  const inflow = find(model!.variables, 'inflow');
  assert.ok(inflow.kind === 'flow' && inflow.equation === '2 * Tap_Rate');
  assert.is(find(model!.variables, 'unused').kind, 'aux');
});

test('lookup changes replace a lookup table or a variable graphical function', () => {
  const table = { points: [[0, 0], [1, 5]] as [number, number][], interpolation: 'continuous' as const };
  const { model } = tryApplyChanges(bathtub(), [
    { kind: 'lookup', variable: 'Effect', table },
    { kind: 'lookup', variable: 'Level', table },
  ]);
  const effect = find(model!.variables, 'effect');
  const level = find(model!.variables, 'level');
  assert.ok(effect.kind === 'lookup' && effect.table.points[1][1] === 5);
  assert.ok(level.kind === 'aux' && level.gf!.points[1][1] === 5);
});

test('add and connect change structure: a new outflow drains the stock', () => {
  const model = bathtub();
  const changed = applyScenarioById(model, 'overflow');
  const water = find(changed.variables, 'water');
  assert.ok(water.kind === 'stock' && water.outflows.includes('Overflow'));
  assert.ok(simulate(changed).final('Water') < simulate(model).final('Water') - 5);
});

test('disconnect and remove take flows out of stocks', () => {
  const { model } = tryApplyChanges(bathtub(), [{ kind: 'disconnect', stock: 'Water', flow: 'Drain' }]);
  const water = find(model!.variables, 'water');
  assert.ok(water.kind === 'stock' && water.outflows.length === 0);
  const removed = tryApplyChanges(bathtub(), [{ kind: 'remove', variable: 'Drain' }]).model!;
  assert.not.ok(removed.variables.some((v) => v.id === 'drain'));
  const w = find(removed.variables, 'water');
  assert.ok(w.kind === 'stock' && w.outflows.length === 0);
});

test('every bad change is reported at once, with did-you-mean hints', () => {
  const changes: Change[] = [
    { kind: 'set', variable: 'Tap Rat', value: 1 },
    { kind: 'equation', variable: 'Nope', equation: '1' },
    { kind: 'set', variable: 'Effect', value: 1 },
    { kind: 'lookup', variable: 'Tap Rate', table: { points: [[0, 0]], interpolation: 'continuous' } },
    { kind: 'connect', stock: 'Inflow', flow: 'Drain', direction: 'in' },
    { kind: 'disconnect', stock: 'Water', flow: 'Level' },
    { kind: 'add', element: { kind: 'constant', name: 'Tap rate', id: 'tap_rate', value: 3 } },
  ];
  const { model, diagnostics } = tryApplyChanges(bathtub(), changes, 'bad');
  assert.is(model, undefined);
  assert.equal(diagnostics.map((d) => d.code), ['unknown-variable', 'unknown-variable', 'not-settable', 'not-a-lookup', 'not-a-stock', 'not-connected', 'duplicate-variable']);
  assert.is(diagnostics[0].hint, "did you mean 'Tap Rate'?");
  assert.is(diagnostics[0].field, 'scenarios.bad');
  assert.ok(diagnostics.every((d) => d.severity === 'error' && d.file === 'bathtub.yaml'));
});

test('applyScenario throws a ModelError carrying the diagnostics', () => {
  try {
    applyScenario(bathtub(), { id: 'x', title: 'x', changes: [{ kind: 'remove', variable: 'Missing' }] });
    assert.unreachable();
  } catch (e) {
    assert.instance(e, ModelError);
    assert.is((e as ModelError).diagnostics[0].code, 'unknown-variable');
  }
});

test('scenarios are found by id, with a hint for unknown ids', () => {
  try {
    applyScenarioById(bathtub(), 'slow-tpa');
    assert.unreachable();
  } catch (e) {
    assert.instance(e, ModelError);
    const d = (e as ModelError).diagnostics[0];
    assert.is(d.code, 'unknown-scenario');
    assert.is(d.hint, "did you mean 'slow-tap'?");
  }
  assert.equal(selectScenarios(bathtub(), 'all').scenarios.map((s) => s.id), ['slow-tap', 'fast-drain', 'nothing', 'overflow']);
  const some = selectScenarios(bathtub(), ['fast-drain', 'zzz']);
  assert.equal(some.scenarios.map((s) => s.id), ['fast-drain']);
  assert.is(some.diagnostics[0].code, 'unknown-scenario');
});

test.run();
