/** Attack cases: tiny files that expand without limit stop at the expansion budget, before allocating. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readModelFile } from '../../src/io/load.js';
import { DEFAULT_MAX_ELEMENTS } from '../../src/core/budget.js';
import { cli, ROOT, tempDir } from '../cli/cli-helpers.js';

const CONTROL = 'INITIAL TIME = 0\n\t~\t~\t|\nFINAL TIME = 1\n\t~\t~\t|\nTIME STEP = 1\n\t~\t~\t|\n';
const file = (name: string, text: string) => {
  const f = join(tempDir(), name);
  writeFileSync(f, text);
  return f;
};
const xmile = (dims: string, models: string) => `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
<header><name>t</name></header>
<sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
${dims}
${models}
</xmile>
`;

function overBudget(f: string, pattern: RegExp, options = {}) {
  const t0 = Date.now();
  const r = readModelFile(f, options);
  const ms = Date.now() - t0;
  const d = r.diagnostics.find((x) => x.code === 'expansion-budget');
  assert.ok(d, JSON.stringify(r.diagnostics.slice(0, 3)));
  assert.match(d!.message, pattern);
  assert.ok(d!.line !== undefined && d!.file === f, 'located');
  assert.match(d!.hint ?? '', /--max-elements/);
  assert.is(r.diagnostics.filter((x) => x.code === 'expansion-budget').length, 1, 'one error, not one per element');
  assert.ok(ms < 10000, `took ${ms} ms`);
}

test('two 3000-element Vensim ranges (9 million variables) stop at the default budget', () => {
  const f = file('m.mdl', `a: (a1-a3000)\n\t~\t~\t|\nb: (b1-b3000)\n\t~\t~\t|\nx[a,b] = 1\n\t~\t~\t|\n${CONTROL}`);
  overBudget(f, /^x\[a,b\] expands to 9,000,000 variables; .* budget of 1,000,000$/);
});

test('two 3000-element XMILE dimensions stop at the default budget', () => {
  const f = file('m.xmile', xmile('<dimensions><dim name="A" size="3000"/><dim name="B" size="3000"/></dimensions>',
    '<model><variables><aux name="x"><dimensions><dim name="A"/><dim name="B"/></dimensions><eqn>1</eqn></aux></variables></model>'));
  overBudget(f, /^'x\[A,B\]' expands to 9,000,000 variables/);
});

test('a Vensim macro calling itself twice per level stops at the budget', () => {
  // f calls g twice and g calls f twice: 2^k copies k levels down (a macro's own name inside it is its output).
  const macro = (name: string, other: string) => `:MACRO: ${name}(x)\n${name} = ${other}(x) + ${other}(x)\n\t~\t~\t|\n:END OF MACRO:\n`;
  const f = file('m.mdl', `${macro('f', 'g')}${macro('g', 'f')}y = f(1)\n\t~\t~\t|\n${CONTROL}`);
  overBudget(f, /a call of macro [fg] .* passes the expansion budget of 1,000$/, { maxElements: 1000 });
});

test('XMILE modules holding two copies of the next, 30 levels deep, stop at the budget', () => {
  const models = ['<model><variables><module name="m1" model_name="level1"/><module name="n1" model_name="level1"/></variables></model>'];
  for (let i = 1; i < 30; i++) models.push(`<model name="level${i}"><variables><aux name="v"><eqn>1</eqn></aux><module name="a" model_name="level${i + 1}"/><module name="b" model_name="level${i + 1}"/></variables></model>`);
  models.push('<model name="level30"><variables><aux name="v"><eqn>1</eqn></aux></variables></model>');
  overBudget(file('m.xmile', xmile('', models.join('\n'))), /^module '.*' expands to 1 variable; .* budget of 10,000$/, { maxElements: 10_000 });
});

test('a model within the budget reads as before, and a lifted budget admits more', () => {
  const f = file('m.mdl', `a: (a1-a30)\n\t~\t~\t|\nx[a] = 1\n\t~\t~\t|\n${CONTROL}`);
  assert.ok(readModelFile(f, { maxElements: 30 }).model);
  overBudget(f, /x\[a\] expands to 30 variables/, { maxElements: 29 });
});

test('generated array shapes: read exactly when their product fits, a budget error otherwise', () => {
  fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 400 }), (sizes, max) => {
    const ranges = sizes.map((n, i) => `d${i}: (e${i}x1-e${i}x${n})\n\t~\t~\t|\n`).join('');
    const f = file('m.mdl', `${ranges}x[${sizes.map((_, i) => `d${i}`).join(',')}] = 1\n\t~\t~\t|\n${CONTROL}`);
    const r = readModelFile(f, { maxElements: max });
    const product = sizes.reduce((a, b) => a * b, 1);
    const errs = r.diagnostics.filter((d) => d.code === 'expansion-budget');
    return product <= max ? !!r.model && errs.length === 0 : !r.model && errs.length === 1;
  }), { numRuns: 40 });
});

test('the default budget is a million and --max-elements lifts or lowers it from the CLI', () => {
  assert.is(DEFAULT_MAX_ELEMENTS, 1_000_000);
  const r = cli('run', join(ROOT, 'models/teacup.yaml'), '--max-elements', '0');
  assert.is(r.code, 2);
  assert.match(r.stderr, /--max-elements expects a positive whole number/);
});

test('huge run counts are a usage error naming the limit, before anything is allocated', () => {
  const teacup = join(ROOT, 'models/teacup.yaml');
  for (const args of [['sensitivity', teacup, '--samples', '1e12'], ['rank', teacup, '--trajectories', '1e9'], ['compare', teacup, '--uncertainty', '1e12']]) {
    const r = cli(...args);
    assert.is(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /is over the limit of 1000000 runs; lift it with --max-runs N/);
  }
});

test.run();
