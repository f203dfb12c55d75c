import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bifurcationFigure } from '../../src/plot/index.js';

test('a bifurcation diagram draws stable runs solid, unstable dashed, joined at the fold, with the fold marked', () => {
  const fig = bifurcationFigure({
    parameter: 'p', variable: 'x',
    branches: [[
      { value: 0, y: 0, stable: true }, { value: 1, y: 1, stable: true },
      { value: 0.5, y: 2, stable: false }, { value: 0, y: 3, stable: false },
    ]],
    folds: [{ value: 1, y: 1 }], hopf: [],
  });
  const lines = fig.data.filter((t) => t.mode === 'lines') as unknown as { line: { dash: string }; x: number[]; showlegend: boolean }[];
  assert.equal(lines.map((l) => l.line.dash), ['solid', 'dash']);
  assert.equal(lines[1].x, [1, 0.5, 0]);
  const marks = fig.data.find((t) => t.mode === 'markers') as unknown as { name: string; x: number[] };
  assert.is(marks.name, 'fold (saddle-node)');
  assert.equal(marks.x, [1]);
});

test.run();
