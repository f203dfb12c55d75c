import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { textTable, wrap } from '../../src/core/text-table.js';

const ROWS = [
  ['#', 'name', 'value', 'note'],
  ['1', 'alpha', '3.5', 'a short note'],
  ['2', 'beta', '12.25', 'a much longer note that says more words'],
];

test('without a width the table has its natural width: two spaces between columns, numbers right-aligned, no trailing spaces', () => {
  assert.equal(textTable(ROWS, { right: [true, false, true, false] }), [
    '#  name   value  note',
    '1  alpha    3.5  a short note',
    '2  beta   12.25  a much longer note that says more words',
  ]);
  assert.equal(textTable(ROWS, { right: [true, false, true, false], width: 500 }), textTable(ROWS, { right: [true, false, true, false] }));
});

test('a table too wide for the width wraps its text columns at spaces, never inside a word', () => {
  const lines = textTable(ROWS, { right: [true, false, true, false], width: 36, indent: '  ' });
  for (const l of lines) assert.ok(l.length <= 36, l);
  assert.equal(lines, [
    '  #  name   value  note',
    '  1  alpha    3.5  a short note',
    '  2  beta   12.25  a much longer',
    '                   note that says',
    '                   more words',
  ]);
  const words = ROWS[2][3].split(' ');
  assert.equal(lines.slice(2).map((l) => l.slice(19)).join(' ').split(' '), words);
});

test('a table that cannot fit by wrapping is split into blocks of whole columns, each repeating the key columns', () => {
  const head = ['#', 'scenario', ...Array.from({ length: 8 }, (_, i) => `M${i + 1}`)];
  const row = ['1', 'larger-servers', ...Array.from({ length: 8 }, (_, i) => String(1000 + i))];
  const lines = textTable([head, row], { right: (c) => c >= 2, keep: 2, width: 40 });
  for (const l of lines) assert.ok(l.length <= 40, l);
  const blocks = lines.join('\n').split('\n\n').map((b) => b.split('\n'));
  assert.ok(blocks.length >= 2, 'split');
  for (const b of blocks) assert.match(b[1], /^1  larger-servers /);
  const shown = blocks.flatMap((b) => b[0].trim().split(/\s+/).slice(2));
  assert.equal(shown, head.slice(2), 'every column once, in order');
});

test('a header rule follows the header in every block; rows of different lengths are padded', () => {
  assert.equal(textTable([['a', 'bb'], ['ccc']], { rule: true }), ['a    bb', '---  --', 'ccc']);
});

test('wrap breaks at spaces and keeps a long word whole', () => {
  assert.equal(wrap('one two three', 7), ['one two', 'three']);
  assert.equal(wrap('unbreakable', 4), ['unbreakable']);
  assert.equal(wrap('fits', 10), ['fits']);
});

test.run();
