/** Loops of models read from XMILE and Vensim files equal those of the native models. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readModelFile } from '../../../src/io/load.js';
import { analyse, fixture, FIXTURES } from './helpers.js';

function load(name: string) {
  const r = readModelFile(`${FIXTURES}${name}`);
  if (!r.model) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.model;
}

test('the arms race read from XMILE has the 8 loops of L6', () => {
  const a = analyse(load('arms-race.xmile'));
  assert.is(a.loops.length, 8);
  assert.is(a.partitions.length, 1);
  assert.is(a.loops.filter((l) => l.polarity === 'balancing').length, 3);
});

test('logistic growth read from Vensim scores exactly as the native model', () => {
  const [mdl, yaml] = [analyse(load('logistic.mdl')), analyse(fixture('logistic.yaml'))];
  assert.equal(mdl.loops.map((l) => l.variables), yaml.loops.map((l) => l.variables));
  mdl.loops.forEach((l, i) => assert.equal(Array.from(l.relative), Array.from(yaml.loops[i].relative)));
});

test.run();
