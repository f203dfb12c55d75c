/**
 * Stella's ALLOCATE(supply, dimension, requests, priorities, widths, curve types), read from
 * inline XMILE and run. Expected allocations are solved by hand in the comments; the curves
 * are those of Vensim's ALLOCATE AVAILABLE (docs/builtins.md, "Vensim allocation"), the
 * normal one by the exact normal CDF as Stella's own run of allocate.stmx shows.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { close } from '../../helpers.js';
import { last, readFails, readOk, run, xmileDoc } from './helpers.js';

const DIMS = '<dimensions><dim name="region"><elem name="east"/><elem name="west"/></dim></dimensions>';
const region = '<dimensions><dim name="region"/></dimensions>';

function shipments(supply: number, requests: string, priorities: string, type: number, widthEqn = 'width'): number[] {
  const m = readOk(xmileDoc(`
      <aux name="supply"><eqn>${supply}</eqn></aux>
      <aux name="width"><eqn>1</eqn></aux>
      <aux name="curve"><eqn>${type}</eqn></aux>
      <aux name="demand">${region}<eqn>${requests}</eqn></aux>
      <aux name="priority">${region}<eqn>${priorities}</eqn></aux>
      <aux name="shipments">${region}<eqn>ALLOCATE(supply, region, demand, priority[*], ${widthEqn}, curve)</eqn></aux>`, { top: DIMS }));
  const r = run(m);
  return ['shipments[east]', 'shipments[west]'].map((n) => last(r, n));
}

test('ALLOCATE serves the higher priority first along a rectangular curve', () => {
  // 10 among requests 6 (priority 2) and 6 (priority 1), width 1: at price x in [0.5, 1.5]
  // east gets all 6 and west 6·(1.5 − x); 6 + 6·(1.5 − x) = 10 → x = 5/6, west gets 4.
  const [east, west] = shipments(10, '6, 6', '2, 1', 1);
  close(east, 6, 1e-9);
  close(west, 4, 1e-9);
});

test('ALLOCATE with normal curves uses the exact normal CDF', () => {
  // 10 among 10 and 10 at priorities 0 and 1, width 1: by symmetry the price is 0.5, so east
  // gets 10·Q(0.5) and west 10·Q(−0.5), Q(0.5) = 0.308537538725987 (exact normal tail).
  const [east, west] = shipments(10, '10, 10', '0, 1', 3);
  close(east, 3.08537538725987, 1e-9);
  close(west, 6.91462461274013, 1e-9);
  // a width written per element (priority[region] free) is read element by element
  const [e2, w2] = shipments(10, '10, 10', '0, 1', 3, 'priority[region] * 0 + 1');
  close(e2, east, 1e-12);
  close(w2, west, 1e-12);
});

test('ALLOCATE gives every request when the supply covers them', () => {
  assert.equal(shipments(20, '6, 6', '2, 1', 2), [6, 6]);
});

test('ALLOCATE without the curve type, or with a name that is not a dimension, is a located error', () => {
  const doc = (eqn: string) => xmileDoc(`
      <aux name="demand">${region}<eqn>1</eqn></aux>
      <aux name="shipments">${region}<eqn>${eqn}</eqn></aux>`, { top: DIMS });
  const five = readFails(doc('ALLOCATE(5, region, demand, demand, 1)'));
  assert.ok(five.some((d) => /6 arguments/.test(d.message) && d.line !== undefined), JSON.stringify(five));
  const notDim = readFails(doc('ALLOCATE(5, demand, demand, demand, 1, 3)'));
  assert.ok(notDim.some((d) => /must name the dimension/.test(d.message)), JSON.stringify(notDim));
});

test.run();
