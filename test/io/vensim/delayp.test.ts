/**
 * Vensim DELAYP(input, delay time : pipeline), read from its reference page (Vensim
 * reference, fn_delayp.html): "a 3rd order exponential delay of the input" that "computes
 * the in progress pipeline, conserving the input if the delay time changes", equivalent to
 * DELAYP = LV3/DL, pipeline = LV3 + LV2 + LV1, LVk = INTEG(…), DL = delay time/3. The page's
 * example is `product completions = DELAYP(product starts, production time : work in
 * progress)`, and it says that `DELAY3(product starts, production time)` with
 * `work in progress = INTEG(product starts - product completions, product starts *
 * production time)` "have the same effect": the tests hold the two side by side.
 */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { trySimulate } from '../../../src/sim/simulate.js';
import { close } from '../../helpers.js';
import { cli, tempFile } from '../../cli/cli-helpers.js';
import { CONTROL, diags, mdl } from './helpers.js';
import { xmileProblems } from '../xmile/xmile-schema.js';

// TIME STEP 0.5, 0..10 (helpers.ts); the production time changes at time 5.
const EXAMPLE = `product starts = 10 + STEP(10, 2) ~~|
production time = 4 + STEP(2, 5) ~~|
product completions = DELAYP(product starts, production time : work in progress) ~~|
same completions = DELAY3(product starts, production time) ~~|
same wip = INTEG(product starts - same completions, product starts * production time) ~~|`;

function series(method?: string): Record<string, number[]> {
  const s = trySimulate(mdl(EXAMPLE), method ? { method } : {});
  if (!s.result) throw new Error(s.diagnostics.map((d) => d.message).join('; '));
  const names = ['product completions', 'work in progress', 'same completions', 'same wip', 'product starts'];
  return Object.fromEntries(names.map((n) => [n, Array.from(s.result!.series(n))]));
}

for (const method of ['euler', 'rk4']) {
  test(`DELAYP is DELAY3 and its pipeline the stock of what is in the delay (${method})`, () => {
    const r = series(method);
    assert.is(r['product completions'].length, 21);
    r['product completions'].forEach((x, i) => close(x, r['same completions'][i], 1e-12, `completions at step ${i}`));
    r['work in progress'].forEach((x, i) => close(x, r['same wip'][i], 1e-9, `pipeline at step ${i}`));
    // the pipeline starts at input · delay time (3 · DL · IN) and grows with the step in input
    close(r['work in progress'][0], 40, 1e-12);
    assert.ok(r['work in progress'][20] > 100);
  });
}

test('DELAYP conserves the input when the delay time changes: pipeline = initial + Σ(in − out)·dt', () => {
  const r = series();
  let held = 40;
  for (let i = 1; i < 21; i++) {
    held += (r['product starts'][i - 1] - r['product completions'][i - 1]) * 0.5;
    close(r['work in progress'][i], held, 1e-9, `step ${i}`);
  }
});

test('DELAYP in a subscripted equation gives a subscripted pipeline', () => {
  const m = mdl('R: r1, r2 ~~|\nin[R] = 6, 12 ~~|\nout[R] = DELAYP(in[R], 3 : wip) ~~|\ntotal = SUM(wip[R!]) ~~|');
  const s = trySimulate(m, {});
  assert.equal(Array.from(s.result!.series('total')).slice(0, 3), [54, 54, 54]);
  assert.equal(Array.from(s.result!.series('out[r2]')).slice(0, 2), [12, 12]);
});

test('DELAYP without the pipeline name, or with a pipeline defined elsewhere, is a located error', () => {
  const none = diags('out = DELAYP(1, 2) ~~|').find((d) => d.severity === 'error');
  assert.is(none?.code, 'wrong-arity');
  assert.is(none?.line, 2);
  assert.match(none!.hint ?? '', /DELAYP\(… : pipeline\)/);
  const twice = diags('wip = 3 ~~|\nout = DELAYP(1, 2 : wip) ~~|').find((d) => d.severity === 'error');
  assert.is(twice?.code, 'duplicate-definition');
  assert.is(twice?.line, 3);
});

