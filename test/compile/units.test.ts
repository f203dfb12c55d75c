import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lowerModel } from '../../src/builtins/lower.js';
import { checkUnits, isUnitDiagnostic, unitsAsErrors } from '../../src/compile/units.js';
import { parseUnits } from '../../src/compile/units-parse.js';
import { UnitRegistry } from '../../src/compile/units-registry.js';
import { canonicalName } from '../../src/core/names.js';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import type { Model, Variable } from '../../src/model/types.js';

type Spec =
  | { kind: 'stock'; initial?: string; inflows?: string[]; outflows?: string[]; units?: string; nonNegative?: boolean }
  | { kind: 'flow'; equation: string; units?: string }
  | { kind: 'aux'; equation: string; units?: string; gf?: boolean }
  | { kind: 'constant'; value: number; units?: string }
  | { kind: 'lookup'; units?: string };

function model(vars: Record<string, Spec>, timeUnit: string | undefined = 'minute'): Model {
  const variables: Variable[] = Object.entries(vars).map(([name, s]): Variable => {
    const base = { name, id: canonicalName(name), ...(s.units !== undefined ? { units: s.units } : {}) };
    switch (s.kind) {
      case 'stock': return { ...base, kind: 'stock', initial: s.initial ?? '0', inflows: s.inflows ?? [], outflows: s.outflows ?? [], nonNegative: s.nonNegative };
      case 'flow': return { ...base, kind: 'flow', equation: s.equation };
      case 'aux': return { ...base, kind: 'aux', equation: s.equation, gf: s.gf ? { points: [[0, 0], [1, 1]], interpolation: 'continuous' } : undefined };
      case 'constant': return { ...base, kind: 'constant', value: s.value };
      case 'lookup': return { ...base, kind: 'lookup', table: { points: [[0, 0], [1, 1]], interpolation: 'continuous' } };
    }
  });
  return { name: 'test', sim: { start: 0, stop: 10, dt: 1, saveper: 1, method: 'euler', ...(timeUnit ? { timeUnit } : {}) }, variables };
}

function check(m: Model): Diagnostic[] {
  const lowered = lowerModel(m);
  assert.ok(lowered.program, lowered.diagnostics.map((d) => d.message).join('; '));
  return checkUnits(m, lowered.program!);
}

