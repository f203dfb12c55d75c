/**
 * `stockflow check` as a newcomer meets it: every independent problem in one pass (schema
 * errors, unknown names, algebraic loops, scenarios with file:line:column), the names-with-
 * spaces hint, a time step too large for the fastest time constant, exponents with units,
 * composite metrics that count one loss twice, and scenarios that act before the trigger.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkModel } from '../../src/check.js';
import { readNative } from '../../src/io/native.js';
import { cli, ROOT, tempFile } from './cli-helpers.js';

const BROKEN = `sim: { start: 0, stop: 10, dt: 0.25 }
stocks:
  Tank:
    initial: 10
    outflows: [Drain]
    colour: blue
flows:
  Drain:
    equation: Tank / Drain_Time
auxiliaries:
  A:
    equation: B + 1
  B:
    equation: A * 2
  C:
    equation: Base Load * 2
constants:
  Drain Time: { value: 5 }
  Base Load: { value: 3 }
scenarios:
  - id: typo
    title: A typo
    changes:
      - set: { Drain Tme: 2 }
`;

test('check reports schema errors, unknown names, loops and scenario problems together, located', () => {
  const r = cli('check', tempFile('broken.yaml', BROKEN));
  assert.is(r.code, 1);
  assert.match(r.stderr, /broken\.yaml:4:5: error\[schema\] 'Tank': unknown field 'colour'/);
  assert.match(r.stderr, /broken\.yaml:16:5: error\[name-with-spaces\] 'C' \(equation\): 'Base Load' is a name with spaces.*write Base_Load or "Base Load"/);
  assert.match(r.stderr, /error\[algebraic-loop\] 'A'.*A → B → A/);
  assert.match(r.stderr, /broken\.yaml:24:9: error\[unknown-variable\] 'Drain Tme' \(scenarios\.typo\).*did you mean 'Drain Time'\?/);
  assert.not.match(r.stderr, /write an explicit '\*'/);
});

test('a scenario that adds an equation with an unknown name is checked like the model', () => {
  const text = BROKEN.replace('    colour: blue\n', '').replace(/Base Load \* 2/, 'Base_Load * 2').replace(/  A:\n    equation: B \+ 1\n/, '  A:\n    equation: 1\n')
    .replace('      - set: { Drain Tme: 2 }', '      - add: { kind: aux, name: D, equation: "Nope * 2" }');
  const { model } = readNative(text, 'm.yaml');
  const d = checkModel(model!, { run: false });
  const nope = d.find((x) => x.message.includes("scenario 'typo'") && x.message.includes('Nope'));
  assert.ok(nope, JSON.stringify(d));
  assert.is(nope!.line, 23, 'located at the change that adds it');
});

test('check and run warn when dt is too large for the fastest time constant, naming the stock and a safer dt', () => {
  const file = tempFile('fast.yaml', BROKEN.replace('    colour: blue\n', '').replace('Base Load * 2', '2').replace('B + 1', '1').replace('Drain Time: { value: 5 }', 'Drain Time: { value: 0.3 }').replace(/scenarios:[\s\S]*$/, ''));
  const c = cli('check', file);
  assert.is(c.code, 0, c.stderr);
  assert.match(c.stderr, /warning\[dt-too-large\] 'Tank'.*dt = 0\.25.*stock \/ outflow = 0\.3.*use dt = 0\.0625 or smaller/);
  const r = cli('run', file);
  assert.is(r.code, 0);
  assert.match(r.stderr, /dt-too-large/);
  assert.not.match(cli('run', file, '--dt', '0.0625').stderr, /dt-too-large/);
});

test('the unit checker rejects an exponent that carries units (with --strict-units)', () => {
  const file = tempFile('exp.yaml', `sim: { start: 0, stop: 1, dt: 0.25 }
auxiliaries:
  Growth: { equation: Base ^ Hours, units: dimensionless }
constants:
  Base: { value: 2, units: dimensionless }
  Hours: { value: 3, units: hour }
`);
  const r = cli('check', file, '--strict-units');
  assert.is(r.code, 1);
  assert.match(r.stderr, /'Growth' \(equation\): the exponent has units hour; an exponent must be dimensionless/);
});

test('a composite metric that adds an indicator and its function or delayed follower gets a warning', () => {
  const text = readFileSync(join(ROOT, 'models/kinesis-outage.yaml'), 'utf8').replace(
    /  Customer Impact Rate:\n    equation: [^\n]+\n/,
    '  Customer Impact Rate:\n    equation: 4 - kinesis_availability - eventbridge_availability - ecs_eks_availability - cognito_availability\n');
  const { model } = readNative(text, 'k.yaml');
  const d = checkModel(model!, { run: false }).filter((x) => x.code === 'composite-double-count');
  const said = d.map((x) => x.message).join('\n');
  assert.match(said, /'eventbridge_availability' is a function of 'kinesis_availability'/);
  assert.match(said, /'ecs_eks_availability' is a delayed follower of 'eventbridge_availability'/);
  assert.match(said, /'ecs_eks_availability' is a delayed follower of 'kinesis_availability'/);
  assert.not.match(said, /cognito_availability' is a/, 'Cognito has dynamics of its own (buffer, fix)');
  const own = readNative(readFileSync(join(ROOT, 'models/kinesis-outage.yaml'), 'utf8'), 'k.yaml').model!;
  assert.equal(checkModel(own, { run: false }).filter((x) => x.code === 'composite-double-count'), [], 'the Kinesis headline counts each failure once');
});

test('an alarm on the absolute level, on from time 0, acts before the trigger: check warns', () => {
  const text = readFileSync(join(ROOT, 'models/kinesis-outage.yaml'), 'utf8').replace(
    /equation: "if Thread_Utilisation - Normal_Thread_Utilisation > Thread_Alarm_Growth \* \(1 - Normal_Thread_Utilisation\) then 1 else 0"/,
    'equation: "if Thread_Utilisation > 0.95 then 1 else 0"');
  const file = tempFile('level-alarm.yaml', text);
  const r = cli('check', file);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /warning\[intervention-before-trigger\] \(scenarios\.thread-alarms\): scenario 'thread-alarms' sets the run in motion before the trigger at 02:44: stock 'Suspicion of New Capacity'/);
  const c = cli('compare', file, '--metrics', 'Customer impact');
  assert.match(c.stderr, /intervention-before-trigger.*thread-alarms/);
  const own = cli('check', 'models/kinesis-outage.yaml');
  assert.is(own.code, 0);
  assert.not.match(own.stderr, /intervention-before-trigger/, 'the growth alarm (R2 as AWS described it) is silent before the addition');
});

test.run();
