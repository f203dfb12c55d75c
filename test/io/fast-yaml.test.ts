import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { quickLoad } from '../../src/io/fast-yaml.js';
import { readNative } from '../../src/io/native.js';
import { buildModel } from '../../src/compile/index.js';

/** What the located path (the yaml library, strict, core schema) reads from the same text. */
const located = (text: string) => parseDocument(text, { strict: true, prettyErrors: false }).toJS({ maxAliasCount: 100 });

test('plain scalars resolve as the yaml library resolves them (YAML 1.2 core schema)', () => {
  const scalars = ['1', '-0', '+12', '0o17', '0x1F', '0b11', '012', '1_000', '1e3', '1.5e-3', '.5', '1.', '-.inf', '.Inf', '.nan', '.NaN',
    'true', 'True', 'FALSE', 'yes', 'no', 'on', 'off', 'y', '~', 'null', 'Null', 'NULL', '', '2020-11-25', '2020-11-25T05:15:00-08:00',
    '12:30', 'a * b + 1', 'min(a, b)', '"1"', "'true'", '1e', '0x', '0o8', '--1', '.', '+.5'];
  for (const s of scalars) {
    const text = `v: ${s}\n`;
    const quick = quickLoad(text);
    assert.ok(quick !== undefined, `quick path declined ${s}`);
    assert.equal(Object.is((quick as { v: unknown }).v, NaN) ? 'NaN' : quick, Object.is(located(text).v, NaN) ? 'NaN' : located(text), `v: ${s}`);
  }
});

test('documents of every style read the same both ways: block, flow, JSON, block scalars, merge keys as plain keys', () => {
  const texts = [
    'sim: { start: 0, stop: 10, dt: 0.25 }\nstocks:\n  s:\n    initial: 1\n    inflows: [a, b]\n',
    '{"sim": {"start": 0, "stop": 1e2}, "constants": {"k": {"value": -3.5}}}',
    'doc: |\n  line one\n  line two\nfolded: >-\n  a\n  b\nquoted: "x\\ty"\n',
    'list:\n  - 1\n  - [2, 3]\n  - {a: 1}\n"<<": 1\nempty:\nnested:\n  deep:\n    deeper: ~\n',
    '# comment\nkey: value # trailing\n',
  ];
  for (const t of texts) assert.equal(quickLoad(t), located(t), t);
});

test('the quick path declines what only the located path can judge: duplicates, syntax errors, anchors, aliases, tags, directives', () => {
  for (const t of ['a: 1\na: 2\n', 'a: [1, 2\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', '%YAML 1.2\n---\na: 1\n', 'a: 1\n---\nb: 2\n', 'a:\n\t- 1\n']) {
    assert.is(quickLoad(t), undefined, t);
  }
});

test('every model in models/ reads the same both ways', () => {
  for (const f of readdirSync('models').filter((n) => /\.(ya?ml|json)$/.test(n))) {
    const text = readFileSync(`models/${f}`, 'utf8');
    const quick = quickLoad(text);
    assert.ok(quick !== undefined, f);
    assert.equal(quick, located(text), f);
  }
});

test('a model read quickly still locates its diagnostics and origins (positions parsed on demand)', () => {
  const text = 'sim:\n  start: 0\n  stop: 10\n  dt: 1\nconstants:\n  k: { value: 2 }\nauxiliaries:\n  a:\n    equation: k * (\n';
  const read = readNative(text, 'm.yaml');
  assert.ok(read.model, 'the file is valid YAML and a valid model document');
  const a = read.model!.variables.find((v) => v.name === 'a')!;
  assert.equal({ ...a.origin }, { file: 'm.yaml', line: 9, column: 5 });
  const built = buildModel(read.model!);
  const d = built.diagnostics.find((x) => x.variable === 'a')!;
  assert.equal([d.file, d.line, d.field], ['m.yaml', 9, 'equation']);
});

test.run();
