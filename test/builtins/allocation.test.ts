/**
 * Vensim ALLOCATE AVAILABLE. Reference values are Vensim DSS 9.2.4's own output for the
 * SDXorg test-models case tests/allocate_available (test_allocate_available.mdl, output.tab),
 * compared at the conformance suite's rtol 1e-3 but without its atol, so that tails count.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { allocateAvailable, normalUpperTail } from '../../src/builtins/allocation.js';
import { close } from '../helpers.js';

/** Allocations of every requester: requests, then one [type, priority, width] per requester. */
function allocations(supply: number, requests: number[], profiles: number[][]): number[] {
  const args = [...requests, ...profiles.flatMap(([type, p, w]) => [type, p, w, 0])];
  return requests.map((_, i) => allocateAvailable(i + 1, supply, ...args));
}

function relClose(actual: number, expected: number, rtol: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= rtol * Math.abs(expected), `${what}: expected ${expected} (rtol ${rtol}), got ${actual}`);
}

// the case's demands and profiles: demand1 = 500, 300, 750 and available = 20·Time
const demand1 = [500, 300, 750];

test('allocate_available gives everyone their request when the supply covers it, nothing from no supply', () => {
  assert.equal(allocations(40, [10, 20], [[1, 5, 2], [1, 3, 2]]), [10, 20]);
  assert.equal(allocations(0, [10, 20], [[1, 5, 2], [1, 3, 2]]), [0, 0]);
  assert.equal(allocations(25, [10, -5], [[3, 5, 2], [3, 3, 2]]), [10, 0], 'a negative request counts as 0');
});

test('allocate_available shares a short supply by priority and adds up to the supply', () => {
  for (const type of [1, 2, 3, 4]) {
    const shares = allocations(150, [100, 100, 100], [[type, 10, 4], [type, 5, 4], [type, 1, 4]]);
    close(shares[0] + shares[1] + shares[2], 150, 1e-9, `type ${type}`);
    assert.ok(shares[0] > shares[1] && shares[1] > shares[2], `type ${type}: higher priority gets more (${shares})`);
  }
});

test('allocate_available matches Vensim where the profiles overlap (output.tab, Time 4 and 12)', () => {
  // allocation mixed[Boston,A,*]: demand mixed[A,*] with Boston's four profile types, available 80
  const mixed = allocations(80, [500, 300, 750, 200], [[1, 3, 3], [2, 5, 2], [3, 2, 1], [4, 6, 2]]);
  assert.equal(mixed.slice(0, 2), [0, 0]);
  relClose(mixed[2], 0.00332022, 1e-3, 'allocation mixed[Boston,A,large]');
  relClose(mixed[3], 79.9964, 1e-3, 'allocation mixed[Boston,A,huge]');
  const normal = allocations(80, demand1, [[3, 5, 1], [3, 7, 2], [3, 3, 2]]);
  [0.233115, 76.7926, 2.97321].forEach((v, i) => relClose(normal[i], v, 1e-3, `allocation3[${i}]`));
  relClose(allocations(80, demand1, [[4, 5, 1], [4, 7, 2], [4, 3, 2]])[0], 4.75329, 1e-3, 'allocation4[Boston]');
  // allocation2 sep[C,Dayton] at Time 12: the case's largest difference (8.6e-4), from Vensim
  // stopping its search while the allocations still miss the supply by up to 1e-6 of the requests
  relClose(allocations(300, demand1, [[2, 6.2, 4], [2, 5, 2], [2, 3.8, 2]])[1], 0.0183445, 1e-3, 'allocation2 sep[C,Dayton]');
});

test('allocate_available has the heavier normal tails of Vensim (allocation3 far at Time 4 and 24)', () => {
  const far = [[3, 20, 1], [3, 7, 2], [3, 2, 2]];
  const t4 = allocations(80, demand1, far);
  relClose(t4[1], 4.07008e-10, 1e-3, 'Dayton, 7 widths out'); // the exact normal gives 3.92e-10
  assert.is(t4[2], 0, 'Fresno, 9.5 widths out, rounds to nothing');
  const t24 = allocations(480, demand1, far);
  relClose(t24[1], 2.85828e-6, 1e-3, 'Dayton at Time 24');
  assert.is(t24[2], 750 * 2 ** -52, 'Fresno gets 1 − Φ rounded in doubles: 750·2⁻⁵², printed 1.66533e-13');
  // allocation3 sep[A,Dayton] at Time 64, 8.1 widths out: 300·3·2⁻⁵³, printed 9.99201e-14
  assert.is(allocations(100, demand1, [[3, 11.4, 2], [3, 5, 1], [3, -1.4, 1]])[1], 300 * 3 * 2 ** -53);
});

test('normalUpperTail is Hastings\' approximation (A&S 26.2.16): within 1e-5, 3.9% heavy at 7', () => {
  // exact Q(z) = 1 − Φ(z), from erfc
  const exact: [number, number][] = [[0, 0.5], [1, 0.15865525393145707], [2, 0.022750131948179195], [3, 0.0013498980316301035]];
  for (const [z, q] of exact) close(normalUpperTail(z), q, 1e-5, `Q(${z})`);
  close(normalUpperTail(7) / 1.279812543885835e-12, 1.0393, 2e-4, 'tail ratio at 7');
});

test('fixed-quantity profiles (type 0) share a short supply in proportion to the requests, whatever the priorities', () => {
  // Vensim's own run of SDEverywhere's allocate_ptype: 100 among requests 200, 300 → 40, 60; 200, 50 → 80, 20.
  assert.equal(allocations(100, [200, 300], [[0, 0.1, 0.5], [0, 0.9, 0.5]]), [40, 60]);
  assert.equal(allocations(100, [200, 50], [[0, 0.1, 0.5], [0, 0.9, 0.5]]), [80, 20]);
  assert.equal(allocations(100, [40, 60], [[0, 0.1, 0.5], [0, 0.9, 0.5]]), [40, 60]);
});

test('fixed quantities (type 0) mixed with curves are served first; the curves share what is left', () => {
  // a supply short of the fixed requests goes to them in proportion; the curve gets nothing
  assert.equal(allocations(5, [10, 10], [[0, 1, 1], [1, 1, 1]]), [5, 0]);
  // 15 covers the fixed 10; the rectangular requester alone takes the other 5 of its 10
  assert.equal(allocations(15, [10, 10], [[0, 1, 1], [1, 1, 1]]), [10, 5]);
  // 12 = fixed 4 + 8 for two equal normal curves: 4 each, by symmetry
  const [f, a, b] = allocations(12, [4, 10, 10], [[0, 9, 1], [3, 2, 1], [3, 2, 1]]);
  assert.is(f, 4);
  close(a, 4, 1e-9);
  close(b, 4, 1e-9);
});

test('allocate_available gives NaN for profiles it does not support, which becomes a diagnostic', () => {
  for (const profile of [[5, 1, 1], [13, 1, 1], [3, 1, 0]]) {
    assert.ok(Number.isNaN(allocations(5, [10], [profile])[0]), `profile ${profile}`);
  }
  assert.ok(Number.isNaN(allocateAvailable(3, 5, 10, 1, 1, 1, 0)), 'k out of range');
});

test.run();
