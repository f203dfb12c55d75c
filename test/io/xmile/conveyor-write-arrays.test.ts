/**
 * Arrayed conveyors written as standard XMILE 1.0 (§4.2.1, §3.7.1), as scalar ones are
 * (conveyor-write.test.ts): one `<stock>` with `<dimensions>` and one `<conveyor>` whose
 * equations hold for every element, the outflow array without an equation, leakage flow arrays
 * marked `<leak/>`; reading the file back gives the same run, value for value.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readOk, run, xmileDoc } from './helpers.js';
import { convertsToSameCsv, sameRun, sim } from './conveyor-doc.js';
import { writeXmile } from '../../../src/io/xmile/index.js';
import { modelFrom } from '../../helpers.js';
import { xmileProblems } from './xmile-schema.js';

const SITES = '<dimensions><dim name="Site"><elem name="north"/><elem name="south"/></dim></dimensions>';
const DIMS = '<dimensions><dim name="Site"/></dimensions>';

/** Two belts, one per site: their own transit times and loads, a sampled transit, an arrest, a capacity, two leakage flows. */
const belts = (exponential = '') => xmileDoc(`
  <stock name="Belt">${DIMS}<element subscript="north"><eqn>20</eqn></element><element subscript="south"><eqn>8</eqn></element>
    <inflow>loading</inflow><outflow>unloading</outflow><outflow>spilling</outflow><outflow>dying</outflow>
    <conveyor${exponential}><len>transit[Site] + (IF TIME &lt; 3 THEN 1 ELSE 0)</len><sample>TIME &lt; 6</sample><arrest>TIME &gt; 8 AND TIME &lt; 9</arrest><capacity>40</capacity></conveyor></stock>
  <flow name="loading">${DIMS}<element subscript="north"><eqn>10</eqn></element><element subscript="south"><eqn>TIME</eqn></element></flow>
  <flow name="unloading">${DIMS}</flow>
  <flow name="spilling" leak_start="0.5">${DIMS}<eqn>0.25</eqn><leak/><leak_integers/></flow>
  <flow name="dying">${DIMS}<element subscript="north"><eqn>0.1</eqn></element><element subscript="south"><eqn>0.2</eqn></element><leak/></flow>
  <aux name="transit">${DIMS}<element subscript="north"><eqn>3</eqn></element><element subscript="south"><eqn>2</eqn></element></aux>`,
{ sim: sim(12, 0.5), top: SITES });

test('an arrayed conveyor is written as one <stock> with <dimensions> and <conveyor>, and reads back to the same run', () => {
  for (const exponential of ['', ' exponential_leak="true"']) {
    const text = writeXmile(readOk(belts(exponential)));
    assert.equal(xmileProblems(text), [], 'XMILE 1.0');
    assert.not.match(text, /stockflow\.conveyor/);
    assert.match(text, /<uses_conveyor arrest="true" leak="true"\/>/);
    // One transit time for both belts, in each element's context: transit[north] for north.
    assert.match(text, new RegExp(`<conveyor${exponential}>\\s*<len>transit\\[Dim1\\] \\+ \\(IF TIME &lt; 3 THEN 1 ELSE 0\\)</len>\\s*<sample>TIME &lt; 6</sample>\\s*<arrest>TIME &gt; 8 AND TIME &lt; 9</arrest>\\s*</conveyor>`));
    assert.match(text, /<flow name="unloading">\s*<dimensions>\s*<dim name="Dim1"\/>\s*<\/dimensions>\s*<\/flow>/);
    assert.match(text, /<flow name="spilling" leak_start="0.5">[\s\S]*?<eqn>0.25<\/eqn>[\s\S]*?<leak\/>\s*<leak_integers\/>\s*<\/flow>/);
    assert.match(text, /<flow name="dying">[\s\S]*?<eqn>0.2<\/eqn>\s*<\/element>\s*<leak\/>\s*<\/flow>/);
    sameRun(belts(exponential), text);
    assert.is(writeXmile(readOk(text)), text, 'writing what was read back gives the same file');
  }
  // The two belts do differ: the south one is shorter and fed by TIME.
  const r = run(readOk(belts()));
  assert.not.equal(Array.from(r.series('unloading[north]')), Array.from(r.series('unloading[south]')));
});

test('arrayed conveyors whose transit times cannot be one equation stay stockflow.conveyor per element, with the same run', () => {
  const m = modelFrom(`
sim: { start: 0, stop: 6, dt: 1 }
stocks:
  q[a]: { initial: 0, inflows: ["in[a]"], outflows: ["out[a]"] }
  q[b]: { initial: 0, inflows: ["in[b]"], outflows: ["out[b]"] }
flows:
  in[a]: { equation: "1" }
  in[b]: { equation: "2" }
  out[a]: { equation: 'conveyor(0, "in[a]", 1, 0, 0, 1, 0)' }
  out[b]: { equation: 'conveyor(0, "in[b]", 2, 0, 0, 1, 0)' }
`);
  const text = writeXmile(m);
  assert.match(text, /stockflow\.conveyor\(0, in\[a\], 1, 0, 0, 1, 0\)/);
  assert.not.match(text, /<conveyor/);
  const back = run(readOk(text));
  for (const n of ['out[a]', 'out[b]', 'q[b]']) assert.equal(Array.from(back.series(n)), Array.from(run(m).series(n)), n);
});

test('the CLI converts a Stella file with arrayed conveyors to XMILE and runs both to the same CSV', () => {
  convertsToSameCsv(belts());
});

test.run();
