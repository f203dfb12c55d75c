/**
 * Conveyor leakage (XMILE 1.0 §4.2.1 conveyor options, leakage flows marked `<leak/>`; Stella's
 * "Conveyor" help): a leakage flow's equation is its leak fraction, and linear leakage takes
 * that fraction of every batch evenly while it crosses the leak zone. Expected values are
 * computed by hand from that rule (Euler): with a constant inflow I the leak settles at f·I
 * and the outflow at (1 − f)·I, one transit time after the start.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFails, readOk, run, xmileDoc } from './helpers.js';
import { trySimulate } from '../../../src/sim/simulate.js';
import { zoneSlats, type LeakShape } from '../../../src/builtins/conveyor.js';

const sim = (dt: number) => `<sim_specs method="euler"><start>0</start><stop>8</stop><dt>${dt}</dt></sim_specs>`;
const belt = (o: { conveyor?: string; leaks?: [string, string][]; initial?: string; dt?: number; len?: string } = {}) => {
  const leaks = o.leaks ?? [['spilling', '0.25']];
  return xmileDoc(`
  <stock name="Belt"><eqn>${o.initial ?? '0'}</eqn><inflow>loading</inflow><outflow>unloading</outflow>${leaks.map(([n]) => `<outflow>${n}</outflow>`).join('')}
    <conveyor${o.conveyor ?? ''}><len>${o.len ?? 'transit'}</len></conveyor></stock>
  <flow name="loading"><eqn>10</eqn></flow>
  <flow name="unloading"/>
  ${leaks.map(([n, f]) => `<flow name="${n}"><eqn>${f}</eqn><leak/></flow>`).join('\n')}
  <aux name="transit"><eqn>4</eqn></aux>`, { sim: sim(o.dt ?? 1) });
};
const series = (r: ReturnType<typeof run>, name: string) => Array.from(r.series(name));

test('linear leakage over the whole belt: the leak settles at f·inflow and the outflow at (1 − f)·inflow', () => {
  const r = run(readOk(belt()));
  // Leak at t = 0.25 · (what entered during the last 4 time units) / 4 = 0.25 · 10 · min(t, 4) / 4.
  assert.equal(series(r, 'spilling'), [0, 0.625, 1.25, 1.875, 2.5, 2.5, 2.5, 2.5, 2.5]);
  // Nothing arrives before one transit time; then 10 · (1 − 0.25).
  assert.equal(series(r, 'unloading'), [0, 0, 0, 0, 7.5, 7.5, 7.5, 7.5, 7.5]);
  // Contents: 40 entered in the first 4 time units, 0.625 + 1.25 + 1.875 leaked meanwhile; steady after.
  assert.equal(series(r, 'Belt'), [0, 10, 19.375, 28.125, 36.25, 36.25, 36.25, 36.25, 36.25]);
});

test('a leak zone over the second half of the belt, shared by two leakage flows, takes each fraction there', () => {
  const r = run(readOk(belt({ conveyor: '', dt: 0.5, leaks: [['spilling', '0.1'], ['evaporating', 'share * 3']] })
    .replace('<conveyor>', '<conveyor><leak_start>0.5</leak_start><leak_end>1</leak_end>')
    .replace('<aux name="transit">', '<aux name="share"><eqn>0.1</eqn></aux><aux name="transit">')));
  const at = (name: string, t: number) => r.series(name)[r.time.indexOf(t)];
  // Batches reach the zone 2 time units after entering: no leak until then.
  assert.is(at('spilling', 2), 0);
  // At 2.5 one batch (10 · 0.5) is in the zone of length 2: 0.1 · 5 / 2.
  assert.ok(Math.abs(at('spilling', 2.5) - 0.25) < 1e-12);
  assert.ok(Math.abs(at('evaporating', 2.5) - 0.75) < 1e-12);
  // Steady: 0.1 · 10 and 0.3 · 10 leak, 10 · (1 − 0.4) arrives.
  assert.ok(Math.abs(at('spilling', 8) - 1) < 1e-12);
  assert.ok(Math.abs(at('evaporating', 8) - 3) < 1e-12);
  assert.ok(Math.abs(at('unloading', 8) - 6) < 1e-12);
});

// Stella's straight-line depreciation pattern: a macro whose conveyor leaks all of what enters
// evenly over its length; its parameter is also written as an input variable (access="input").
const SPREAD = `<macro name="spread"><eqn>paid_out</eqn><parm>x</parm><parm>n</parm><variables>
  <aux name="x" access="input"><eqn>0</eqn></aux><aux name="n" access="input"><eqn>1</eqn></aux>
  <stock name="belt"><eqn>0</eqn><inflow>put</inflow><outflow>rest</outflow><outflow>paid out</outflow>
    <conveyor force_leak_fraction="true"><len>n</len></conveyor></stock>
  <flow name="put"><eqn>x</eqn></flow><flow name="rest"><eqn>0</eqn></flow>
  <flow name="paid out"><eqn>1</eqn><leak/></flow></variables></macro>`;

test('a conveyor inside a macro gets a fresh copy at every call, leaking what entered evenly over its length', () => {
  const m = readOk(xmileDoc(`<aux name="pulse"><eqn>IF TIME = 1 THEN 100 ELSE 0</eqn></aux>
  <aux name="four"><eqn>spread(pulse, 4)</eqn></aux><aux name="two"><eqn>spread(pulse * 2, 2)</eqn></aux>`,
  { top: SPREAD, sim: sim(1) }));
  const r = run(m);
  // 100 entered at time 1 leaves as 100 / 4 at times 2..5; 200 over 2 as 100 at times 2 and 3.
  assert.equal(series(r, 'four'), [0, 0, 25, 25, 25, 25, 0, 0, 0]);
  assert.equal(series(r, 'two'), [0, 0, 100, 100, 0, 0, 0, 0, 0]);
  assert.equal(series(r, 'spread#1.rest'), [0, 0, 0, 0, 0, 0, 0, 0, 0]);
});

test('leakage that cannot be run is refused where it stands', () => {
  const codes = (text: string) => readFails(text).filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.variable} ${d.line} ${d.message}`);
  const has = (list: string[], ...parts: string[]) => assert.ok(list.some((m) => parts.every((p) => m.includes(p))), list.join('\n'));
  has(codes(belt({ leaks: [['spilling', '0.7'], ['evaporating', '0.6']] })), 'invalid-conveyor', 'Belt', 'add up to 1.3');
  has(codes(belt().replace('<conveyor>', '<conveyor><leak_start>0.8</leak_start><leak_end>0.2</leak_end>')), 'invalid-conveyor', 'leak zone');
  // Two outflows that are not leakage: which one carries the belt is not said.
  has(codes(belt().replace('<leak/>', '')), 'invalid-conveyor', '2 outflows besides');
});


test('the slats in a leak zone are counted as inZone decides them, for any transit and zone', () => {
  const zones: LeakShape[] = [[0, 1], [0.5, 1], [0, 0.5], [0.25, 0.75], [1 / 3, 2 / 3], [0.1, 0.11], [0.999, 1]]
    .map(([start, end]) => ({ start, end, integers: false }));
  for (const l of zones) {
    for (let steps = 1; steps <= 300; steps++) {
      let count = 0;
      for (let age = 1; age <= steps; age++) if ((age - 0.5) / steps >= l.start - 1e-9 && (age - 0.5) / steps <= l.end + 1e-9) count++;
      assert.is(zoneSlats(l, steps), count, `zone ${l.start}..${l.end}, ${steps} steps`);
    }
  }
});

test('a transit time far beyond the run: an empty belt runs, a filled one too long to lay out is a located error', () => {
  // 1e9 time units at dt 1 is 1e9 slats: the empty belt only takes on batches (nothing leaves
  // during the run), so the belt holds 10 per step; laying 50 on 1e9 slats is refused.
  const empty = run(readOk(belt({ len: '1e9' })));
  assert.equal(series(empty, 'unloading'), [0, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.ok(Math.abs(series(empty, 'Belt')[8] - 80) < 1e-6); // 0.25 of each batch spread over 1e9 slats
  const filled = trySimulate(readOk(belt({ len: '1e9', initial: '50' })));
  assert.is(filled.result, undefined);
  assert.is(filled.diagnostics[0].code, 'bad-delay');
  assert.is(filled.diagnostics[0].variable, 'Belt'); // the conveyor, not its outflow
  assert.match(filled.diagnostics[0].message, /1000000000 time steps/);
});
test.run();
