import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readNative } from '../../src/io/native.js';
import { writeNative } from '../../src/io/native-write.js';
import { readModelFile } from '../../src/io/load.js';
import { readModelReference } from '../../src/io/reference.js';
import { readVensim } from '../../src/io/vensim/index.js';
import { readXmile } from '../../src/io/xmile/index.js';
import { clockOf, isoClock, shortClock, wallClock, zoneLabel } from '../../src/model/clock.js';
import { matchDeclaredLoops } from '../../src/analysis/loops/declared.js';
import type { Loop } from '../../src/analysis/loops/types.js';

const BASE = `
sim: { start: 0, stop: 10, dt: 1, time_unit: hour }
stocks:
  Tank: { initial: 5, outflows: [Drain], sector: Plant }
flows:
  Drain: { equation: Tank / Drain_Time }
constants:
  Drain Time: { value: 2 }
`;

test('sectors come from a sector field and from a sectors section, in declared order', () => {
  const { model, diagnostics } = readNative(`${BASE}sectors:\n  Controls: [Drain Time]\n  Plant: [Drain]\n`, 'm.yaml');
  assert.equal(diagnostics, []);
  assert.equal(model!.variables.map((v) => [v.name, v.sector]), [['Tank', 'Plant'], ['Drain', 'Plant'], ['Drain Time', 'Controls']]);
  assert.equal(model!.sectors, ['Controls', 'Plant']);
});

test('a sectors section naming an unknown or twice-placed variable is a located diagnostic', () => {
  const d = readNative(`${BASE}sectors:\n  A: [Drian]\n  B: [Tank]\n`, 'm.yaml').diagnostics;
  assert.equal(d.map((x) => x.code), ['unknown-variable', 'duplicate-sector']);
  assert.is(d[0].file, 'm.yaml');
  assert.is(d[0].line, 10);
  assert.match(d[0].message, /sector 'A' lists 'Drian'/);
  assert.match(d[1].message, /'Tank' says sector 'Plant' but sectors lists it under 'B'/);
});

test('time_origin: a clock in the origin zone; bad origins and units are diagnostics', () => {
  const ok = readNative(BASE.replace('time_unit: hour', 'time_unit: hour, time_origin: 2020-11-25T00:00-08:00'), 'm.yaml');
  assert.equal(ok.diagnostics, []);
  const clock = clockOf(ok.model!.sim)!;
  assert.is(wallClock(clock, 5.25), '2020-11-25 05:15:00');
  assert.is(isoClock(clock, 22 + 23 / 60), '2020-11-25T22:23:00-08:00');
  assert.is(shortClock(clock, 26.5, true), '11-26 02:30');
  assert.is(zoneLabel(clock), 'UTC−08:00');
  // 2.7333… h in floating point is a hair under 02:44: clock times round, they do not cut.
  assert.is(shortClock(clock, 41 / 15, false), '02:44');
  assert.is(shortClock(clock, 2 + 44.49 / 60, false), '02:44');
  assert.is(shortClock(clock, 2 + 44.5 / 60, false), '02:45');
  assert.is(wallClock(clock, 41 / 15), '2020-11-25 02:44:00');
  const bad = readNative(BASE.replace('time_unit: hour', 'time_unit: month, time_origin: 2020-11-25T00:00Z'), 'm.yaml').diagnostics;
  assert.equal(bad.map((x) => x.code), ['bad-time-origin']);
  assert.match(bad[0].message, /fixed length/);
  const noZone = readNative(BASE.replace('time_unit: hour', 'time_unit: hour, time_origin: 2020-11-25T00:00'), 'm.yaml').diagnostics;
  assert.equal(noZone.map((x) => x.code), ['schema']);
  assert.is(noZone[0].field, 'sim.time_origin');
});

test('declared loops name the smallest found loop through their variables, of their polarity', () => {
  const loop = (id: string, polarity: Loop['polarity'], variables: string[]) => ({ id, polarity, variables } as unknown as Loop);
  const found = [loop('B1', 'balancing', ['Tank', 'Drain']), loop('B2', 'balancing', ['Tank', 'Drain', 'Gauge', 'Valve']), loop('R1', 'reinforcing', ['Tank', 'Gauge', 'Valve'])];
  const m = matchDeclaredLoops([
    { id: 'L1', name: 'drain', variables: ['tank'] },
    { id: 'L2', name: 'valve', polarity: 'balancing', variables: ['Gauge', 'Valve'] },
    { id: 'L3', name: 'ghost', variables: ['Nowhere'] },
  ], found);
  assert.equal(m.map((x) => x.found?.id), ['B1', 'B2', undefined]);
});

