import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readNative } from '../../src/io/native.js';
import { checkModel } from '../../src/check.js';

const SIM = 'sim:\n  start: 0\n  stop: 10\n  dt: 1\n';
const where = (d: { code: string; line?: number; column?: number }) => `${d.code}@${d.line}:${d.column}`;

test('every duplicate key is reported at the repeated key, in document order, at any depth', () => {
  const text = `${SIM}constants:\n  a: { value: 1 }\n  b: { value: 2 }\n  a: { value: 3 }\nstocks:\n  s:\n    initial: 1\n    initial: 2\n  b2: { initial: 0 }\n`;
  const d = readNative(text, 'dup.yaml').diagnostics;
  assert.equal(d.map(where), ['duplicate-name@8:3', 'duplicate-name@12:5']);
  assert.is(d[0].message, 'Map keys must be unique');
  assert.is(d[0].file, 'dup.yaml');
  assert.is(d[0].hint, 'each element needs its own name');
});

test('a duplicate among thousands of elements is found, with its line', () => {
  const lines = Array.from({ length: 20_000 }, (_, i) => `  c${i}: { value: ${i} }`);
  lines.push('  c17: { value: 0 }');
  const d = readNative(`${SIM}constants:\n${lines.join('\n')}\n`).diagnostics;
  assert.equal(d.map(where), [`duplicate-name@${6 + 20_000}:3`]);
});

test('schema problems are located at the field, else at the element, else at its key', () => {
  const text = `${SIM}stocks:\n  Tea:\n    initial: 1\n    outflow: [x]\n  Cup: { initial: [1] }\n  Pot:\n`;
  const d = readNative(text, 'm.yaml').diagnostics;
  const byVar = new Map(d.map((x) => [x.variable, x]));
  assert.is(where(byVar.get('Tea')!), 'schema@7:5');
  assert.is(byVar.get('Cup')!.line, 9);
  assert.is(byVar.get('Pot')!.line, 10);
});

test('elements of a large model keep their own positions', () => {
  const lines = Array.from({ length: 10_000 }, (_, i) => `  a${i}: { equation: ${i === 9_999 ? 'nope +' : `a${i - 1} + 1`} }`);
  lines[0] = '  a0: { equation: "1" }';
  const loaded = readNative(`${SIM}auxiliaries:\n${lines.join('\n')}\n`, 'big.yaml');
  assert.equal(loaded.diagnostics, []);
  const d = checkModel(loaded.model!).filter((x) => x.severity === 'error');
  assert.is(d.length, 1, JSON.stringify(d));
  assert.is(d[0].variable, 'a9999');
  assert.is(d[0].line, 6 + 9_999);
});

test.run();
