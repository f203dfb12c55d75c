/** What the post-incident report adds: clock axes, events, mirrors and constants kept apart, ties, sectors, the explorer's data. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { modelFrom } from '../helpers.js';
import { simulate } from '../../src/sim/simulate.js';
import { clockOf } from '../../src/model/clock.js';
import { onClock } from '../../src/plot/clock-axis.js';
import { withReference } from '../../src/plot/reference.js';
import { timeSeriesFigure } from '../../src/plot/timeseries.js';
import { baselineCharts, baselineGroups } from '../../src/plot/report/baseline.js';
import { tiedPlaces } from '../../src/plot/report/interventions.js';
import { diagramGraph, diagramSvg, layoutDiagram } from '../../src/plot/diagram/index.js';
import { explorerData } from '../../src/plot/explorer/data.js';
import { selectVariants } from '../../src/scenarios/index.js';

const model = modelFrom(`
sim: { start: 0, stop: 4, dt: 0.5, time_unit: hour, time_origin: 2020-11-25T05:00-08:00 }
stocks:
  Up: { initial: 0, inflows: [Rise], units: "1", sector: Service }
  Parked: { initial: 3, units: "1", sector: Spare }
flows:
  Rise: { equation: Rate * (1 - Up), sector: Service }
auxiliaries:
  Down: { equation: 1 - Up, sector: Service }
constants:
  Rate: { value: 0.5, uncertainty: { min: 0.1, max: 1 }, sector: Controls }
metrics:
  Up at the end: { variable: Up, aggregate: final, better: higher }
  Down at the end: { variable: Down, aggregate: final, better: lower }
scenarios:
  - { id: faster, title: Faster, leverage: { level: 12, reason: a number }, changes: [{ set: { Rate: 1 } }] }
`);
const run = simulate(model);

test('time charts go on the clock in the origin zone, with events of their variables', () => {
  const fig = onClock(withReference(timeSeriesFigure(run, ['Up']), [
    { kind: 'event', name: 'half up [P]', variable: 'Up', aggregate: 'first_time_above', threshold: 0.5, time: 1.5, weight: 1 },
    { kind: 'event', name: 'elsewhere', variable: 'Parked', aggregate: 'first_time_above', threshold: 1, time: 2, weight: 1 },
  ], ['Up']), clockOf(model.sim));
  assert.is((fig.data[0].x as string[])[0], '2020-11-25 05:00:00');
  assert.is((fig.layout.xaxis as { type: string }).type, 'date');
  assert.is(fig.data[1].name, 'published events');
  assert.equal(fig.data[1].x, ['2020-11-25 06:30:00']);
  const shapes = fig.layout.shapes as { x0: string }[];
  assert.equal(shapes.map((s) => s.x0), ['2020-11-25 06:30:00']);
  assert.is((fig.layout.annotations as { text: string }[])[0].text, 'half up');
});

test("an event about a sector is drawn as its line on the charts of that sector's other variables, the diamond only on its own", () => {
  const sectorOf = (name: string) => model.variables.find((v) => v.id === name.toLowerCase().replace(/[\s_]+/g, ' '))?.sector;
  const events = [
    { kind: 'event' as const, name: 'half up [P]', variable: 'Up', aggregate: 'first_time_above' as const, threshold: 0.5, time: 1.5, weight: 1 },
    { kind: 'event' as const, name: 'spare moved', variable: 'Parked', aggregate: 'first_time_above' as const, threshold: 1, time: 2, weight: 1 },
  ];
  const down = withReference(timeSeriesFigure(run, ['Down']), events, ['Down'], sectorOf);
  assert.equal((down.layout.shapes as { x0: number }[]).map((s) => s.x0), [1.5], 'the Service event, not the Spare one');
  assert.equal((down.layout.annotations as { text: string }[]).map((a) => a.text), ['half up']);
  assert.not.ok(down.data.some((t) => t.name === 'published events'), 'no threshold marker on another variable');
  const up = withReference(timeSeriesFigure(run, ['Up']), events, ['Up'], sectorOf);
  assert.ok(up.data.some((t) => t.name === 'published events'));
  assert.is(withReference(timeSeriesFigure(run, ['Down']), events, ['Down']).layout.shapes, undefined, 'without sectors only own events');
});

test('a complement never shares an axis with its mirror, and constant series are left out and listed', () => {
  const groups = baselineGroups(model, run);
  const together = groups.find((g) => g.variables.includes('Up') && g.variables.includes('Down'));
  assert.is(together, undefined);
  assert.ok(groups.some((g) => g.variables.includes('Down') && /complements/.test(g.title)));
  assert.not.ok(groups.some((g) => g.variables.includes('Parked')));
  assert.equal(baselineCharts(model, run).constant, [{ name: 'Parked', value: 3 }]);
});

test('equal effects are one tied place, in ranked order', () => {
  assert.equal(tiedPlaces([5, 5, 5, 5, 3, 2, 2], (x) => x), [[5, 5, 5, 5], [3], [2, 2]]);
});

test('a model with sectors is laid out as sector boxes holding their variables, and each sector drawn alone', async () => {
  const layout = await layoutDiagram(diagramGraph(model).graph!);
  assert.equal(layout.sectors.map((s) => s.name).sort(), ['Controls', 'Service', 'Spare']);
  for (const n of layout.nodes.filter((x) => x.sector)) {
    const box = layout.sectors.find((s) => s.name === n.sector)!;
    assert.ok(n.x >= box.x && n.y >= box.y && n.x + n.width <= box.x + box.width && n.y + n.height <= box.y + box.height, `${n.name} inside ${box.name}`);
  }
  assert.ok(layout.edges.some((e) => e.across && e.from === 'rate'), 'the link from Controls to Service crosses sectors');
  const service = diagramSvg(layout, { sector: 'Service' });
  assert.match(service, />Rise</);
  assert.not.match(service, />Parked</);
  assert.match(diagramSvg(layout), /class="sf-sector"/);
});

test('the explorer gets a compiled program per run, sliders from the uncertainty ranges, and the set constants of each intervention', () => {
  const { variants } = selectVariants(model, 'all');
  const data = explorerData(model, variants, [{ title: 'Up', variables: ['Up'] }]);
  assert.equal(data.sliders, [{ name: 'Rate', min: 0.1, max: 1, value: 0.5, units: undefined, source: undefined }]);
  assert.equal(data.variants.map((v) => [v.id, v.fixed, v.dash]), [['faster', ['rate'], 'dot']]);
  assert.ok(data.baseline.program.code.includes('function e0'));
  assert.not.ok(data.baseline.program.code.includes('Rate * (1 - Up)'), 'equation text never reaches the page');
  assert.is(data.clock?.offsetMinutes, -480);
});

test.run();
