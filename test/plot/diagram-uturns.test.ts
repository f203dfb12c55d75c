/**
 * The Kinesis diagram's routing: pipes and links run toward their targets instead of looping
 * back around a row. Measured with uturns.ts (an edge that runs more than 40 px one way and
 * more than 40 px back, horizontally). With ELK graph wrapping inside sectors the layout had
 * 24 such edges of 167 routed (11 of them pipes: Front-end fleet 10, Lambda 4, Cognito 4,
 * CloudWatch 3, Status page 2, EventBridge 1); without wrapping it has none.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readModelFile } from '../../src/io/load.js';
import { diagramGraph, layoutDiagram, type DiagramLayout, type PlacedEdge } from '../../src/plot/diagram/index.js';
import { reverses, uTurns } from './uturns.js';

let kinesis: DiagramLayout | undefined;
async function layout(): Promise<DiagramLayout> {
  const { model } = readModelFile('models/kinesis-outage.yaml');
  kinesis ??= await layoutDiagram(diagramGraph(model!).graph!);
  return kinesis;
}

const edge = (xs: number[]): PlacedEdge => ({ id: 'e', kind: 'link', from: 'a', to: 'b', points: xs.map((x, i) => ({ x, y: i * 10 })) });

test('the metric counts a route that runs back around a row, not a straight or gently curved one', () => {
  assert.ok(reverses(edge([0, 400, 420, 20, 0, 60])), 'right, back left across the row, right again');
  assert.not.ok(reverses(edge([0, 50, 120, 200])), 'straight on');
  assert.not.ok(reverses(edge([0, 60, 45, 100])), 'a spline control 15 px back');
});

test('the Kinesis diagram routes no edge as a U-turn (24 with graph wrapping)', async () => {
  const l = await layout();
  const routed = l.edges.filter((e) => !e.across);
  assert.ok(routed.length > 150, `${routed.length} routed edges`);
  const u = uTurns(l);
  assert.is(u.length, 0, u.map((e) => e.id).join(', '));
});

// The front-end servers go round a material cycle (Booting → Building → Broken → Restarts →
// Booting, Serving and Stale on a second path), and a cycle drawn left to right has one pipe
// going back.
test('every pipe of the Kinesis diagram but the one closing the servers\' cycle runs left to right', async () => {
  const l = await layout();
  const at = new Map(l.nodes.map((n) => [n.id, n.x + n.width / 2]));
  const pipes = l.edges.filter((e) => e.kind === 'pipe' && !e.across);
  assert.ok(pipes.length > 40, `${pipes.length} pipes`);
  const back = pipes.filter((e) => at.get(e.from)! >= at.get(e.to)!);
  assert.ok(back.length <= 1, back.map((e) => e.id).join(', '));
});

test('the widest sector fits 1180 px of page with 11 px labels drawn at least 7 px high', async () => {
  const widest = Math.max(...(await layout()).sectors.map((s) => s.width));
  assert.ok((1180 / widest) * 11 >= 7, `widest sector ${Math.round(widest)} px`);
});

test.run();
