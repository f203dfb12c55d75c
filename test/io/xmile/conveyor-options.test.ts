/**
 * Conveyor options (XMILE 1.0 §4.2.1; isee's Conveyor help): capacity bounds the inflow by
 * (capacity − conveyor)/DT + outflow, an inflow limit by so much a time unit, arrest stops the
 * belt and its flows, and sampling takes the transit time only at the steps it says. Expected
 * values are computed by hand from those rules (Euler, dt 1, stop 8).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFails, readOk, run, xmileDoc } from './helpers.js';
import { readXmile } from '../../../src/io/xmile/index.js';

/** A conveyor 'Belt' fed by 'loading' (requesting 10 a step), emptied by 'unloading'. */
const belt = (options: string, len = '4') => xmileDoc(`
  <stock name="Belt"><eqn>0</eqn><inflow>loading</inflow><outflow>unloading</outflow>
    <conveyor><len>${len}</len>${options}</conveyor></stock>
  <flow name="loading"><eqn>10</eqn></flow>
  <flow name="unloading"/>`, { sim: '<sim_specs method="euler"><start>0</start><stop>8</stop><dt>1</dt></sim_specs>' });
const series = (r: ReturnType<typeof run>, name: string) => Array.from(r.series(name), (x) => +x.toFixed(10));

test('a capacity admits at most (capacity − contents)/DT + outflow; the rest stays upstream', () => {
  // Capacity 25, transit 4: 10, 10, then the 5 that fit, then nothing until batches leave,
  // after which what leaves makes room for as much again.
  const r = run(readOk(belt('<capacity>25</capacity>')));
  assert.equal(series(r, 'loading'), [10, 10, 5, 0, 10, 10, 5, 0, 10]);
  assert.equal(series(r, 'unloading'), [0, 0, 0, 0, 10, 10, 5, 0, 10]);
  assert.equal(series(r, 'Belt'), [0, 10, 20, 25, 25, 25, 25, 25, 25]);
});

test('an inflow limit admits at most so much a time unit', () => {
  const r = run(readOk(belt('<in_limit>4</in_limit>')));
  assert.equal(series(r, 'loading'), Array(9).fill(4));
  assert.equal(series(r, 'unloading'), [0, 0, 0, 0, 4, 4, 4, 4, 4]);
});

test('an arrested conveyor takes nothing in, lets nothing out, and its belt stands', () => {
  // Transit 2, arrested at times 2 and 3: the batch of time 0, due at 2, leaves at 4.
  const r = run(readOk(belt('<arrest>TIME &gt;= 2 AND TIME &lt; 4</arrest>', '2')));
  assert.equal(series(r, 'loading'), [10, 10, 0, 0, 10, 10, 10, 10, 10]);
  assert.equal(series(r, 'unloading'), [0, 0, 0, 0, 10, 10, 10, 10, 10]);
  assert.equal(series(r, 'Belt'), [0, 10, 20, 20, 20, 20, 20, 20, 20]);
});

test('sampling takes the transit time for entering batches only when it says so', () => {
  // T = 1 + TIME, sampled at 0 (1) and 3 (4): batches of 0..2 ride 1, those from 3 on ride 4.
  const r = run(readOk(belt('<sample>TIME = 0 OR TIME = 3</sample>', '1 + TIME')));
  assert.equal(series(r, 'unloading'), [0, 10, 10, 10, 0, 0, 0, 10, 10]);
});

test('conveyor options inside a macro are refused where they stand', () => {
  const macro = `<macro name="m"><eqn>b</eqn><parm>x</parm><variables>
    <aux name="x"><eqn>0</eqn></aux>
    <stock name="b"><eqn>0</eqn><inflow>i</inflow><outflow>o</outflow><conveyor><len>2</len><capacity>5</capacity></conveyor></stock>
    <flow name="i"><eqn>x</eqn></flow><flow name="o"/></variables></macro>`;
  const ds = readFails(xmileDoc('<aux name="y"><eqn>m(1)</eqn></aux>', { top: macro })).filter((d) => d.severity === 'error');
  assert.ok(ds.some((d) => d.code === 'unsupported-construct' && d.message.includes("conveyor 'b'") && d.line !== undefined), ds.map((d) => d.message).join('\n'));
});

test('an element the conveyor does not read is a located ignored-element warning, not silence', () => {
  // <leak_integers/> belongs on the leakage flow; inside <conveyor> it used to be dropped unseen.
  const r = readXmile(belt('<capacity>25</capacity><leak_integers/>'), 'test.xmile');
  const w = r.diagnostics.filter((d) => d.code === 'ignored-element');
  assert.is(w.length, 1);
  assert.is(w[0].variable, 'Belt');
  assert.ok(w[0].line && /<leak_integers> in the conveyor of 'Belt'/.test(w[0].message), w[0].message);
  assert.equal(readXmile(belt('<capacity>25</capacity><in_limit>4</in_limit><sample>1</sample><arrest>0</arrest>'), 'test.xmile').diagnostics, []);
});

test.run();
