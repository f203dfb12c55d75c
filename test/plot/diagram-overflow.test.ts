/**
 * A model too large for the diagram layout: elkjs 0.12 lays out recursively and runs out of
 * stack on long chains (a 2000-variable chain here; the 2098-variable subscripted beer game of
 * Sterman's RealBeer4 did it in `stockflow report`, which then ended as an internal error).
 * The report keeps every other section and says why the diagram is missing.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diagramHtml } from '../../src/plot/report/summary.js';
import { readModelFile } from '../../src/io/load.js';
import { tempFile } from '../cli/cli-helpers.js';

const N = 2000;

function chain(n: number): string {
  const lines = ['sim: { start: 0, stop: 1, dt: 1 }', 'stocks:', '  S: { initial: 1, inflows: [f] }', 'flows:', `  f: { equation: a${n - 1} }`, 'auxiliaries:', '  a0: { equation: S }'];
  for (let i = 1; i < n; i++) lines.push(`  a${i}: { equation: a${i - 1} + 1 }`);
  return `${lines.join('\n')}\n`;
}

test('a diagram the layout engine cannot lay out becomes a note naming the cause, not a thrown error', async () => {
  const parsed = readModelFile(tempFile('chain.yaml', chain(N)));
  assert.ok(parsed.model, JSON.stringify(parsed.diagnostics));
  const html = await diagramHtml(parsed.model!, []);
  assert.ok(html.includes('<svg') || html.includes('diagram is left out'), 'either drawn or explained');
  assert.match(html, new RegExp(`The stock-and-flow diagram is left out: the layout engine \\(elkjs\\) could not lay out this model's ${N + 2} variables \\(Maximum call stack size exceeded\\)`));
});

test.run();
