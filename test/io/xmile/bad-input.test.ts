/**
 * Malformed XMILE equations found by mutating real models: each is a located syntax error
 * on its variable, never an exception (io/load.ts would turn one into an unlocated "could not
 * be read").
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readModelFile } from '../../../src/io/load.js';
import { aux, readFails, readOk, xmileDoc } from './helpers.js';
import { readXmile } from '../../../src/io/xmile/index.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const chain = (n: number) => Array.from({ length: n }, () => 'b').join(' + ');

test('an operator chain too long to walk is a located syntax error on its variable', () => {
  const found = readFails(xmileDoc(`${aux('b', '1')}${aux('a', chain(5000))}`));
  const too = found.find((d) => d.variable === 'a');
  assert.ok(too, JSON.stringify(found.map((d) => d.message)));
  assert.match(too!.message, /more than 1500 operations deep: split it into auxiliary variables/);
  assert.ok(too!.line! > 0);
});

test('a chain under the limit still reads', () => {
  readOk(xmileDoc(`${aux('b', '1')}${aux('a', chain(1000))}`));
});

test('parentheses or IFs nested past what the stack holds are a located error, also through readModelFile', () => {
  const deep = (open: string, close: string) => `${open.repeat(3000)}1${close.repeat(3000)}`;
  for (const eqn of [deep('(', ')'), deep('IF 1 THEN ', ' ELSE 0')]) {
    const file = join(mkdtempSync(join(tmpdir(), 'sf-deep-')), 'deep.xmile');
    writeFileSync(file, xmileDoc(aux('a', eqn)));
    const { model, diagnostics } = readModelFile(file);
    assert.is(model, undefined);
    const d = diagnostics.find((x) => x.variable === 'a');
    assert.ok(d, JSON.stringify(diagnostics.map((x) => x.message)));
    assert.is(d!.code, 'syntax-error');
    assert.match(d!.message, /nested too deeply/);
  }
});


test("a sim_specs method named after an Object property ('__proto__', 'constructor') falls back to euler with a warning", () => {
  for (const attrs of ['method="__proto__"', 'method="constructor"', 'stockflow:method="constructor" method="rk4"']) {
    const r = readXmile(xmileDoc(aux('a', '1'), { sim: `<sim_specs ${attrs}><start>0</start><stop>4</stop><dt>1</dt></sim_specs>` }), 't.xmile');
    const want = attrs.includes('rk4') ? 'rk4' : 'euler';
    assert.is(r.model?.sim.method, want, attrs);
    if (want === 'euler') assert.ok(r.diagnostics.some((d) => d.code === 'unknown-method'), attrs);
  }
});

test('an unknown sim_specs method is not warned about when the caller runs another method (a --method)', () => {
  const text = xmileDoc(aux('a', '1'), { sim: '<sim_specs method="vendor_magic"><start>0</start><stop>4</stop><dt>1</dt></sim_specs>' });
  assert.ok(readXmile(text, 't.xmile').diagnostics.some((d) => d.code === 'unknown-method'));
  assert.not.ok(readXmile(text, 't.xmile', { method: 'rk4' }).diagnostics.some((d) => d.code === 'unknown-method'));
});

test.run();
