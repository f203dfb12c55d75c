import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync } from 'node:fs';
import { modelSchema } from '../../src/model/schema.js';
import { parse } from 'yaml';
import { readModelFile } from '../../src/io/load.js';
import { readNative } from '../../src/io/native.js';
import { simulate } from '../../src/sim/simulate.js';

test('the published JSON Schema is the one the validator uses', () => {
  const published = JSON.parse(readFileSync(new URL('../../schema/stockflow-model.schema.json', import.meta.url), 'utf8'));
  assert.equal(published, JSON.parse(JSON.stringify(modelSchema)));
});

test('every model shipped in models/ loads without diagnostics', () => {
  const dir = new URL('../../models/', import.meta.url);
  for (const f of readdirSync(dir).filter((x) => /\.(ya?ml|json)$/.test(x))) {
    const { model, diagnostics } = readModelFile(new URL(f, dir).pathname);
    assert.ok(model, f);
    assert.equal(diagnostics.filter((d) => d.severity === 'error'), [], f);
  }
});

test('a JSON model reads and runs like its YAML twin', () => {
  const text = readFileSync(new URL('../../models/teacup.yaml', import.meta.url), 'utf8');
  const json = JSON.stringify(parse(text));
  const a = simulate(readNative(text, 'teacup.yaml').model!);
  const b = simulate(readNative(json, 'teacup.json').model!);
  assert.equal(Array.from(b.series('Teacup Temperature')), Array.from(a.series('Teacup Temperature')));
});

test.run();
