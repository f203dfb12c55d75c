/**
 * Plain conveyors (XMILE 1.0 §4.2.1, io/xmile/conveyor.ts): what enters leaves exactly one
 * transit time later, and the initial contents leave evenly over the first transit time.
 * Expected values are computed by hand (Euler, dt 0.5, transit 3, inflow = TIME).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeXmile } from '../../../src/io/xmile/index.js';
import { readFails, readOk, run, xmileDoc } from './helpers.js';

const SIM = '<sim_specs method="euler"><start>0</start><stop>8</stop><dt>0.5</dt></sim_specs>';
const conveyor = (options = '', extraOutflow = '') => xmileDoc(`
  <stock name="Students"><eqn>30</eqn><inflow>enrolling</inflow><outflow>graduating</outflow>${extraOutflow}
    <conveyor><len>transit</len>${options}</conveyor></stock>
  <flow name="enrolling"><eqn>TIME</eqn></flow>
  <flow name="graduating"/>
  <flow name="dropping"><eqn>1</eqn></flow>
  <aux name="transit"><eqn>3</eqn></aux>`, { sim: SIM });

test('a conveyor releases its inflow one transit time later, its initial contents evenly first', () => {
  const r = run(readOk(conveyor()));
  r.time.forEach((t, k) => {
    const out = r.series('graduating')[k];
    assert.is(out, t < 3 ? 30 / 3 : t - 3, `graduating at ${t}`);
    // Contents: what entered during the last transit time, plus what is left of the initial 30.
    let entered = 0;
    for (let s = Math.max(0, t - 3); s < t - 1e-9; s += 0.5) entered += s * 0.5;
    assert.ok(Math.abs(r.series('Students')[k] - (entered + Math.max(0, 30 - 10 * t))) < 1e-9, `Students at ${t}`);
  });
});

test('arrayed conveyors run element by element, and the written XMILE gives the same numbers', () => {
  const text = xmileDoc(`
  <stock name="Queue"><dimensions><dim name="Site"/></dimensions><eqn>6</eqn><inflow>arriving</inflow><outflow>leaving</outflow>
    <conveyor><len>wait</len></conveyor></stock>
  <flow name="arriving"><dimensions><dim name="Site"/></dimensions><eqn>TIME * (Site = 2)</eqn></flow>
  <flow name="leaving"><dimensions><dim name="Site"/></dimensions></flow>
  <aux name="wait"><dimensions><dim name="Site"/></dimensions><element subscript="a"><eqn>1</eqn></element><element subscript="b"><eqn>2</eqn></element></aux>`,
  { sim: SIM, top: '<dimensions><dim name="Site"><elem name="a"/><elem name="b"/></dim></dimensions>' });
  const m = readOk(text);
  const r = run(m);
  const at = (name: string, t: number) => r.series(name)[r.time.indexOf(t)];
  assert.is(at('leaving[a]', 0.5), 6); // 6 spread over a transit of 1
  assert.is(at('leaving[a]', 1), 0); // nothing arrives at a
  assert.is(at('leaving[b]', 1.5), 3); // 6 spread over 2
  assert.is(at('leaving[b]', 4), 2); // arriving[b] at time 2
  const back = run(readOk(writeXmile(m)));
  assert.equal(Array.from(back.series('leaving[b]')), Array.from(r.series('leaving[b]')));
});

test('conveyor options that change the arithmetic and a missing transit time are refused where they stand', () => {
  const codes = (text: string) => readFails(text).filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.line} ${d.message}`);
  const discrete = codes(conveyor().replace('<conveyor>', '<conveyor discrete="true">'));
  assert.ok(discrete.some((m) => m.startsWith('unsupported-construct') && m.includes('discrete')), discrete.join('\n'));
  const batches = codes(conveyor().replace('<conveyor>', '<conveyor batch_integrity="true">'));
  assert.ok(batches.some((m) => m.startsWith('unsupported-construct') && m.includes('batch integrity')), batches.join('\n'));
  const unknownInflow = codes(conveyor().replace('<inflow>enrolling</inflow>', '<inflow>nobody</inflow>'));
  assert.is(unknownInflow.filter((m) => m.startsWith('unknown-flow')).length, 1, unknownInflow.join('\n'));
  const noOutflow = codes(conveyor().replace('<outflow>graduating</outflow>', ''));
  assert.ok(noOutflow.some((m) => m.startsWith('invalid-conveyor') && m.includes('0 outflows')), noOutflow.join('\n'));
  const noLen = codes(conveyor().replace('<len>transit</len>', ''));
  assert.ok(noLen.some((m) => m.startsWith('invalid-conveyor') && m.includes('<len>')), noLen.join('\n'));
});

test.run();