const show = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.variable}: ${d.message}`).join('\n');

function teacup(flowUnits: string, timeUnit = 'minute', timeConstUnits = 'minute'): Model {
  return model({
    'Teacup Temperature': { kind: 'stock', initial: '180', outflows: ['Heat Loss to Room'], units: 'degF' },
    'Heat Loss to Room': { kind: 'flow', equation: '(Teacup_Temperature - Room_Temperature) / Characteristic_Time', units: flowUnits },
    'Room Temperature': { kind: 'constant', value: 70, units: 'degF' },
    'Characteristic Time': { kind: 'constant', value: 10, units: timeConstUnits },
  }, timeUnit);
}

test('a consistent teacup model has no diagnostics', () => {
  assert.equal(check(teacup('degF/minute')), [], show(check(teacup('degF/minute'))));
});

test('a flow with the wrong units names the flow, the stock and both units', () => {
  const ds = check(model({
    Inventory: { kind: 'stock', initial: '100', inflows: ['Production'], units: 'widgets' },
    Production: { kind: 'flow', equation: 'Rate', units: 'people/minute' },
    Rate: { kind: 'constant', value: 5, units: 'people/minute' },
  }));
  assert.is(ds.length, 1, show(ds));
  const d = ds[0];
  assert.is(d.code, 'unit-mismatch');
  assert.is(d.severity, 'warning');
  assert.is(d.variable, 'Production');
  assert.ok(d.message.includes("'Production'") && d.message.includes("'Inventory'"), d.message);
  assert.ok(d.message.includes('people/minute') && d.message.includes('widgets/minute'), d.message);
  assert.ok(d.hint);
});

test('an aux adding people to dollars is flagged, declared or not', () => {
  const vars = (units?: string): Model => model({
    Staff: { kind: 'constant', value: 3, units: 'people' },
    Budget: { kind: 'constant', value: 1000, units: '$' },
    Nonsense: { kind: 'aux', equation: 'Staff + Budget', units },
  });
  for (const units of [undefined, 'people']) {
    const ds = check(vars(units));
    assert.is(ds.length, 1, show(ds));
    assert.is(ds[0].code, 'unit-mismatch');
    assert.is(ds[0].variable, 'Nonsense');
    assert.match(ds[0].message, /people/);
    assert.match(ds[0].message, /\$/);
  }
});

test('an equation whose units differ from the declared ones is flagged with both units', () => {
  const ds = check(model({
    Distance: { kind: 'constant', value: 3, units: 'km' },
    Duration: { kind: 'constant', value: 2, units: 'hour' },
    Speed: { kind: 'aux', equation: 'Distance * Duration', units: 'km/hour' },
  }));
  assert.is(ds.length, 1, show(ds));
  assert.is(ds[0].variable, 'Speed');
  assert.is(ds[0].message, "equation has units km*hour but 'Speed' declares km/hour");
});

test('time-unit conversions: degF/hour into degF is fine with hour, a mismatch with minute', () => {
  assert.equal(check(teacup('degF/hour', 'hour', 'hour')), []);
  const ds = check(teacup('degF/hour', 'minute', 'hour'));
  assert.is(ds.length, 1, show(ds));
  assert.is(ds[0].variable, 'Heat Loss to Room');
  assert.ok(ds[0].message.includes('degF/hour') && ds[0].message.includes('degF/minute'), ds[0].message);
  assert.match(ds[0].hint ?? '', /60/);
});

test('an equation in degF/minute declared degF/hour is a scale mismatch', () => {
  const ds = check(teacup('degF/hour', 'hour', 'minute'));
  assert.is(ds.length, 1, show(ds));
  assert.is(ds[0].message, "equation has units degF/minute but 'Heat Loss to Room' declares degF/hour");
  assert.match(ds[0].hint ?? '', /dimensions agree/);
});

test('without a time unit the stock–flow check is skipped', () => {
  const m = teacup('degF/hour', 'minute', 'hour');
  const noTime: Model = { ...m, sim: { ...m.sim, timeUnit: undefined } };
  assert.equal(check(noTime), []);
});

test('Vensim-style unit strings', () => {
  const ds = check(model({
    Inventory: { kind: 'stock', initial: 'Initial_Inventory', inflows: ['Production'], outflows: ['Shipments'], units: 'Widgets' },
    'Initial Inventory': { kind: 'constant', value: 100, units: 'Widget' },
    Production: { kind: 'flow', equation: 'Inventory * Production_Fraction', units: 'Widgets/Month' },
    'Production Fraction': { kind: 'constant', value: 0.1, units: '1/Year' },
    Shipments: { kind: 'flow', equation: 'Inventory * Ship_Fraction', units: 'widgets/months' },
    'Ship Fraction': { kind: 'constant', value: 0.1, units: 'Dmnl/Month [0,1]' },
    Crowding: { kind: 'aux', equation: 'Inventory * Inventory / Area', units: '(Widgets*Widgets)/Year' },
    Area: { kind: 'constant', value: 1, units: 'Year' },
    Share: { kind: 'aux', equation: 'Ship_Fraction * Horizon', units: 'fraction' },
    Horizon: { kind: 'constant', value: 3, units: 'Months' },
    'Year Share': { kind: 'aux', equation: 'Ship_Fraction * Area', units: 'Year/Month' },
  }, 'Month'));
  // 1/Year is not 1/Month: only Production is off, by a factor 12
  assert.is(ds.length, 1, show(ds));
  assert.is(ds[0].variable, 'Production');
  assert.match(ds[0].message, /Widgets\/Year/);
  assert.match(ds[0].message, /Widgets\/Month/);
});

test('unit strings parse with mathjs units, SD units and invented names', () => {
  const reg = new UnitRegistry();
  const u = (s: string) => {
    const r = parseUnits(reg, s);
    assert.ok(r.units, `${s}: ${r.error}`);
    return r.units!;
  };
  assert.ok(reg.equal(u('people/year'), u('Person / Years')));
  assert.ok(reg.equal(u('Dmnl'), u('1')));
  assert.ok(reg.equal(u('fraction'), u('dimensionless')));
  assert.ok(reg.equal(u('$ per widget'), u('dollars/widgets')));
  assert.ok(reg.equal(u('km/h'), u('(1000 m)/hour')));
  assert.ok(reg.equal(u('Teacups^2/Teacup'), u('teacups')));
  assert.ok(reg.equal(u('m^-1'), u('1/m')));
  assert.ok(reg.equal(u('m^(1/2)*m^(1/2)'), u('m')));
  assert.ok(reg.equal(u('requests/second'), u('request/s')));
  assert.ok(reg.equal(u('°F'), u('degF')));
  assert.ok(reg.equal(u('deg F/Hour'), u('degF/hr')));
  assert.ok(reg.equal(u('Vehicles/Kilometer'), u('vehicle/km')));
  assert.ok(reg.equal(u('Widgets/Month'), u('widget/mo')));
  assert.not.ok(reg.equal(u('degF/hour'), u('degF/minute')));
  assert.ok(reg.sameDimensions(u('degF/hour'), u('degF/minute')));
  assert.not.ok(reg.equal(u('percent'), u('dmnl')));
  assert.not.ok(reg.equal(u('Teacups'), u('Saucers')));
  assert.not.ok(reg.equal(u('Server'), u('Thread')));
  assert.equal(parseUnits(reg, ''), {});
  assert.equal(parseUnits(reg, '  [0,100] '), {});
  assert.is(reg.format(u('cubic furlongs/fortnight')), 'cubic furlongs/fortnight');
});

test('unknown but valid unit names are their own dimensions', () => {
  const ds = check(model({
    Cups: { kind: 'stock', initial: '10', inflows: ['Filling'], units: 'Teacups' },
    Filling: { kind: 'flow', equation: 'Fill_Rate', units: 'Teacups/minute' },
    'Fill Rate': { kind: 'constant', value: 2, units: 'Teacup/minute' },
    Saucers: { kind: 'constant', value: 5, units: 'Saucers' },
    Total: { kind: 'aux', equation: 'Cups + Saucers' },
  }));
  assert.is(ds.length, 1, show(ds));
  assert.is(ds[0].variable, 'Total');
  assert.match(ds[0].message, /Teacups and Saucers/);
});

test('malformed unit strings are warnings, not exceptions', () => {
  const bad = ['Widgets//Month', '(people', 'people)', '*', 'm^x', 'kg @ 3', '-5 widgets'];
  const vars: Record<string, Spec> = { Good: { kind: 'constant', value: 1, units: 'people' } };
  bad.forEach((units, i) => { vars[`C${i}`] = { kind: 'constant', value: i, units }; });
  vars['Sum'] = { kind: 'aux', equation: bad.map((_, i) => `C${i}`).join(' + ') + ' + Good' };
  const m = model(vars, 'fortnight^^');
  let ds: Diagnostic[] = [];
  assert.not.throws(() => { ds = check(m); });
  const syntax = ds.filter((d) => d.code === 'unit-syntax');
  assert.is(syntax.length, bad.length + 1, show(ds));
  bad.forEach((units, i) => {
    const d = syntax.find((x) => x.variable === `C${i}`);
    assert.ok(d, `no unit-syntax for ${units}`);
    assert.ok(d!.message.includes(units), d!.message);
    assert.is(d!.severity, 'warning');
    assert.is(d!.field, 'units');
  });
  assert.ok(syntax.some((d) => d.field === 'time_unit'));
  assert.is(ds.length, syntax.length, show(ds)); // malformed units constrain nothing
});

test('number literals adapt to the units they are combined with', () => {
  assert.equal(check(model({
    Population: { kind: 'stock', initial: '1000', inflows: ['Births'], units: 'people' },
    Births: { kind: 'flow', equation: 'Population * 0.02', units: 'people/year' },
    Doubled: { kind: 'aux', equation: 'Population * 2', units: 'people' },
    'Plus One': { kind: 'aux', equation: 'Population + 1', units: 'people' },
    Capped: { kind: 'aux', equation: 'max(0, min(Population, 500))', units: 'people' },
    Branch: { kind: 'aux', equation: 'if Population > 10 then Population else 0', units: 'people' },
    Inverse: { kind: 'aux', equation: '1 / Population' },
    Squared: { kind: 'aux', equation: 'Population ^ 2 / Population', units: 'people' },
    Growth: { kind: 'aux', equation: 'exp(-time / 5) * Population', units: 'people' },
  }, 'year')), []);
});

test('inference flows through undeclared variables, builtins, lookups and time', () => {
  const ds = check(model({
    Level: { kind: 'stock', initial: '10', inflows: ['In'], units: 'widgets' },
    In: { kind: 'flow', equation: 'Smoothed / Delay_Time', units: 'widgets/day' },
    Smoothed: { kind: 'aux', equation: 'smooth3(Level, Delay_Time)' },
    'Delay Time': { kind: 'constant', value: 3, units: 'day' },
    Delayed: { kind: 'aux', equation: 'delay3(In, Delay_Time)', units: 'widgets/day' },
    Held: { kind: 'aux', equation: 'previous(Level) + init(Level) + delay_fixed(Level, Delay_Time)', units: 'widgets' },
    Effect: { kind: 'lookup', units: 'dmnl' },
    Effected: { kind: 'aux', equation: 'Effect(Level) * Level', units: 'widgets' },
    Clock: { kind: 'aux', equation: 'time + dt', units: 'day' },
    Wrong: { kind: 'aux', equation: 'Smoothed + Delay_Time' },
    Shaped: { kind: 'aux', equation: 'Level', units: 'people', gf: true },
  }, 'day'));
  assert.is(ds.length, 1, show(ds));
  assert.is(ds[0].variable, 'Wrong');
  assert.match(ds[0].message, /widgets and day/);
});

test('mismatched arguments inside a builtin are reported against the variable', () => {
  const ds = check(model({
    Level: { kind: 'stock', initial: '10', units: 'widgets' },
    Start: { kind: 'constant', value: 3, units: 'people' },
    Smoothed: { kind: 'aux', equation: 'smooth(Level, 3, Start)' },
  }, 'day'));
  assert.ok(ds.length >= 1, show(ds));
  assert.ok(ds.every((d) => d.variable === 'Smoothed'), show(ds));
});

test('non-negative stocks do not produce spurious unit warnings', () => {
  const m = model({
    Tank: { kind: 'stock', initial: '10', inflows: ['Fill'], outflows: ['Drain'], units: 'L', nonNegative: true },
    Fill: { kind: 'flow', equation: 'Rate', units: 'L/minute' },
    Drain: { kind: 'flow', equation: 'Rate * 2', units: 'L/minute' },
    Rate: { kind: 'constant', value: 1, units: 'L/minute' },
  });
  assert.equal(check(m), []);
});

test('stock initial values are checked against the declared units', () => {
  const ds = check(model({
    Stock: { kind: 'stock', initial: 'Start', units: 'widgets' },
    Start: { kind: 'constant', value: 1, units: 'people' },
  }));
  assert.is(ds.length, 1, show(ds));
  assert.is(ds[0].field, 'initial');
});

test('unit diagnostics can be promoted to errors', () => {
  const m = teacup('degF/hour', 'minute', 'hour');
  const program = lowerModel(m).program!;
  const ds = checkUnits(m, program);
  assert.ok(ds.every(isUnitDiagnostic));
  assert.ok(unitsAsErrors(ds).every((d) => d.severity === 'error'));
  assert.ok(checkUnits(m, program, { severity: 'error' }).every((d) => d.severity === 'error'));
  assert.ok(unitsAsErrors([{ code: 'other', severity: 'warning', message: 'x' }])[0].severity === 'warning');
});

test.run();
