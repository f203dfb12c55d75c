/** Dominance periods, the loop-count threshold and the JSON document. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyzeLoops, dominantSet, formatLoopReport, loopsToJson } from '../../../src/analysis/loops/index.js';
import { analyse, fixture } from './helpers.js';

const loop = (id: string, partition: number, ...rel: number[]) => ({ id, partition, relative: Float64Array.from(rel) });

test('the dominant set is the fewest loops, largest first, with at least half of the partition', () => {
  const loops = [loop('R1', 0, 0.3, 0.6, 0), loop('B1', 0, -0.25, -0.3, 0), loop('B2', 0, -0.45, -0.1, 0)];
  assert.equal(dominantSet(loops, 0), { loops: ['B2', 'R1'], share: 0.75 });
  assert.equal(dominantSet(loops, 1), { loops: ['R1'], share: 0.6 });
  assert.is(dominantSet(loops, 2), undefined, 'nothing active, nothing dominates');
  assert.equal(dominantSet([loop('R1', 0, 0.5), loop('B1', 0, -0.5)], 0)!.loops, ['B1'], 'exactly half is enough; ties by id');
});

test('the Bass model: word of mouth dominates the take-off, saturation the rest', () => {
  const a = analyse(fixture('bass.yaml'));
  const wom = a.loops.find((l) => l.polarity === 'reinforcing')!;
  assert.equal(wom.variables, ['Adopters', 'Adoption from Word of Mouth', 'Adoption Rate']);
  assert.is(a.dominance.length, 2);
  assert.equal(a.dominance[0].loops, [wom.id]);
  assert.ok(a.dominance[1].from > 2 && a.dominance[1].from < 5, `saturation takes over at ${a.dominance[1].from}`);
  assert.is(a.dominance[1].to, 15);
  assert.is(a.time.length, 61, 'reported at saveper = 0.25 while scored every dt = 0.0625');
});

test('above --max-loops the strongest-path search takes over, with a warning', () => {
  const r = analyzeLoops(fixture('arms-race.yaml'), { maxLoops: 5 });
  assert.is(r.analysis!.search, 'strongest-path');
  assert.ok(r.analysis!.loops.length >= 5);
  assert.ok(r.diagnostics.some((d) => d.code === 'ltm-strongest-path' && d.severity === 'warning'));
  assert.is(analyse(fixture('arms-race.yaml'), { maxLoops: 8 }).search, 'exhaustive');
});

test('the JSON document has exactly the shape of issue 4', () => {
  const a = analyse(fixture('logistic.yaml'));
  const json = JSON.parse(JSON.stringify(loopsToJson(a)));
  assert.equal(Object.keys(json).sort(), ['dominance', 'loops', 'relative_scores', 'time']);
  assert.equal(json.loops.map((l: object) => Object.keys(l).sort()), [['id', 'polarity', 'variables'], ['id', 'polarity', 'variables']]);
  assert.equal(Object.keys(json.relative_scores).sort(), a.loops.map((l) => l.id).sort());
  for (const id of Object.keys(json.relative_scores)) assert.is(json.relative_scores[id].length, json.time.length);
  assert.equal(json.dominance[0], { from: 1, to: 47, loops: [a.loops.find((l) => l.polarity === 'reinforcing')!.id] });
});

test('the text report has the loop table and the dominance timeline', () => {
  const text = formatLoopReport(analyse(fixture('bass.yaml')));
  assert.match(text, /3 loops in 1 cycle partition/);
  assert.match(text, /R1 +R +[\d.]+% +[\d.]+% +Adopters → Adoption from Word of Mouth → Adoption Rate/);
  assert.match(text, /interval-end/);
  assert.match(text, /Dominance/);
  assert.match(text, /R1 +·*█+·+\n/);
});

test('bad input is a diagnostic, not an exception', () => {
  const r = analyzeLoops(fixture('logistic.yaml'), { dt: -1 });
  assert.is(r.analysis, undefined);
  assert.is(r.diagnostics[0].code, 'bad-sim-spec');
  const big = analyzeLoops(fixture('logistic.yaml'), { maxValues: 100 });
  assert.is(big.diagnostics[0].code, 'ltm-too-large');
});

test.run();
