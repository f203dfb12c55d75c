import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diagnosticsOf, runYaml } from '../helpers.js';
import { readNative } from '../../src/io/native.js';

const codes = (yaml: string, options = {}) => diagnosticsOf(yaml, options).map((d) => d.code);
const base = (body: string, sim = 'start: 0\n  stop: 10\n  dt: 1') => `sim:\n  ${sim}\n${body}`;

test('an unknown variable is reported with a did-you-mean', () => {
  const d = diagnosticsOf(base('constants:\n  Room Temperature: { value: 70 }\nauxiliaries:\n  x: { equation: room_temprature * 2 }\n'));
  assert.is(d[0].code, 'unknown-variable');
  assert.is(d[0].variable, 'x');
  assert.is(d[0].field, 'equation');
  assert.match(d[0].hint!, /Room Temperature/);
  assert.is(d[0].file, 'test.yaml');
  assert.type(d[0].line, 'number');
});

test('an unknown function is reported with a did-you-mean', () => {
  const d = diagnosticsOf(base('auxiliaries:\n  x: { equation: "smoth(time, 2)" }\n'));
  assert.is(d[0].code, 'unknown-function');
  assert.match(d[0].hint!, /smooth/);
});

test('hostile equations are unknown functions or forbidden syntax, never code', () => {
  const hostile = [
    'import("fs")', 'evaluate("process.exit(3)")', 'createUnit("foo")', 'constructor(1)', '__proto__(1)',
    'x.constructor', 'f(x) = 1', 'toString(1)', '"a"["constructor"]', 'cos.constructor("return process")()',
  ];
  for (const h of hostile) {
    const c = codes(base(`auxiliaries:\n  x: { equation: ${JSON.stringify(h)} }\n`));
    assert.ok(c.length > 0 && c.every((k) => ['unknown-function', 'forbidden-syntax', 'unknown-variable', 'syntax-error'].includes(k)), `${h}: ${c}`);
  }
});

test('a variable named like an Object prototype member does not confuse name lookup', () => {
  const c = codes(base('auxiliaries:\n  x: { equation: "constructor + __proto__ + hasOwnProperty" }\n'));
  assert.equal(c, ['unknown-variable', 'unknown-variable', 'unknown-variable']);
});

test('variables named like Object prototype members are ordinary variables', () => {
  const yaml = base('constants:\n  __proto__: { value: 3 }\n  constructor: { value: 4 }\nauxiliaries:\n  toString: { equation: "constructor * 2" }\n  valueOf: { equation: \'"__proto__" + 1\' }\n');
  const r = runYaml(yaml);
  assert.equal(r.names.sort(), ['__proto__', 'constructor', 'toString', 'valueOf']);
  assert.is(r.final('toString'), 8);
  assert.is(r.final('valueOf'), 4);
  assert.equal(Object.keys(r.toJSON()).sort(), ['__proto__', 'constructor', 'time', 'toString', 'valueOf']);
  assert.is(({} as Record<string, unknown>).value, undefined);
});

test('wrong argument counts name the function and both counts', () => {
  const d = diagnosticsOf(base('auxiliaries:\n  x: { equation: "step(1)" }\n  y: { equation: "smooth(1, 2, 3, 4)" }\n'));
  assert.equal(d.map((x) => x.code), ['wrong-arity', 'wrong-arity']);
  assert.match(d[0].message, /step\(\) takes 2 arguments, not 1/);
});

test('an algebraic loop names the cycle', () => {
  const d = diagnosticsOf(base('auxiliaries:\n  a: { equation: b + 1 }\n  b: { equation: c * 2 }\n  c: { equation: a }\n'));
  assert.is(d[0].code, 'algebraic-loop');
  // Arrows follow influence: c = a, so a → c.
  assert.match(d[0].message, /a → c → b → a/);
  assert.is(d.length, 1);
});

test('a loop through a stock is not algebraic, and a smooth breaks a loop too', () => {
  assert.equal(codes(base('stocks:\n  s: { initial: 1, inflows: [f] }\nflows:\n  f: { equation: s * 0.1 }\n')), []);
  assert.equal(codes(base('auxiliaries:\n  a: { equation: "smooth(b, 2, 0)" }\n  b: { equation: a + 1 }\n')), []);
});

test('circular initialisation names the cycle', () => {
  const d = diagnosticsOf(base('stocks:\n  s: { initial: t * 2 }\n  t: { initial: s + 1 }\n'));
  assert.is(d[0].code, 'circular-initialisation');
  assert.match(d[0].message, /s → t → s|t → s → t/);
});