test('a model\'s own DELAYP macro is used instead of the built-in one', () => {
  const m = mdl(':MACRO: DELAYP(a, b : c)\nDELAYP = a + b ~~|\nc = a * b ~~|\n:END OF MACRO:\nout = DELAYP(2, 3 : wip) ~~|');
  const s = trySimulate(m, {});
  assert.is(s.result!.series('out')[0], 5);
  assert.is(s.result!.series('wip')[0], 6);
});

test('the CLI runs the reference\'s DELAYP example', () => {
  const file = tempFile('delayp.mdl', `{UTF-8}\n${EXAMPLE}\n${CONTROL}`);
  const r = cli('run', file, '--vars', 'product completions,work in progress,same wip');
  assert.is(r.code, 0, r.stderr);
  const rows = r.stdout.trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
  assert.equal(rows[0], [0, 10, 40, 40]);
  rows.forEach((row) => close(row[2], row[3], 1e-9));
});

test('a macro\'s internals are not model output: the CSV shows the caller and its named pipeline, --vars and --helpers still give the levels', () => {
  // delay time 0.5 with TIME STEP 0.25: each of DELAYP's three levels has time constant 1/6 < 2·dt
  const file = tempFile('internals.mdl', `{UTF-8}\ninput = 10 + STEP(5, 2) ~ ~ |\nout = DELAYP(input, 0.5 : pipe) ~ ~ |
INITIAL TIME = 0 ~ ~ |\nFINAL TIME = 4 ~ ~ |\nTIME STEP = 0.25 ~ ~ |\nSAVEPER = 1 ~ ~ |\n`);
  const r = cli('run', file);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stdout.split('\n')[0], 'time,input,pipe,out');
  // one dt warning, about the user's variable, at its line
  const warnings = r.stderr.trim().split('\n').filter((l) => l.includes('dt-too-large'));
  assert.is(warnings.length, 1, r.stderr);
  assert.match(warnings[0], /internals\.mdl:3:\d+: warning\[dt-too-large\] 'out': dt = 0\.25 is more than half the time constant of the macro call in 'out' \(its internal levels, shortest: 'out DELAYP LV\d'/);
  const asked = cli('run', file, '--vars', 'out DELAYP LV1,out');
  assert.is(asked.code, 0, asked.stderr);
  assert.is(asked.stdout.split('\n')[0], 'time,out DELAYP LV1,out');
  assert.match(cli('run', file, '--helpers').stdout.split('\n')[0], /out DELAYP LV1/);
});

test('converted to YAML or XMILE, a macro\'s internals stay internal (part_of): the run shows the same columns and values', () => {
  const file = tempFile('internals.mdl', `{UTF-8}\ninput = 10 + STEP(5, 2) ~ ~ |\nout = DELAYP(input, 0.5 : pipe) ~ ~ |
INITIAL TIME = 0 ~ ~ |\nFINAL TIME = 4 ~ ~ |\nTIME STEP = 0.25 ~ ~ |\nSAVEPER = 1 ~ ~ |\n`);
  const a = cli('run', file, '--vars', 'input,pipe,out');
  for (const [ext, kept] of [['.yaml', /part_of: out\n/], ['.xmile', /<stockflow:part_of>out<\/stockflow:part_of>/]] as const) {
    const to = file.replace(/\.mdl$/, ext);
    const converted = cli('convert', file, to);
    assert.is(converted.code, 0, converted.stderr);
    const text = readFileSync(to, 'utf8');
    assert.match(text, kept);
    if (ext === '.xmile') assert.equal(xmileProblems(text), []);
    const b = cli('run', to);
    assert.is(b.code, 0, b.stderr);
    assert.equal(b.stdout.split('\n')[0].split(',').sort(), ['input', 'out', 'pipe', 'time'], ext);
    assert.is(cli('run', to, '--vars', 'input,pipe,out').stdout, a.stdout, ext);
    assert.match(cli('run', to, '--helpers').stdout.split('\n')[0], /out DELAYP LV1/, ext);
  }
});

test.run();
