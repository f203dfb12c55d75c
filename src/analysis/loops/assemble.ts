/**
 * Turns collapsed circuits with their link scores and polarities into reported loops:
 * scores at the reported times, relative scores per cycle partition, polarity from
 * structure where every link has one sign (else from the sign of the loop score over the
 * run, flagging loops whose score changes sign), ids numbered by importance.
 */
import { atReported, type Reporting } from './labels.js';
import { builtinsOn, type LoopGroup } from './collapse.js';
import type { CausalGraph } from './graph.js';
import type { LinkScores } from './link-scores.js';
import { circuitLinks, groupScore, linkIndex, relativeScores } from './loop-scores.js';
import { classify } from './polarity.js';
import type { LinkPolarity, Loop, LoopLink, Partition, PolarityMethod, Sign } from './types.js';

export interface Assembled {
  readonly loops: Loop[];
  readonly partitions: Partition[];
}

const METHOD_RANK: Record<PolarityMethod, number> = { structural: 0, symbolic: 1, 'ceteris-paribus': 2, convention: 3 };

export function assembleLoops(
  g: CausalGraph, groups: readonly LoopGroup[], ls: LinkScores, polarity: readonly LinkPolarity[],
  rep: Reporting, nameOf: (id: string) => string,
): Assembled {
  const index = linkIndex(ls);
  const scored = groups.map((group) => ({ group, ...groupScore(ls, group, index) }));
  const reportedEnd = (rep.steps[rep.steps.length - 1] ?? 0) + 1;
  const relative = relativeScores(scored.map((s) => s.score), groups.map((gr) => gr.component));
  const drafts = scored.map(({ group, score, strongest }, i) => {
    const member = rotateTo(group.members[strongest], group.visible[0]);
    const linkIds = circuitLinks(member, index);
    const staticSign = structuralSign(group, index, polarity);
    const run = classify(score.subarray(0, reportedEnd));
    const sign: Sign = staticSign ?? (run.sign || productSign(linkIds.map((l) => polarity[l].sign || 1)));
    const rel = atReported(relative[i], rep);
    return {
      group, sign, polarityFromStructure: staticSign !== undefined, polarityChanges: run.changes,
      variables: group.visible.map((v) => g.nodes[v].name),
      stocks: member.filter((v) => g.nodes[v].state).map((v) => g.nodes[v].name),
      through: [...new Set(group.members.flatMap((c) => builtinsOn(g, c, nameOf)))],
      links: displayLinks(g, member, linkIds, polarity),
      scores: atReported(score, rep), relative: rel,
      importance: rel.reduce((s, x) => s + Math.abs(x), 0) / Math.max(1, rel.length),
    };
  });
  const count = new Map<number, number>();
  for (const d of drafts) count.set(d.group.component, (count.get(d.group.component) ?? 0) + 1);
  const components = [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)! || g.components[a][0] - g.components[b][0]);
  const order = new Map(components.map((c, i) => [c, i]));
  const text = (d: (typeof drafts)[number]) => d.variables.join('\u0000');
  drafts.sort((a, b) => order.get(a.group.component)! - order.get(b.group.component)!
    || b.importance - a.importance || a.variables.length - b.variables.length
    || (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
  const counter = { reinforcing: 0, balancing: 0 };
  const loops: Loop[] = drafts.map((d) => {
    const polarity = d.sign > 0 ? 'reinforcing' : 'balancing';
    const id = `${polarity === 'reinforcing' ? 'R' : 'B'}${++counter[polarity]}`;
    const { group, sign: _sign, ...rest } = d;
    return { id, polarity, partition: order.get(group.component)!, ...rest };
  });
  const partitions: Partition[] = components.map((c, p) => ({
    stocks: stocksOf(g, g.components[c]),
    loops: loops.filter((l) => l.partition === p).map((l) => l.id),
  }));
  return { loops, partitions };
}

function rotateTo(c: readonly number[], first: number): number[] {
  const i = Math.max(0, c.indexOf(first));
  return [...c.slice(i), ...c.slice(0, i)];
}

function productSign(signs: readonly number[]): Sign {
  return signs.reduce((s, x) => s * (x < 0 ? -1 : 1), 1) as Sign;
}

/** The sign every member circuit has from its links' fixed signs, or undefined. */
function structuralSign(group: LoopGroup, index: ReadonlyMap<string, number>, polarity: readonly LinkPolarity[]): Sign | undefined {
  let sign: Sign | undefined;
  for (const c of group.members) {
    const ps = circuitLinks(c, index).map((l) => polarity[l]);
    if (ps.some((p) => p.sign === 0 || p.changes)) return undefined;
    const s = productSign(ps.map((p) => p.sign));
    if (sign !== undefined && s !== sign) return undefined;
    sign = s;
  }
  return sign;
}

/** Links between consecutive written variables, through any builtin helpers between them. */
function displayLinks(g: CausalGraph, circuit: readonly number[], linkIds: readonly number[], polarity: readonly LinkPolarity[]): LoopLink[] {
  const n = circuit.length;
  const starts = circuit.map((v, i) => (g.nodes[v].helper ? -1 : i)).filter((i) => i >= 0);
  return starts.map((i, j) => {
    const end = starts[(j + 1) % starts.length];
    const segment: LinkPolarity[] = [];
    for (let k = i; segment.length === 0 || k !== end; k = (k + 1) % n) segment.push(polarity[linkIds[k]]);
    const sign = segment.some((p) => p.sign === 0) ? 0 : productSign(segment.map((p) => p.sign));
    const method = segment.reduce<PolarityMethod>((m, p) => (METHOD_RANK[p.method] > METHOD_RANK[m] ? p.method : m), 'structural');
    return { from: g.nodes[circuit[i]].name, to: g.nodes[circuit[end]].name, polarity: { sign, changes: segment.some((p) => p.changes), method } };
  });
}

function stocksOf(g: CausalGraph, comp: readonly number[]): string[] {
  const state = comp.filter((i) => g.nodes[i].state);
  const written = state.filter((i) => !g.nodes[i].helper);
  return (written.length ? written : state).map((i) => g.nodes[i].name);
}
