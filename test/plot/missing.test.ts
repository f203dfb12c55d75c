/**
 * Vensim's :NA: is the number −2^109: a data variable without data holds it, and arithmetic on
 * it gives −1.3e33 and the like. Charts leave those values out as gaps and name the variables,
 * instead of scaling an axis to 1e33 and flattening every real line.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, tempFile } from '../cli/cli-helpers.js';
import { missingSeries, withoutMissing } from '../../src/plot/index.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
const model = `{UTF-8}\nnone ~~|\ntwice = none + none ~~|\nLevel = INTEG(1, 0) ~~|\nAcc = INTEG(none, 0) ~~|\n${CONTROL}`;

test('plot draws :NA: and values computed from it as gaps, and says which', () => {
  const file = tempFile('m.mdl', model);
  const r = cli('plot', file, '--vars', 'Level,twice,none,Acc', '--json', '-');
  assert.is(r.code, 0, r.stderr);
  const fig = JSON.parse(r.stdout) as { data: { name: string; y: (number | null)[] }[] };
  const y = (name: string) => fig.data.find((t) => t.name === name)!.y;
  assert.equal(y('Level'), [0, 1, 2, 3, 4]);
  assert.equal(y('none'), [null, null, null, null, null]);
  assert.equal(y('twice'), [null, null, null, null, null]);
  assert.equal(y('Acc'), [0, null, null, null, null]);
  assert.match(r.stderr, /plot: Not drawn, being Vensim's :NA: .*: twice \(every saved value\), none \(every saved value\), Acc \(4 of 5 saved values\)\./);
});

test('the report notes the :NA: values its baseline charts leave out', () => {
  const file = tempFile('m.mdl', model);
  const out = join(tempDir(), 'r.html');
  const r = cli('report', file, '-o', out);
  assert.is(r.code, 0, r.stderr);
  const html = readFileSync(out, 'utf8');
  assert.match(html, /Not drawn, being Vensim&#39;s :NA: [^<]*: Acc \(4 of 5 saved values\)/);
  assert.not.match(html, /"y":\[[^\]]*e\+?3[23]/, 'no :NA:-sized number in the chart data');
});

test('missingSeries counts values of :NA: size only; withoutMissing turns them into NaN', () => {
  const run = { time: [0, 1, 2], series: (n: string) => (n === 'a' ? [1, -(2 ** 110), 2 ** 109] : [1e32, NaN, Infinity]) };
  assert.equal(missingSeries(run, ['a', 'b']), [{ name: 'a', count: 2 }]);
  assert.equal(Array.from(withoutMissing(run).series('a')), [1, NaN, NaN]);
  assert.equal(Array.from(withoutMissing(run).series('b')), [1e32, NaN, Infinity]);
});

test.run();
