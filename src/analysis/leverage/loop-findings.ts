/**
 * The feedback loops that dominate the outcome (issue 4, part c), from Loops That Matter on
 * the baseline: the cycle partitions upstream of the metric's variable (largest first), and
 * for each loop how often it is in its partition's dominant set (the fewest loops with ≥ 50 %
 * of the change) during the outcome window, its rise (start to the outcome's peak) and its
 * recovery (peak to end), counting only times at which the group is changing course
 * (activity.ts: while its flows hold steady no loop dominates). Partitions with a single loop
 * dominate themselves trivially and are only counted. Each loop lists the interventions that
 * act on it and the uncertain constants that condition its links.
 */
import { canonicalName } from '../../core/names.js';
import type { LoopAnalysis } from '../loops/index.js';
import { actsOnLoop } from './touches.js';
import type { OutcomeWindow } from './window.js';
import type { LoopEntry, LoopFindings, PhaseDominance } from './types.js';

export interface LoopFindingsInput {
  readonly analysis: LoopAnalysis;
  readonly window: OutcomeWindow;
  /** Ids of the variables the outcome depends on. */
  readonly upstream: ReadonlySet<string>;
  /** (partition, time) → the group is changing course (default: always). */
  readonly active?: (partition: number, t: number) => boolean;
  /** Scenario id → baseline variables it changes. */
  readonly touched: ReadonlyMap<string, ReadonlySet<string>>;
  /** Loop id → uncertain constants conditioning it, most influential first. */
  readonly constantsOf: (loopId: string) => string[];
  /** Loops listed per partition: the largest partition, and the others (default 6 and 3). */
  readonly perPartition?: readonly [number, number];
}

const PHASES = ['window', 'rise', 'recovery'] as const;
type Phase = (typeof PHASES)[number];
/** A loop is listed when it dominates at least this share of the window. */
const LISTED = 0.05;

export function loopFindings(i: LoopFindingsInput): LoopFindings {
  const { analysis: a, window: w } = i;
  const active = i.active ?? (() => true);
  const relevant = new Set(a.loops.filter((l) => l.variables.some((v) => i.upstream.has(canonicalName(v)))).map((l) => l.partition));
  const size = (p: number) => a.partitions[p]?.loops.length ?? 0;
  const multi = [...relevant].filter((p) => size(p) >= 2).sort((x, y) => size(y) - size(x) || x - y);
  const bounds: Record<Phase, [number, number]> = { window: [w.from, w.to], rise: [w.from, w.peak], recovery: [w.peak, w.to] };
  const inPhase = (t: number, p: Phase) => t >= bounds[p][0] - 1e-9 && t <= bounds[p][1] + 1e-9;
  const total = (p: Phase) => Math.max(1, Array.from(a.time).filter((t) => inPhase(t, p)).length);
  const totals = { window: total('window'), rise: total('rise'), recovery: total('recovery') };
  const member = new Map<string, Record<Phase, number>>();
  const sets = new Map<string, { phase: Phase; partition: number; loops: readonly string[]; n: number }>();
  for (const period of a.dominance) {
    if (!multi.includes(period.partition)) continue;
    a.time.forEach((t, k) => {
      if (t < period.from - 1e-9 || t > period.to + 1e-9 || !active(period.partition, a.time[k])) return;
      for (const p of PHASES.filter((x) => inPhase(t, x))) {
        for (const id of period.loops) { const m = member.get(id) ?? { window: 0, rise: 0, recovery: 0 }; m[p]++; member.set(id, m); }
        const key = `${p} ${period.partition} ${period.loops.join(' ')}`;
        const s = sets.get(key) ?? { phase: p, partition: period.partition, loops: period.loops, n: 0 };
        s.n++;
        sets.set(key, s);
      }
    });
  }
  const listed: LoopEntry[] = [];
  const dominating: LoopEntry[] = [];
  multi.forEach((p, rank) => {
    const entries = a.loops.filter((l) => l.partition === p).map((l): LoopEntry => {
      const m = member.get(l.id) ?? { window: 0, rise: 0, recovery: 0 };
      return {
        id: l.id, polarity: l.polarity, variables: l.variables, partition: l.partition,
        share: meanAbs(l.relative, a.time, (t) => inPhase(t, 'window') && active(p, t)),
        dominance: { window: m.window / totals.window, rise: m.rise / totals.rise, recovery: m.recovery / totals.recovery },
        interventions: [...i.touched].filter(([, t]) => actsOnLoop(t, l)).map(([id]) => id),
        constants: i.constantsOf(l.id),
      };
    }).filter((e) => e.dominance.window > 0).sort((x, y) => y.dominance.window - x.dominance.window || y.share - x.share);
    dominating.push(...entries);
    listed.push(...entries.filter((e) => e.dominance.window >= LISTED).slice(0, (i.perPartition ?? [6, 3])[rank === 0 ? 0 : 1]));
  });
  const spans = (['rise', 'recovery'] as const).filter((phase) => bounds[phase][1] > bounds[phase][0]);
  const phases: PhaseDominance[] = multi.flatMap((p) => spans.map((phase): PhaseDominance => {
    const found = [...sets.values()].filter((s) => s.phase === phase && s.partition === p).sort((x, y) => y.n - x.n);
    const quiet = Array.from(a.time).filter((t) => inPhase(t, phase) && !active(p, t)).length;
    return {
      phase, partition: p, stocks: a.partitions[p].stocks.slice(0, 3),
      sets: found.slice(0, 3).map((s) => ({ loops: s.loops, share: s.n / totals[phase] })), steady: quiet / totals[phase],
    };
  }));
  dominating.sort((x, y) => y.dominance.window - x.dominance.window);
  const names = Object.fromEntries(a.loops.filter((l) => l.name !== undefined && relevant.has(l.partition)).map((l) => [l.id, l.name!]));
  return { window: w, loops: listed, dominating: dominating.map((e) => e.id), phases, singleLoopPartitions: [...relevant].filter((p) => size(p) === 1).length, names };
}

/** Mean |relative score| over the reported times that pass `keep` (0 when none does). */
export function meanAbs(relative: ArrayLike<number>, time: ArrayLike<number>, keep: (t: number) => boolean): number {
  let s = 0;
  let n = 0;
  for (let k = 0; k < time.length; k++) if (keep(time[k])) { s += Math.abs(relative[k]); n++; }
  return n ? s / n : 0;
}
