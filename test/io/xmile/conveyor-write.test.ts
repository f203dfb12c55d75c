/**
 * Conveyors written as standard XMILE 1.0 (§4.2.1, §3.7.2, §2.2.1), so that Stella opens them:
 * `<stock>…<conveyor><len>…</len>…</conveyor>`, the outflow without an equation, leakage flows
 * marked `<leak/>` (and `<leak_integers/>`) with their fraction as equation and their zone as
 * `leak_start`/`leak_end` attributes, `<uses_conveyor/>` in the header; reading the file back
 * gives the same run, value for value.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFails, readOk, run, xmileDoc } from './helpers.js';
import { convertsToSameCsv, sameRun, sim } from './conveyor-doc.js';
import { writeXmile } from '../../../src/io/xmile/index.js';
import { modelFrom } from '../../helpers.js';
import { xmileProblems } from './xmile-schema.js';

/** A conveyor with two inflows, a transit time that changes and is sampled, an arrest, a capacity, two leakage flows. */
const full = (zone = ' leak_start="0.5"', exponential = '') => xmileDoc(`
  <stock name="Belt"><eqn>20</eqn><inflow>loading</inflow><inflow>more</inflow><outflow>unloading</outflow><outflow>spilling</outflow><outflow>dying</outflow>
    <conveyor${exponential}><len>IF TIME &lt; 3 THEN 4 ELSE 2</len><sample>TIME &lt; 6</sample><arrest>TIME &gt; 8 AND TIME &lt; 9</arrest><capacity>40</capacity></conveyor></stock>
  <flow name="loading"><eqn>10</eqn></flow>
  <flow name="more"><eqn>2</eqn></flow>
  <flow name="unloading"/>
  <flow name="spilling"${zone}><eqn>0.25</eqn><leak/><leak_integers/></flow>
  <flow name="dying"><eqn>0.1</eqn><leak/></flow>`, { sim: sim(12, 0.5) });

test('a conveyor is written as <stock><conveyor>, its leakage flows marked, and reads back to the same run', () => {
  for (const exponential of ['', ' exponential_leak="true"']) {
    const text = writeXmile(readOk(full(' leak_start="0.5"', exponential)));
    assert.equal(xmileProblems(text), [], 'XMILE 1.0');
    assert.not.match(text, /stockflow\.conveyor/);
    assert.match(text, /<uses_conveyor arrest="true" leak="true"\/>/);
    assert.match(text, new RegExp(`<conveyor${exponential}>\\s*<len>\\(IF TIME &lt; 3 THEN 4 ELSE 2\\)</len>\\s*<sample>TIME &lt; 6</sample>\\s*<arrest>TIME &gt; 8 AND TIME &lt; 9</arrest>\\s*</conveyor>`));
    assert.match(text, /<flow name="unloading"\/>/);
    assert.match(text, /<flow name="spilling" leak_start="0.5">\s*<eqn>0.25<\/eqn>\s*<leak\/>\s*<leak_integers\/>/);
    assert.match(text, /<flow name="dying">\s*<eqn>0.1<\/eqn>\s*<leak\/>/);
    // The arrest is said once, by <arrest>; the capacity stays in the inflows' equations.
    assert.match(text, /<flow name="loading">\s*<eqn>MIN\(MAX\(0, 10\), MAX\(0, \(40 - Belt\) \/ DT \+ unloading - 0\)\)<\/eqn>/);
    sameRun(full(' leak_start="0.5"', exponential), text);
    assert.is(writeXmile(readOk(text)), text, 'writing what was read back gives the same file');
  }
});

test('a leakage flow\'s leak_start/leak_end attributes are its zone, as <leak_start>/<leak_end> of the conveyor are', () => {
  const onConveyor = full('').replace('<capacity>', '<leak_start>0.5</leak_start><capacity>');
  sameRun(full(' leak_start="0.5"').replace('<flow name="dying">', '<flow name="dying" leak_start="0.5">'), onConveyor);
  // The flow's own attribute wins over the conveyor's zone.
  sameRun(full(' leak_start="0.5"'), onConveyor.replace('<flow name="dying">', '<flow name="dying" leak_start="0">'));
  const d = readFails(full(' leak_start="0.7" leak_end="0.2"')).find((x) => x.code === 'invalid-conveyor');
  assert.ok(d);
  assert.is(d!.variable, 'spilling');
  assert.ok(d!.line! > 0);
  assert.match(d!.message, /leak zone of 'spilling' is 0.7..0.2/);
});

test('conveyor() that is not a stock\'s conveyor is written as it is', () => {
  const m = modelFrom(`
sim: { start: 0, stop: 4, dt: 1 }
auxiliaries:
  late: { equation: "conveyor(0, 10, 2, 0, 0, 1, 0)" }
`);
  const text = writeXmile(m);
  assert.match(text, /stockflow\.conveyor\(0, 10, 2, 0, 0, 1, 0\)/);
  assert.not.match(text, /<conveyor/);
  assert.equal(Array.from(run(readOk(text)).series('late')), Array.from(run(m).series('late')));
});

test('the CLI converts a Stella conveyor to XMILE and runs both to the same CSV', () => {
  convertsToSameCsv(full());
});

test.run();
