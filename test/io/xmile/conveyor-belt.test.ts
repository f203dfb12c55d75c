/**
 * Conveyor belts as Stella documents them (builtins/conveyor.ts gives each rule's source):
 * a batch keeps the transit time it entered with and may overtake earlier ones; linear
 * leakage takes the fraction in force when a batch entered; exponential leakage takes f·DT
 * of what a batch holds each DT; whole-unit leakage; initial contents laid out as a steady
 * stream. Every expected value is computed by hand from those rules (Euler, dt 1 unless said).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli, tempFile } from '../../cli/cli-helpers.js';
import { readOk, run } from './helpers.js';
import { belt } from './conveyor-doc.js';

const series = (r: ReturnType<typeof run>, name: string) => Array.from(r.series(name), (x) => +x.toFixed(10));

test('a batch keeps the transit time it entered with, so a shorter one overtakes earlier batches', () => {
  // Batches of 10 enter every step; those of times 0 and 1 ride 4, the later ones 2: the
  // batch of time 2 leaves at 4 with that of time 0, before the batch of time 1 (at 5).
  const r = run(readOk(belt({ inflow: '10', len: 'IF TIME &lt; 2 THEN 4 ELSE 2' })));
  assert.equal(series(r, 'unloading'), [0, 0, 0, 0, 20, 20, 10, 10, 10]);
  assert.equal(series(r, 'Belt'), [0, 10, 20, 30, 40, 30, 20, 20, 20]);
});

test('a longer transit time delays only the batches that enter with it', () => {
  // Transit 1 until time 3, then 3: the batch of time 2 leaves at 3, that of time 3 at 6.
  const r = run(readOk(belt({ inflow: '10', len: 'IF TIME &lt; 3 THEN 1 ELSE 3' })));
  assert.equal(series(r, 'unloading'), [0, 10, 10, 10, 0, 0, 10, 10, 10]);
});

test('exponential leakage takes f·DT of what a batch holds each DT, so (1 − f·DT)^N of it arrives', () => {
  // 100 enters at time 0, transit 3, f = 0.1: 10, 9, 8.1 leak and 72.9 = 100·0.9³ arrives at 3.
  const r = run(readOk(belt({ inflow: 'IF TIME = 0 THEN 100 ELSE 0', len: '3', exponential: true, leaks: [['dying', '0.1']] })));
  assert.equal(series(r, 'dying'), [0, 10, 9, 8.1, 0, 0, 0, 0, 0]);
  assert.equal(series(r, 'unloading'), [0, 0, 0, 72.9, 0, 0, 0, 0, 0]);
});

test('several exponential leakage flows each take their share of what a batch in the zone holds', () => {
  // 100 at time 0, transit 2, leak zone the second half of the belt; 'dying' 0.1, 'quitting' 0.2:
  // at 1 the batch is in the first half and keeps 100; at 2 it loses 10 and 20, and 70 arrive.
  const text = belt({ inflow: 'IF TIME = 0 THEN 100 ELSE 0', len: '2', exponential: true, leaks: [['dying', '0.1'], ['quitting', '0.2']] })
    .replace('<conveyor exponential_leak="true">', '<conveyor exponential_leak="true"><leak_start>0.5</leak_start><leak_end>1</leak_end>');
  const r = run(readOk(text));
  assert.equal(series(r, 'dying'), [0, 0, 10, 0, 0, 0, 0, 0, 0]);
  assert.equal(series(r, 'quitting'), [0, 0, 20, 0, 0, 0, 0, 0, 0]);
  assert.equal(series(r, 'unloading'), [0, 0, 70, 0, 0, 0, 0, 0, 0]);
});

test('a linear leak fraction that changes applies to the batches that enter after the change', () => {
  // 10 a step, transit 2; f = 0.2 for the batch of time 0 (1 a step), 0.4 from time 1 on (2 a step).
  const r = run(readOk(belt({ inflow: '10', len: '2', leaks: [['spilling', 'IF TIME &lt; 1 THEN 0.2 ELSE 0.4']] })));
  assert.equal(series(r, 'spilling'), [0, 1, 3, 4, 4, 4, 4, 4, 4]);
  assert.equal(series(r, 'unloading'), [0, 0, 8, 6, 6, 6, 6, 6, 6]);
});

test('whole-unit leakage leaks whole units, carrying the part of a unit to the next step', () => {
  // Linear 0.25 over transit 4 at 10 a step would leak 0.625, 1.25, 1.875, then 2.5 a step.
  // In whole units with the carry: 0, 1, 2, 3, 2, 3, 2, 3 (carry .625, .875, .75, .25, .75, .25 …).
  const r = run(readOk(belt({ inflow: '10', len: '4', leaks: [['spilling', '0.25', '<leak_integers/>']] })));
  assert.equal(series(r, 'spilling'), [0, 0, 1, 2, 3, 2, 3, 2, 3]);
  // The batch of time 0 gave 0, 1/2 of 1, 1/3 of 2 and 1/4 of 3 units on its way.
  assert.ok(Math.abs(r.series('unloading')[4] - (10 - 0.5 - 2 / 3 - 0.75)) < 1e-12);
  // Nothing is lost: the belt holds what entered less what left.
  const left = series(r, 'Belt');
  let held = 0;
  for (let k = 0; k < left.length; k++) {
    assert.ok(Math.abs(left[k] - held) < 1e-9, `Belt at ${k}`);
    held += 10 - r.series('unloading')[k] - r.series('spilling')[k];
  }
});

test('initial contents with linear leakage start at the steady state isee gives for them', () => {
  // isee: steady conveyor = T·inflow − (N − 1)·leakage·DT/2 = 40 − 3·2.5/2 = 36.25 for inflow 10,
  // T 4, f 0.25; started there, the belt leaks 2.5 and delivers 7.5 from the first step on.
  const r = run(readOk(belt({ inflow: '10', len: '4', initial: '36.25', leaks: [['spilling', '0.25']] })));
  assert.equal(series(r, 'spilling'), Array(9).fill(2.5));
  assert.equal(series(r, 'unloading'), Array(9).fill(7.5));
  assert.equal(series(r, 'Belt'), Array(9).fill(36.25));
});

test('initial contents with exponential leakage are laid out as a steady stream too', () => {
  // Inflow 100, T 3, f 0.1: a steady belt holds 100 + 90 + 81 = 271, leaks 27.1, delivers 72.9.
  const r = run(readOk(belt({ inflow: '100', len: '3', initial: '271', exponential: true, leaks: [['dying', '0.1']] })));
  assert.equal(series(r, 'dying'), Array(9).fill(27.1));
  assert.equal(series(r, 'unloading'), Array(9).fill(72.9));
});

test('whole-unit leakage leaks exact whole units: 1 unit a DT is 1, never 0.9999999999999999', () => {
  // 0.3 of 10 a time unit over transit 3 at dt 0.25: whole units each DT, as rates of 4 a time unit.
  // Scaling each batch's take by whole/sum and adding them again gave 0.9999999999999999 units.
  const text = belt({ inflow: '10', len: '3', leaks: [['spilling', '0.3', '<leak_integers/>']], stop: 6, dt: 0.25 });
  const units = Array.from(run(readOk(text)).series('spilling'), (x) => x * 0.25);
  assert.ok(units.every(Number.isInteger), `whole units each DT: ${units.join(', ')}`);
  assert.ok(units.some((u) => u === 1));
  const r = cli('run', tempFile('whole.stmx', text), '--vars', 'spilling');
  assert.is(r.code, 0, r.stderr);
  const printed = r.stdout.trim().split('\n').slice(1).map((line) => line.split(',')[1]);
  assert.ok(printed.every((x) => x === '0' || x === '4'), printed.join(' '));
});

test('the CLI runs a Stella file whose conveyor changes its transit time and leaks exponentially', () => {
  // Transit 2 until time 2, then 1; 'dying' takes 0.5 a time unit: of the 10 entering at 0,
  // 5 leak at 1 and 2.5 arrive at 2; the batch of time 2 (transit 1) loses 5 and delivers 5 at 3.
  const file = tempFile('belt.stmx', belt({ inflow: 'IF TIME = 0 OR TIME = 2 THEN 10 ELSE 0', len: 'IF TIME &lt; 2 THEN 2 ELSE 1', exponential: true, leaks: [['dying', '0.5']], stop: 4 }));
  const r = cli('run', file, '--vars', 'unloading,dying,Belt');
  assert.is(r.code, 0, r.stderr);
  const rows = r.stdout.trim().split('\n').slice(1).map((line) => line.split(',').map(Number));
  assert.equal(rows.map((x) => x[1]), [0, 0, 2.5, 5, 0]);
  assert.equal(rows.map((x) => x[2]), [0, 5, 2.5, 5, 0]);
  assert.equal(rows.map((x) => x[3]), [0, 10, 5, 10, 0]);
  // A conveyor option stockflow cannot run is a located error and exit code 1.
  const slats = tempFile('slats.stmx', belt({ inflow: '10', len: '2' }).replace('<conveyor>', '<conveyor discrete="true">'));
  const bad = cli('run', slats);
  assert.is(bad.code, 1, bad.stderr);
  assert.match(bad.stderr, /slats\.stmx:\d+:\d+: error\[unsupported-construct\] 'Belt': a discrete conveyor/);
});

test.run();
