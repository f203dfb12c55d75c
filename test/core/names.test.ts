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

test.run();
