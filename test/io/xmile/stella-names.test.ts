/**
 * Names as Stella writes them in equations: an apostrophe is neither an XMILE operator nor
 * a quote (XMILE 1.0 §3.3 lists the operators; only `"` quotes a name, §3.2.1), so Stella
 * leaves names such as `Can't start` or `Capital'` unquoted: `Can't_start`, `Capital'`.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFails, readOk, run, xmileDoc } from './helpers.js';

test("an apostrophe inside or at the end of a bare name belongs to the name", () => {
  const r = run(readOk(xmileDoc(`
  <aux name="Can't start"><eqn>2</eqn></aux>
  <aux name="Capital'"><eqn>3</eqn></aux>
  <aux name="both"><eqn>IF Can't_start=2 THEN Capital' * Can't_start ELSE 0</eqn></aux>`)));
  assert.equal(Array.from(r.series('both')), [6, 6, 6, 6, 6]);
});

test('a name written with an apostrophe that no variable has is an unknown variable, located', () => {
  const d = readFails(xmileDoc(`
  <aux name="Cant start"><eqn>2</eqn></aux>
  <aux name="x"><eqn>Can't_start + 1</eqn></aux>`));
  assert.ok(d.some((x) => x.code === 'unknown-variable' && /Can't_start/.test(x.message) && x.line), d.map((x) => `${x.code} ${x.message}`).join('\n'));
});

test.run();
