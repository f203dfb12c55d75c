/** A compiled model carried as JSON (what the report's explorer runs in the browser) runs exactly as here. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { modelFrom } from '../helpers.js';
import { buildModel } from '../../src/compile/index.js';
import { fromPortable, toPortable } from '../../src/compile/portable.js';
import { runCompiled } from '../../src/sim/run.js';
import { simulate } from '../../src/sim/simulate.js';

const model = modelFrom(`
sim: { start: 0, stop: 10, dt: 0.25, method: rk4 }
stocks:
  Tank: { initial: 5, inflows: [Fill], outflows: [Drain] }
flows:
  Fill: { equation: "gain(time) + delay1(Tank, 2) * 0.1" }
  Drain: { equation: Tank / Drain_Time }
constants:
  Drain Time: { value: 2, uncertainty: { min: 1, max: 4 } }
lookups:
  gain: { points: [[0, 0], [5, 2], [10, 0]] }
`);

test('a portable program survives JSON and gives the same run, with lookups, delays and new constants', () => {
  const compiled = buildModel(model).compiled!;
  const copy = fromPortable(JSON.parse(JSON.stringify(toPortable(compiled))));
  const a = runCompiled(compiled).result!;
  const b = runCompiled(copy).result!;
  assert.equal(Array.from(b.series('Tank')), Array.from(a.series('Tank')));
  assert.equal(Array.from(a.series('Tank')), Array.from(simulate(model).series('Tank')));
  const slot = copy.layout.constants.findIndex((c) => c.name === 'Drain Time');
  const constants = Float64Array.from(copy.layout.constants, (c) => c.value);
  constants[slot] = 4;
  const c = runCompiled(copy, { constants }).result!;
  assert.equal(Array.from(c.series('Tank')), Array.from(simulate(model, { overrides: { 'Drain Time': 4 } }).series('Tank')));
});

test.run();
