import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadModel } from '../../src/io/load.js';
import { tippingSection } from '../../src/plot/report/dynamics.js';
import { chartCounter } from '../../src/plot/report/charts.js';

test('the report of a model with folds shows its bifurcation diagram', () => {
  const s = tippingSection(loadModel('models/retry-storm.yaml'), undefined, chartCounter());
  assert.ok(s.html, s.reason);
  assert.match(s.html!, /<h3>Arrival Rate<\/h3><p>Over its uncertainty range 8…9\.8: folds at 9\.56062/);
  assert.match(s.html!, /"dash":"dash"/);
  assert.match(s.html!, /fold \(saddle-node\)/);
});

test('a model without folds gets no tipping section, with the reason', () => {
  const s = tippingSection(loadModel('models/teacup.yaml'), undefined, chartCounter());
  assert.is(s.html, undefined);
  assert.match(s.reason!, /no fold or Hopf point/);
});

test.run();
