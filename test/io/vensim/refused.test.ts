/**
 * Vensim functions its reference names without defining them step by step are located
 * `unsupported-construct` errors that say what the reference leaves open (refused.ts,
 * docs/builtins.md "Vensim functions that are refused"); names the reference does not
 * have stay `unknown-function`.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli, tempFile } from '../../cli/cli-helpers.js';
import { CONTROL, diags } from './helpers.js';

const CALLS = `t((0, 0), (1, 1), (2, 0)) ~~|
a = RANDOM LOOKUP(t, 0, 2, 0, 1, 0) ~~|
b = GET TIME VALUE(0, 0, 3) ~~|
c = NET PRESENT VALUE(1, 0.1, 1, Time, 1) ~~|
d = DELAY BATCH(1, 2, 3, 0, 0, 0) ~~|
e = REINITIAL(5) ~~|
f = NPV VECTOR(1, 2) ~~|`;

test('refused functions are located and say what the reference does not give', () => {
  const d = diags(CALLS).filter((x) => x.severity === 'error');
  const of = (v: string) => d.find((x) => x.variable === v);
  for (const [v, line, what] of [['a', 3, /RANDOM LOOKUP is not supported: .*probability density/], ['b', 4, /GET TIME VALUE is supported for measure 0/],
    ['c', 5, /NET PRESENT VALUE is not supported: .*fiscal period/], ['d', 6, /DELAY BATCH is not supported: .*batch size/]] as const) {
    assert.is(of(v)?.code, 'unsupported-construct', v);
    assert.is(of(v)?.line, line);
    assert.is(of(v)?.column, 5);
    assert.match(of(v)!.message, what);
    assert.ok(of(v)!.hint, `${v} has a hint`);
  }
  assert.match(of('b')!.hint!, /time labels/);
  // not in the reference: unknown
  assert.is(of('e')?.code, 'unknown-function');
  assert.is(of('f')?.code, 'unknown-function');
});

test('the CLI stops on a refused function with exit code 1 and the located message', () => {
  const file = tempFile('refused.mdl', `{UTF-8}\nx = RANDOM LOOKUP(t, 0, 2, 0, 1, 0) ~~|\nt((0, 0), (1, 1)) ~~|\n${CONTROL}`);
  const r = cli('run', file);
  assert.is(r.code, 1);
  assert.is(r.stdout, '');
  assert.match(r.stderr, /refused\.mdl:2:5: error\[unsupported-construct\] 'x': RANDOM LOOKUP is not supported/);
});

test.run();
