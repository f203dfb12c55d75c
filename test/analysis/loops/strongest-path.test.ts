/** The strongest-path search (Eberlein & Schoenberg 2020) against exhaustive enumeration. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyse, fixture } from './helpers.js';

test('on the arms race it finds the strong loops that Johnson finds, with the same scores', () => {
  const all = analyse(fixture('arms-race.yaml'));
  const found = analyse(fixture('arms-race.yaml'), { strongestPath: true });
  assert.is(found.search, 'strongest-path');
  assert.ok(found.loops.length >= 7, `found ${found.loops.length} of 8`);
  const key = (vars: readonly string[]) => vars.join(' → ');
  const exhaustive = new Map(all.loops.map((l) => [key(l.variables), l]));
  for (const l of found.loops) {
    const twin = exhaustive.get(key(l.variables));
    assert.ok(twin, `found a loop Johnson does not know: ${key(l.variables)}`);
    l.scores.forEach((x, k) => assert.ok(Math.abs(x - twin!.scores[k]) <= 1e-12 * Math.max(1, Math.abs(x)), `${l.id} score at ${found.time[k]} does not depend on the search`));
  }
  for (const l of all.loops.filter((x) => x.importance > 0.12)) assert.ok(found.loops.some((f) => key(f.variables) === key(l.variables)), `missed ${l.id}`);
});

test.run();
