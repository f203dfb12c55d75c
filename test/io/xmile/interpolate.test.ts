/**
 * Stella's INTERPOLATE(points, x_1, …, x_N), read from inline XMILE and run. Expected values
 * are worked out by hand from the isee help's description (entries evenly spread over [0, 1]
 * along each dimension, the ends held, weighted averages in between: of 5 entries, 0.3 takes
 * 80% of the second and 20% of the third).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { close } from '../../helpers.js';
import { readFails, readOk, run, xmileDoc } from './helpers.js';

const DIMS = `<dimensions>
  <dim name="Five" size="5"/>
  <dim name="DimA"><elem name="A1"/><elem name="A2"/><elem name="A3"/></dim>
  <dim name="DimB"><elem name="B1"/><elem name="B2"/></dim>
</dimensions>`;
/** p = 1, 10, 100, 1000, 10000; q[a, b] = a + 3(b − 1): rows (1, 4), (2, 5), (3, 6). */
const DATA = `
  <aux name="p"><dimensions><dim name="Five"/></dimensions><eqn>10 ^ (Five - 1)</eqn></aux>
  <aux name="q"><dimensions><dim name="DimA"/><dim name="DimB"/></dimensions><eqn>DimA + 3 * (DimB - 1)</eqn></aux>`;

function values(vars: string, names: string[]): number[] {
  const r = run(readOk(xmileDoc(DATA + vars, { top: DIMS, sim: '<sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>' })));
  return names.map((n) => r.series(n)[0]);
}

test('INTERPOLATE in one dimension: the help example, the entries themselves and the held ends', () => {
  const vars = ['0.3', '0.5', '-0.5', '1.7', '0.25'].map((x, i) => `<aux name="v${i}"><eqn>INTERPOLATE(p, ${x})</eqn></aux>`).join('');
  const [v03, ...rest] = values(vars, ['v0', 'v1', 'v2', 'v3', 'v4']);
  close(v03, 0.8 * 10 + 0.2 * 100, 1e-12);
  assert.equal(rest, [100, 1, 10000, 10]);
});

test('INTERPOLATE in two dimensions is bilinear; a slice takes one input per * left', () => {
  // (0.25, 0.5): halfway between A1 and A2 (at 0 and 0.5) and between B1 and B2: mean of 1, 4, 2, 5 = 3
  // q[A2, *] at 0.25: 2 + 0.25·(5 − 2); r[DimB] = q[*, DimB] at 0.5 = q[A2, DimB]
  const vars = `
    <aux name="both"><eqn>INTERPOLATE(q, 0.25, 0.5)</eqn></aux>
    <aux name="corner"><eqn>INTERPOLATE(q[*, *], 1, 0)</eqn></aux>
    <aux name="row"><eqn>INTERPOLATE(q[A2, *], 0.25)</eqn></aux>
    <aux name="r"><dimensions><dim name="DimB"/></dimensions><eqn>INTERPOLATE(q[*, DimB], 0.5)</eqn></aux>`;
  assert.equal(values(vars, ['both', 'corner', 'row', 'r[B1]', 'r[B2]']), [3, 3, 2.75, 2, 5]);
});

test('INTERPOLATE with a wrong number of inputs or a scalar is a located error', () => {
  const bad = (eqn: string) => readFails(xmileDoc(`${DATA}<aux name="x"><eqn>${eqn}</eqn></aux>`, { top: DIMS }));
  const count = bad('INTERPOLATE(q, 0.5)');
  assert.ok(count.some((d) => /runs over 2 dimension\(s\) and 1 input/.test(d.message) && d.line !== undefined), JSON.stringify(count));
  const scalar = bad('INTERPOLATE(q[A1, B1], 0.5)');
  assert.ok(scalar.some((d) => /runs over 0 dimension/.test(d.message)), JSON.stringify(scalar));
});

test.run();
