import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readXmile } from '../../../src/io/xmile/index.js';
import { aux, readFails, xmileDoc } from './helpers.js';

const find = (text: string, code: string) => {
  const d = readFails(text).find((x) => x.code === code);
  assert.ok(d, `no '${code}' diagnostic`);
  return d!;
};
/** 1-based line and column of the first occurrence of `needle` in `text`. */
const at = (text: string, needle: string) => {
  const i = text.indexOf(needle);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
};

test('malformed XML is reported with file, line, column and the offending line', () => {
  const text = '<xmile>\n  <model>\n    <aux name="a"><eqn>1</eqn></flow>\n  </model>\n</xmile>';
  const d = find(text, 'malformed-xml');
  assert.is(d.file, 'test.xmile');
  assert.is(d.line, 3);
  assert.ok(d.column! > 1);
  assert.match(d.message, /<\/flow>/);
});

test('an unknown function points at its name inside the equation, with a suggestion', () => {
  const text = xmileDoc(aux('a', '1 + SMTH(TIME, 2)'));
  const d = find(text, 'unknown-function');
  assert.equal({ line: d.line, column: d.column }, at(text, 'SMTH('));
  assert.is(d.variable, 'a');
  assert.match(d.message, /SMTH/);
  assert.match(d.message, /1 \+ SMTH\(TIME, 2\)/);
  assert.match(d.hint ?? '', /SMTH1|SMTH3|SMTHN/);
});

test('an unknown variable suggests the closest name', () => {
  const text = xmileDoc(`${aux('growth rate', '0.1')}${aux('b', 'growth_rat * 2')}`);
  const d = find(text, 'unknown-variable');
  assert.equal({ line: d.line, column: d.column }, at(text, 'growth_rat *'));
  assert.match(d.hint ?? '', /growth rate/);
});

test('syntax errors, wrong argument counts and translator placeholders are located errors', () => {
  assert.ok(find(xmileDoc(aux('a', '(1 + 2')), 'syntax-error').line);
  assert.ok(find(xmileDoc(aux('a', 'IF 1 THEN 2')), 'syntax-error').column);
  assert.ok(find(xmileDoc(aux('a', 'STEP(1)')), 'wrong-arity').line);
  assert.match(find(xmileDoc(aux('a', ' ??? ')), 'syntax-error').message, /placeholder/);
  assert.ok(find(xmileDoc(aux('a', '1 @ 2')), 'syntax-error').message.includes("'@'"));
});

test('unsupported constructs are errors, never silently dropped', () => {
  const conveyor = xmileDoc('<stock name="s"><eqn>0</eqn><outflow>f</outflow><conveyor discrete="true"><len>3</len></conveyor></stock><flow name="f"/>');
  assert.ok(find(conveyor, 'unsupported-construct').line);
  const queue = xmileDoc('<stock name="q"><eqn>0</eqn><queue/></stock>');
  assert.ok(find(queue, 'unsupported-construct').line);
  assert.ok(find(xmileDoc('<aux name="a"><eqn>1</eqn><gf><xpts>0,0</xpts><ypts>1,2</ypts></gf></aux>'), 'invalid-gf'));
  assert.ok(find(xmileDoc('<aux name="a"></aux>'), 'missing-equation'));
});

test('array misuse is located: unknown dimension, missing subscript, bad element', () => {
  const top = '<dimensions><dim name="d"><elem name="x"/><elem name="y"/></dim></dimensions>';
  assert.ok(find(xmileDoc('<aux name="a"><dimensions><dim name="nope"/></dimensions><eqn>1</eqn></aux>', { top }), 'unknown-dimension'));
  const arr = '<aux name="a"><dimensions><dim name="d"/></dimensions><eqn>1</eqn></aux>';
  assert.ok(find(xmileDoc(`${arr}${aux('b', 'a * 2')}`, { top }), 'array-without-subscript'));
  assert.ok(find(xmileDoc(`${arr}${aux('b', 'a[z]')}`, { top }), 'invalid-subscript'));
  assert.ok(find(xmileDoc(`${arr}${aux('b', 'a[3]')}`, { top }), 'invalid-subscript'));
});

test('a file that is not XMILE, or has no sim_specs, says so', () => {
  assert.ok(find('<html><body/></html>', 'not-xmile'));
  assert.ok(find('<xmile><model><variables/></model></xmile>', 'missing-sim-specs'));
  assert.ok(readXmile('', 'empty.xmile').diagnostics.some((d) => d.code === 'empty-file'));
});

test('names that differ only in case or underscores are one name: a duplicate is reported', () => {
  assert.ok(find(xmileDoc(`${aux('Birth Rate', '1')}${aux('birth_rate', '2')}`), 'duplicate-variable'));
});

test.run();
