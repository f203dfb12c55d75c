/**
 * The U-turn count of a laid-out diagram: routed edges whose path runs one way and then back
 * the other way, horizontally, by more than `leg` px each way (a pipe or link that loops back
 * around a row instead of running toward its target). Edges drawn straight between sectors
 * are not routed and not counted.
 */
import type { DiagramLayout, PlacedEdge } from '../../src/plot/diagram/index.js';

export function reverses(e: PlacedEdge, leg = 40): boolean {
  let right = 0;
  let left = 0;
  for (let i = 1; i < e.points.length; i++) {
    const dx = e.points[i].x - e.points[i - 1].x;
    if (dx > 0) right += dx; else left -= dx;
  }
  return right > leg && left > leg;
}

export function uTurns(layout: DiagramLayout, leg = 40): PlacedEdge[] {
  return layout.edges.filter((e) => !e.across && reverses(e, leg));
}