test('loops naming unknown variables are diagnostics; the writer keeps sectors, loops, clock and reference', () => {
  const bad = readNative(`${BASE}loops:\n  B1: { name: drain, variables: [Tank, Drian] }\n`, 'm.yaml').diagnostics;
  assert.equal(bad.map((x) => [x.code, x.field, x.line]), [['unknown-variable', 'loops.B1.variables', 10]]);
  const text = `${BASE.replace('time_unit: hour', 'time_unit: hour, time_origin: 2020-11-25T00:00-08:00')}loops:\n  B1: { name: drain, polarity: balancing, variables: [Tank, Drain] }\nreference: { events: timeline.csv }\n`;
  const a = readNative(text, 'm.yaml').model!;
  const b = readNative(writeNative(a), 'm.yaml').model!;
  assert.equal(b.loops, a.loops);
  assert.equal(b.reference, { events: ['timeline.csv'], series: [] });
  assert.is(b.sim.timeOrigin, '2020-11-25T00:00-08:00');
  assert.is(b.variables[0].sector, 'Plant');
});

test('reference files are read beside the model; a file of the wrong layout is a diagnostic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sf-ref-'));
  writeFileSync(join(dir, 'events.csv'), 'event,variable,aggregate,threshold,time\nhalf,Tank,first_time_below,2.5,1:23\n');
  writeFileSync(join(dir, 'series.csv'), 'time,Tank\n0,5\n');
  writeFileSync(join(dir, 'm.yaml'), `${BASE}reference: { events: events.csv, series: series.csv }\n`);
  const loaded = readModelReference(readModelFile(join(dir, 'm.yaml')).model!);
  assert.equal(loaded.diagnostics, []);
  assert.equal(loaded.data!.targets.map((t) => t.kind), ['event', 'series']);
  writeFileSync(join(dir, 'w.yaml'), `${BASE}reference: { events: series.csv }\n`);
  const wrong = readModelReference(readModelFile(join(dir, 'w.yaml')).model!);
  assert.match(wrong.diagnostics[0].message, /reference.events names a file of series/);
  writeFileSync(join(dir, 'x.yaml'), `${BASE}reference: { events: missing.csv }\n`);
  assert.equal(readModelReference(readModelFile(join(dir, 'x.yaml')).model!).diagnostics.map((d) => d.code), ['missing-file']);
});

test('Vensim views and XMILE groups become sectors', () => {
  const mdl = `{UTF-8}
a = 1 ~~|
b = a ~~|
INITIAL TIME = 0 ~~|
FINAL TIME = 1 ~~|
TIME STEP = 1 ~~|
SAVEPER = 1 ~~|
\\\\\\---/// Sketch information
V300
*Supply side
$192-192-192,0,Arial|12||0-0-0|0-0-0|0-0-255|-1--1--1|255-255-255|96,96,100,0
10,1,a,100,100,20,10,8,3,0,0,0,0,0,0
10,2,b,200,100,20,10,8,2,0,0,0,0,0,0
*Demand side
$192-192-192,0,Arial|12||0-0-0|0-0-0|0-0-255|-1--1--1|255-255-255|96,96,100,0
10,1,b,100,100,20,10,8,3,0,0,0,0,0,0
///---\\\\\\
`;
  const v = readVensim(mdl, 'm.mdl');
  assert.equal(v.model!.variables.map((x) => [x.name, x.sector]), [['a', 'Supply side'], ['b', 'Demand side']]);
  const xml = `<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0"><header><name>g</name></header>
<sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
<model><variables><aux name="a"><eqn>1</eqn></aux><aux name="b"><eqn>a</eqn></aux>
<group name="Supply"><entity name="a"/></group></variables></model></xmile>`;
  const x = readXmile(xml, 'g.xmile');
  assert.equal(x.model!.variables.map((y) => [y.name, y.sector]), [['a', 'Supply'], ['b', undefined]]);
  assert.equal(x.model!.sectors, ['Supply']);
});

test('the Kinesis model declares its clock, reference timeline, loops and a sector for every variable', () => {
  const { model, diagnostics } = readModelFile(new URL('../../models/kinesis-outage.yaml', import.meta.url).pathname);
  assert.equal(diagnostics.filter((d) => d.severity === 'error'), []);
  assert.is(model!.sim.timeOrigin, '2020-11-25T00:00-08:00');
  assert.equal(model!.variables.filter((v) => !v.sector).map((v) => v.name), []);
  assert.ok(model!.sectors!.includes('Front-end fleet') && model!.sectors!.includes('Cognito'));
  const ref = readModelReference(model!);
  assert.equal(ref.diagnostics, []);
  assert.ok(ref.data!.targets.some((t) => t.kind === 'event' && t.name.startsWith('first Kinesis alarm') && Math.abs(t.time - 5.25) < 1e-12));
});

test.run();
