/** The stock-and-flow diagram: graph from the model, ELK layout, SVG drawing. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { modelFrom } from '../helpers.js';
import { diagramGraph, diagramSvg, layoutDiagram, modelDiagram, pathData, wrap } from '../../src/plot/diagram/index.js';
import { ModelError } from '../../src/core/diagnostics.js';

const bathtub = modelFrom(`name: Bathtub & <tap>
sim: { start: 0, stop: 4, dt: 1 }
stocks:
  Water: { initial: 10, inflows: [Filling], outflows: [Draining] }
  Drain Pool: { initial: 0, inflows: [Draining] }
flows:
  Filling: { equation: Tap_Rate }
  Draining: { equation: "smooth(Water * Drain_Fraction, 2)" }
auxiliaries:
  Drain Fraction: { equation: "Base_Fraction * effect(Water)" }
constants:
  Tap Rate: { value: 1 }
  Base Fraction: { value: 0.1 }
lookups:
  effect: { points: [[0, 0], [10, 1]] }
`);

test('the graph has every variable, a cloud for each open pipe end, pipes and information links', () => {
  const { graph } = diagramGraph(bathtub);
  assert.ok(graph);
  const kinds = Object.fromEntries(graph!.nodes.map((n) => [n.id, n.kind]));
  assert.equal(kinds, {
    water: 'stock', drain_pool: 'stock', filling: 'flow', draining: 'flow', drain_fraction: 'aux', tap_rate: 'constant', base_fraction: 'constant', effect: 'lookup', 'cloud:from:filling': 'cloud',
  });
  const pipes = graph!.edges.filter((e) => e.kind === 'pipe').map((e) => `${e.from}>${e.to}`).sort();
  assert.equal(pipes, ['cloud:from:filling>filling', 'draining>drain_pool', 'filling>water', 'water>draining'].sort());
  const links = graph!.edges.filter((e) => e.kind === 'link').map((e) => `${e.from}>${e.to}`).sort();
  // smooth(...) is looked through: Water and Drain Fraction feed Draining directly
  assert.equal(links, ['base_fraction>drain_fraction', 'drain_fraction>draining', 'effect>drain_fraction', 'tap_rate>filling', 'water>drain_fraction', 'water>draining'].sort());
});

test('constants can be left out', () => {
  const { graph } = diagramGraph(bathtub, { constants: false });
  assert.not.ok(graph!.nodes.some((n) => n.kind === 'constant'));
  assert.not.ok(graph!.edges.some((e) => e.from === 'tap_rate'));
});

test('ELK places every node without overlaps and routes every edge', async () => {
  const layout = await layoutDiagram(diagramGraph(bathtub).graph!);
  assert.is(layout.nodes.length, 9);
  assert.ok(layout.edges.every((e) => e.points.length >= 2));
  for (const a of layout.nodes) {
    assert.ok(a.x >= 0 && a.y >= 0 && a.x + a.width <= layout.width && a.y + a.height <= layout.height, `${a.id} inside the drawing`);
    for (const b of layout.nodes) {
      if (a === b) continue;
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      assert.not.ok(overlap, `${a.id} overlaps ${b.id}`);
    }
  }
  const water = layout.nodes.find((n) => n.id === 'water')!;
  const pool = layout.nodes.find((n) => n.id === 'drain_pool')!;
  assert.ok(water.x < pool.x, 'material flows left to right');
});

test('the SVG draws stocks, valves, clouds, links and loop marks, with escaped text', async () => {
  const svg = await modelDiagram(bathtub, { loops: [{ id: 'B1', polarity: 'balancing', variables: ['Water', 'Draining'] }] });
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  assert.is((svg.match(/class="sf-node sf-stock"/g) ?? []).length, 2);
  assert.is((svg.match(/class="sf-node sf-flow"/g) ?? []).length, 2);
  assert.is((svg.match(/class="sf-node sf-cloud"/g) ?? []).length, 1);
  assert.is((svg.match(/class="sf-link"/g) ?? []).length, 6);
  assert.ok(svg.includes('>B1</text>'));
  assert.ok(svg.includes('Bathtub &amp; &lt;tap&gt;'));
  assert.not.ok(/<script/i.test(svg));
});

test('the same model gives the same drawing', async () => {
  assert.is(await modelDiagram(bathtub), await modelDiagram(bathtub));
});

test('a model that cannot be analysed is a ModelError with its diagnostics', async () => {
  const broken = modelFrom('sim: { start: 0, stop: 1, dt: 1 }\nauxiliaries:\n  a: { equation: b + 1 }\n');
  try {
    await modelDiagram(broken);
    assert.unreachable('should reject');
  } catch (e) {
    assert.instance(e, ModelError);
    assert.ok((e as ModelError).diagnostics.some((d) => d.code === 'unknown-variable'));
  }
});

test('spline control points become cubic Béziers, other paths polylines; names wrap on words', () => {
  assert.is(pathData([{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 1 }, { x: 3, y: 0 }]), 'M0,0 C1,1 2,1 3,0');
  assert.is(pathData([{ x: 0, y: 0 }, { x: 5, y: 0 }]), 'M0,0 L5,0');
  assert.equal(wrap('Servers Over Thread Limit', 16), ['Servers Over', 'Thread Limit']);
});

test.run();
