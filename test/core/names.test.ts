import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { canonicalName, didYouMean, equationReference } from '../../src/core/names.js';

test('canonical names ignore case, spaces and underscores', () => {
  assert.is(canonicalName('Teacup Temperature'), 'teacup_temperature');
  assert.is(canonicalName('  TEACUP__temperature '), 'teacup_temperature');
  assert.is(canonicalName('a\\nb'), 'a_b');
});

test('did-you-mean finds a close name and rejects far ones', () => {
  assert.is(didYouMean('teacup_temprature', ['teacup_temperature', 'room']), 'teacup_temperature');
  assert.is(didYouMean('xyz', ['teacup_temperature']), undefined);
});

test('equation references quote names that are not identifiers', () => {
  assert.is(equationReference('Teacup Temperature'), 'Teacup_Temperature');
  assert.is(equationReference('Cost ($)'), '"Cost ($)"');
});

test('XMILE §3.2.2.2 whitespace: space, no-break space, newline and underscore are one; en-space is not', () => {
  for (const n of ['wom_multiplier', 'wom multiplier', 'wom\u00a0multiplier', 'wom\nmultiplier', 'wom______multiplier', 'WOM Multiplier']) {
    assert.is(canonicalName(n), 'wom_multiplier', JSON.stringify(n));
  }
  assert.is.not(canonicalName('wom\u2002multiplier'), 'wom_multiplier');
});

test.run();
