/** Reference-data files (src/io/data.ts): series and events layouts, and their diagnostics. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseData, readDataFile } from '../../../src/io/data.js';

test('a series file gives one target per column, skipping empty cells, with optional weights', () => {
  const { data, diagnostics } = parseData('# teacup readings\ntime,Teacup Temperature,"Heat Loss, to Room"\n0,180,11\n\n5,145.5,\n10,120,5\nweight,2,0.5\n', 'tea.csv');
  assert.equal(diagnostics, []);
  assert.equal(data!.targets, [
    { kind: 'series', variable: 'Teacup Temperature', time: [0, 5, 10], values: [180, 145.5, 120], weight: 2 },
    { kind: 'series', variable: 'Heat Loss, to Room', time: [0, 10], values: [11, 5], weight: 0.5 },
  ]);
});

test('an events file reads H:MM as hours and defaults the aggregate and weight', () => {
  const text = 'event,variable,aggregate,threshold,time,weight\nfirst alarm,Errors,,0.05,05:15,\nfull recovery,Availability,last_time_below,0.99,22:23,2\npeak,Backlog,time_of_max,,7.5,1\n';
  const { data, diagnostics } = parseData(text, 'events.csv');
  assert.equal(diagnostics, []);
  assert.equal(data!.targets[0], { kind: 'event', name: 'first alarm', variable: 'Errors', aggregate: 'first_time_above', threshold: 0.05, time: 5.25, weight: 1 });
  assert.ok(Math.abs((data!.targets[1] as { time: number }).time - (22 + 23 / 60)) < 1e-12);
  assert.is(data!.targets[1].weight, 2);
  assert.equal(data!.targets[2], { kind: 'event', name: 'peak', variable: 'Backlog', aggregate: 'time_of_max', time: 7.5, weight: 1 });
});

test('tab-separated files work too', () => {
  const { data } = parseData('time\tx\n0\t1\n1\t2\n');
  assert.equal(data!.targets[0], { kind: 'series', variable: 'x', time: [0, 1], values: [1, 2], weight: 1 });
});

test('every problem is a located diagnostic', () => {
  const series = parseData('time,x\n0,1\n0,2\nsoon,3\n2,abc\n', 'bad.csv').diagnostics;
  assert.equal(series.map((d) => [d.code, d.line]), [['bad-data', 3], ['bad-data', 4], ['bad-data', 5]]);
  assert.match(series[0].message, /times must increase/);
  const events = parseData('variable,time,aggregate,colour\nx,later,first_time_above,red\n,1,time_of_max,\n', 'ev.csv').diagnostics;
  assert.equal(events.map((d) => d.line), [1, 2, 2, 3]);
  assert.match(events.map((d) => d.message).join('\n'), /unknown column 'colour'[\s\S]*needs a threshold[\s\S]*'later' is not a time[\s\S]*no variable/);
  assert.equal(parseData('a,b\n1,2\n', 'x.csv').diagnostics.map((d) => d.code), ['bad-data']);
  assert.equal(parseData('# nothing\n', 'x.csv').diagnostics.map((d) => d.code), ['empty-file']);
  assert.equal(readDataFile('/nonexistent/data.csv').diagnostics.map((d) => [d.code, d.file]), [['missing-file', '/nonexistent/data.csv']]);
});

test('events may state a tolerance (H:MM or a number) and series a sigma row, for the posterior', () => {
  const ev = parseData('event,variable,aggregate,threshold,time,tolerance\nalarm,x,first_time_above,1,05:15,0:15\nfix,x,last_time_above,1,9,0.5\n', 'e.csv');
  assert.equal(ev.diagnostics, []);
  assert.is((ev.data!.targets[0] as { tolerance: number }).tolerance, 0.25);
  assert.is((ev.data!.targets[1] as { tolerance: number }).tolerance, 0.5);
  const se = parseData('time,x,y\n0,1,2\n1,2,3\nsigma,0.1,\n', 's.csv');
  assert.equal(se.data!.targets.map((t) => (t as { sigma?: number }).sigma), [0.1, undefined]);
  const bad = parseData('event,variable,aggregate,time,tolerance\na,x,time_of_max,1,0\n', 'b.csv');
  assert.is(bad.diagnostics[0].line, 2);
  assert.match(bad.diagnostics[0].message, /tolerance '0' must be a time > 0/);
  assert.match(parseData('time,x\n0,1\nsigma,-1\n', 'c.csv').diagnostics[0].message, /sigma of 'x' must be a number > 0/);
});

test.run();