test('duplicate names compare ignoring case, spaces and underscores', () => {
  const d = diagnosticsOf(base('constants:\n  Room Temp: { value: 1 }\nauxiliaries:\n  room_TEMP: { equation: "2" }\n'));
  assert.is(d[0].code, 'duplicate-name');
  const yamlDup = readNative(base('constants:\n  a: { value: 1 }\n  a: { value: 2 }\n'), 'dup.yaml').diagnostics;
  assert.is(yamlDup[0].code, 'duplicate-name');
  assert.is(yamlDup[0].line, 7);
});

test('dt <= 0 and stop < start are sim-spec problems, from the file or from options', () => {
  assert.equal(codes(base('', 'start: 0\n  stop: 10\n  dt: 0')), ['schema']);
  assert.equal(codes(base('', 'start: 0\n  stop: 10\n  dt: 1'), { dt: -1 }), ['bad-sim-spec']);
  assert.equal(codes(base('', 'start: 10\n  stop: 0\n  dt: 1')), ['bad-sim-spec']);
});

test('an equation nested thousands deep is one diagnostic', () => {
  const eq = '('.repeat(3000) + 'time' + ')'.repeat(3000);
  assert.equal(codes(base(`auxiliaries:\n  x: { equation: "${eq}" }\n`)), ['too-deep']);
});

test('schema errors name the element and the field', () => {
  const d = diagnosticsOf(base('stocks:\n  Tea: { initial: 1, outflow: [x] }\n'));
  assert.is(d[0].code, 'schema');
  assert.is(d[0].variable, 'Tea');
  assert.match(d[0].message, /unknown field 'outflow'/);
  assert.is(d[0].line, 6);
});

test('a stock whose outflow is not a flow is reported', () => {
  const d = diagnosticsOf(base('stocks:\n  s: { initial: 1, outflows: [drain] }\nauxiliaries:\n  drain: { equation: "1" }\n'));
  assert.is(d[0].code, 'not-a-flow');
});

test('malformed YAML and JSON are syntax errors with a line', () => {
  const y = readNative('sim:\n  start: 0\n   stop: [\n', 'bad.yaml').diagnostics;
  assert.is(y[0].code, 'syntax-error');
  assert.type(y[0].line, 'number');
  const j = readNative('{"sim": {"start": 0,, }', 'bad.json').diagnostics;
  assert.is(j[0].code, 'syntax-error');
});

test('a value that becomes infinite stops the run naming the variable and the time', () => {
  const d = diagnosticsOf(base('auxiliaries:\n  x: { equation: 1 / (time - 3) }\n  y: { equation: x * 2 }\n'));
  assert.is(d[0].code, 'non-finite');
  assert.is(d[0].variable, 'x');
  assert.match(d[0].message, /time 3/);
  assert.equal(codes(base('auxiliaries:\n  x: { equation: 1 / (time - 3) }\n'), { allowNonFinite: true }), []);
});

test('a lookup whose x values decrease is reported, in a lookup or a graphical function', () => {
  const d = diagnosticsOf(base('lookups:\n  t: { points: [[1, 0], [0, 1]] }\nauxiliaries:\n  a: { equation: "t(time)" }\n  b: { equation: time, lookup: { points: [[0, 0], [2, 1], [1, 2]] } }\n'));
  assert.equal(d.map((x) => [x.code, x.variable]).sort(), [['bad-lookup', 'b'], ['bad-lookup', 't']]);
  assert.match(d.find((x) => x.variable === 't')!.message, /decrease at point 2 \(1 then 0\)/);
});

test('a save period that is not a multiple of dt is a warning, and the run goes on', () => {
  const d = diagnosticsOf(base('auxiliaries:\n  a: { equation: time }\n', 'start: 0\n  stop: 1\n  dt: 0.3\n  saveper: 0.5'));
  assert.equal(d.map((x) => [x.code, x.severity]), [['saveper-not-multiple', 'warning']]);
});

test('every problem in a model is reported in one run', () => {
  const c = codes(base('auxiliaries:\n  a: { equation: nope }\n  b: { equation: "zap(1)" }\n  c: { equation: "1 +" }\n'));
  assert.equal(c.sort(), ['syntax-error', 'unknown-function', 'unknown-variable']);
});

test.run();
