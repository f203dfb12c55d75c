/**
 * One belt per conveyor: the outflow and every leakage flow of a conveyor read one belt node,
 * owned by the conveyor stock, so diagnostics about the belt name the stock. A transit time
 * that is not positive is a located error: when constant as the file is read, when it varies
 * as the run takes it (the isee help gives transit times as whole numbers of DTs, at least
 * one, and says nothing of transit times ≤ 0, so no batch is allowed one).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli, tempFile } from '../../cli/cli-helpers.js';
import { readFails, readOk, run } from './helpers.js';
import { belt } from './conveyor-doc.js';
import { lowerModel } from '../../../src/builtins/lower.js';
import { buildModel } from '../../../src/compile/index.js';
import { trySimulate } from '../../../src/sim/simulate.js';
import { auxModel, diagnosticsOf } from '../../helpers.js';

const leaky = belt({ inflow: '10', len: '4', leaks: [['spilling', '0.1'], ['dying', '0.2'], ['quitting', '0.05', '<leak_integers/>']] });

test('a conveyor with three leakage flows has one belt node, owned by its stock', () => {
  const program = lowerModel(readOk(leaky)).program!;
  const belts = program.nodes.filter((n) => n.kind === 'conveyor');
  assert.is(belts.length, 1);
  assert.match(belts[0].id, /^belt#\d+$/);
  const compiled = buildModel(readOk(leaky)).compiled!;
  assert.is(compiled.code.match(/CV\.stage\(/g)?.length, 1, 'one belt staged per step');
  assert.is(compiled.code.match(/CV\.init\(/g)?.length, 1, 'one belt laid out');
  // Every flow reads it: 0.1, 0.2 of 10 leak; 0.05 of 10 in whole units; the rest arrives.
  const r = run(readOk(leaky));
  assert.ok(Math.abs(r.series('spilling')[6] - 1) < 1e-12 && Math.abs(r.series('dying')[6] - 2) < 1e-12);
  assert.ok(Math.abs(r.series('unloading')[6] + r.series('spilling')[6] + r.series('dying')[6] + r.series('quitting')[6] - 10) < 1.0001);
});

test('two conveyors with the same equations keep two belts', () => {
  const text = leaky.replace('</variables>', `
  <stock name="Other"><eqn>0</eqn><inflow>loading 2</inflow><outflow>unloading 2</outflow><conveyor><len>4</len></conveyor></stock>
  <flow name="loading 2"><eqn>10</eqn></flow>
  <flow name="unloading 2"/>
  </variables>`);
  const program = lowerModel(readOk(text)).program!;
  assert.is(program.nodes.filter((n) => n.kind === 'conveyor').length, 2);
});

test('a constant transit time that is not positive is a located error naming the conveyor stock', () => {
  for (const len of ['0', '-2']) {
    const d = readFails(belt({ inflow: '10', len })).find((x) => x.code === 'invalid-conveyor');
    assert.ok(d, `an invalid-conveyor error for <len>${len}</len>`);
    assert.is(d!.variable, 'Belt');
    assert.ok(d!.line! > 0);
    assert.match(d!.message, new RegExp(`transit time <len> is ${len}`));
  }
});

test('a transit time that falls to 0 during the run stops it with an error at the stock and the time', () => {
  const s = trySimulate(readOk(belt({ inflow: '10', len: '4 - TIME', leaks: [['spilling', '0.1']] })));
  assert.is(s.result, undefined);
  const d = s.diagnostics[0];
  assert.is(d.code, 'bad-transit-time');
  assert.is(d.variable, 'Belt');
  assert.is(d.file, 'test.xmile');
  assert.ok(d.line! > 0, 'the line of the stock');
  assert.match(d.message, /transit time is 0 for the batch entering at time 4/);
  assert.match(d.hint ?? '', /XMILE's <len>, conveyor\(\)'s third argument/, 'the hint names the transit time in both formats');
});

test('initial contents laid on a transit time that is not positive are an error at the start', () => {
  const text = belt({ inflow: '10', len: 'start_len', initial: '50', extra: '<stock name="start_len"><eqn>-1</eqn></stock>' });
  const s = trySimulate(readOk(text));
  assert.is(s.result, undefined);
  assert.is(s.diagnostics[0].code, 'bad-transit-time');
  assert.match(s.diagnostics[0].message, /conveyor 'Belt': its transit time is -1 at the start/);
});

test('a transit time sampled only while it is positive, or arrested while it is not, runs', () => {
  // Sampled at time 0 only: the later 4 − TIME ≤ 0 is never taken by a batch.
  const sampled = belt({ inflow: '10', len: '4 - TIME' }).replace('</len>', '</len><sample>TIME = 0</sample>');
  assert.equal(Array.from(run(readOk(sampled)).series('unloading')), [0, 0, 0, 0, 10, 10, 10, 10, 10]);
});

test('the CLI reports a transit time that falls to 0 with the file, line and stock, and exit code 1', () => {
  const file = tempFile('falls.stmx', belt({ inflow: '10', len: '2 - TIME / 2' }));
  const r = cli('run', file);
  assert.is(r.code, 1, r.stderr);
  assert.match(r.stderr, /falls\.stmx:\d+(:\d+)?: error\[bad-transit-time\] 'Belt': conveyor 'Belt': its transit time is 0 for the batch entering at time 4/);
  assert.is(r.stdout, '');
  const constant = cli('run', tempFile('zero.stmx', belt({ inflow: '10', len: '0' })));
  assert.is(constant.code, 1, constant.stderr);
  assert.match(constant.stderr, /zero\.stmx:\d+:\d+: error\[invalid-conveyor\] 'Belt': conveyor 'Belt': its transit time <len> is 0/);
});

test('conveyor() written in an equation with a constant transit time of 0 is a bad argument', () => {
  const d = diagnosticsOf(auxModel('conveyor(0, 10, 0, 0, 0, 1, 0)'));
  assert.is(d[0].code, 'bad-argument');
  assert.match(d[0].message, /conveyor\(\) has the transit time 0; a batch needs a positive transit time/);
});

test.run();
