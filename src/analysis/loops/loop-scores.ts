/**
 * Loop scores and relative loop scores (§1.4). A loop score is the product of its link
 * scores (signs multiply, any inactive link zeroes it); for a loop collapsed over several
 * pathways through a builtin it is, at each dt, the score of the strongest pathway. The
 * relative loop score divides by the sum of |loop scores| of the loops in the same cycle
 * partition, and is 0 when that sum is 0.
 */
import type { LoopGroup } from './collapse.js';
import type { LinkScores } from './link-scores.js';

/** Index of link from → to in a LinkScores, by `from,to`. */
export function linkIndex(ls: LinkScores): Map<string, number> {
  return new Map(ls.links.map(([a, b], i) => [`${a},${b}`, i]));
}

/** Link indices around a circuit, in order (the last closes back to the first node). */
export function circuitLinks(circuit: readonly number[], index: ReadonlyMap<string, number>): number[] {
  return circuit.map((from, i) => {
    const to = circuit[(i + 1) % circuit.length];
    const k = index.get(`${from},${to}`);
    if (k === undefined) throw new Error(`no scored link ${from} → ${to} on a loop`);
    return k;
  });
}

/** Score of one circuit at every step. */
export function circuitScore(ls: LinkScores, linksOf: readonly number[]): Float64Array {
  const n = ls.scores[0]?.length ?? 0;
  const out = new Float64Array(n).fill(1);
  for (const l of linksOf) {
    const s = ls.scores[l];
    for (let k = 0; k < n; k++) out[k] *= s[k];
  }
  return out;
}

/** Score of a collapsed loop: per step, its member circuit with the largest |score|. */
export function groupScore(ls: LinkScores, group: LoopGroup, index: ReadonlyMap<string, number>): { score: Float64Array; strongest: number } {
  const members = group.members.map((c) => circuitScore(ls, circuitLinks(c, index)));
  const score = Float64Array.from(members[0]);
  const weight = members.map(() => 0);
  for (let k = 0; k < score.length; k++) {
    let m = 0;
    for (let j = 1; j < members.length; j++) if (Math.abs(members[j][k]) > Math.abs(members[m][k])) m = j;
    score[k] = members[m][k];
    weight[m] += Math.abs(members[m][k]);
  }
  let strongest = 0;
  weight.forEach((w, j) => { if (w > weight[strongest]) strongest = j; });
  return { score, strongest };
}

/** Relative loop scores: each score over the sum of |scores| in its partition, per step. */
export function relativeScores(scores: readonly Float64Array[], partitionOf: readonly number[]): Float64Array[] {
  const n = scores[0]?.length ?? 0;
  const partitions = new Set(partitionOf);
  const out = scores.map(() => new Float64Array(n));
  for (const p of partitions) {
    const members = partitionOf.map((q, i) => (q === p ? i : -1)).filter((i) => i >= 0);
    for (let k = 0; k < n; k++) {
      let sum = 0;
      for (const i of members) sum += Math.abs(scores[i][k]);
      if (sum > 0 && Number.isFinite(sum)) for (const i of members) out[i][k] = scores[i][k] / sum;
    }
  }
  return out;
}
